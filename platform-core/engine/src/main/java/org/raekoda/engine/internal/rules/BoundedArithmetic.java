package org.raekoda.engine.internal.rules;

import java.math.MathContext;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;

import org.apache.commons.jexl3.JexlArithmetic;

/**
 * JEXL's arithmetic with every operator bounded, so that one operation (which a deadline cannot interrupt)
 * stays small: ranges hold at most {@link RuleLimits#MAX_RANGE_SIZE} numbers, texts built with {@code +} at
 * most {@link RuleLimits#MAX_TEXT_LENGTH} characters, and {@code =~} / {@code !~} with a text pattern run on
 * RE2/J, whose time grows linearly with the text (java.util.regex backtracks: {@code (a+)+$} takes years).
 * {@code =~} with a list keeps its meaning of "is one of", in time linear in both sides.
 */
final class BoundedArithmetic extends JexlArithmetic {

    /** Compiled patterns, shared by all evaluations; cleared when full, as patterns mostly come from criteria. */
    private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();
    private static final int PATTERNS_KEPT = 256;

    BoundedArithmetic() {
        super(true);
    }

    private BoundedArithmetic(boolean strict, MathContext context, int scale) {
        super(strict, context, scale);
    }

    @Override
    protected JexlArithmetic createWithOptions(boolean strict, MathContext context, int scale) {
        return new BoundedArithmetic(strict, context, scale);
    }

    @Override
    public Iterable<?> createRange(Object from, Object to) {
        long size = Math.abs(toLong(to) - toLong(from)) + 1;
        if (size <= 0 || size > RuleLimits.MAX_RANGE_SIZE) {
            throw new ArithmeticException("a range holds at most " + RuleLimits.MAX_RANGE_SIZE + " numbers");
        }
        return super.createRange(from, to);
    }

    @Override
    public Object add(Object left, Object right) {
        if (left instanceof CharSequence || right instanceof CharSequence) {
            long length = String.valueOf(left).length() + (long) String.valueOf(right).length();
            if (length > RuleLimits.MAX_TEXT_LENGTH) {
                throw new ArithmeticException("a text built by a criterion holds at most "
                        + RuleLimits.MAX_TEXT_LENGTH + " characters");
            }
        }
        return super.add(left, right);
    }

    @Override
    public Boolean contains(Object container, Object value) {
        if (container instanceof CharSequence pattern) {
            return value != null && matches(pattern.toString(), value.toString());
        }
        if (container instanceof java.util.regex.Pattern literal) {
            // JEXL compiles a literal pattern when it parses; the match still runs on RE2/J
            return value != null && matches(literal.pattern(), value.toString());
        }
        if (container instanceof Collection<?> elements && value instanceof Collection<?> wanted) {
            return new HashSet<>(elements).containsAll(wanted);
        }
        return super.contains(container, value);
    }

    /** Whether the whole text matches the pattern (as JEXL's {@code =~} with a text does). */
    static boolean matches(String pattern, String text) {
        if (text.length() > RuleLimits.MAX_MATCHED_LENGTH) {
            throw new ArithmeticException("a text matched against a pattern holds at most "
                    + RuleLimits.MAX_MATCHED_LENGTH + " characters");
        }
        return pattern(pattern).matches(text);
    }

    /**
     * The pattern compiled by RE2/J.
     *
     * @throws ArithmeticException when it is too long or not RE2 syntax (for instance a backreference)
     */
    static Pattern pattern(String pattern) {
        if (pattern.length() > RuleLimits.MAX_PATTERN_LENGTH) {
            throw new ArithmeticException("a pattern holds at most " + RuleLimits.MAX_PATTERN_LENGTH + " characters");
        }
        Pattern compiled = PATTERNS.get(pattern);
        if (compiled == null) {
            try {
                compiled = Pattern.compile(pattern);
            } catch (PatternSyntaxException e) {
                throw new ArithmeticException("not a pattern RE2/J accepts: " + e.getDescription());
            }
            if (PATTERNS.size() >= PATTERNS_KEPT) {
                PATTERNS.clear();
            }
            PATTERNS.put(pattern, compiled);
        }
        return compiled;
    }
}

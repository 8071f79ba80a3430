package org.raekoda.engine.internal.rules;

import java.math.BigDecimal;
import java.time.Duration;

/**
 * How far a criterion may go: what is refused when it is saved, and how long and how much it may take when it
 * runs. The defaults are the single source for {@link RulesConfig}; a node changes them with the PID
 * {@code org.raekoda.rules}.
 *
 * @param evaluationDeadline time for all criteria of one application; past it the rest could not be evaluated
 * @param dryRunDeadline     time for a whole dry run; past it the report says it stopped early
 */
public record RuleLimits(Duration evaluationDeadline, Duration dryRunDeadline) {

    public static final int DEFAULT_EVALUATION_DEADLINE_MILLIS = 50;
    public static final int DEFAULT_DRY_RUN_DEADLINE_SECONDS = 10;

    /** Characters in one expression. */
    public static final int MAX_EXPRESSION_LENGTH = 2000;
    /** Levels of nesting in one expression's syntax tree. */
    public static final int MAX_DEPTH = 32;
    /** Criteria in one rule set. */
    public static final int MAX_CRITERIA = 100;
    /** Numbers in a range such as {@code 1..N}. */
    public static final long MAX_RANGE_SIZE = 10_000;
    /** Characters of a text an expression builds with {@code +}. */
    public static final int MAX_TEXT_LENGTH = 10_000;
    /** Characters of a regular expression used with {@code =~} or {@code !~}. */
    public static final int MAX_PATTERN_LENGTH = 200;
    /** Characters of a text a regular expression is matched against. */
    public static final int MAX_MATCHED_LENGTH = 1000;
    /** Digits (or exponent) of a number literal: larger ones make arithmetic slow. */
    public static final int MAX_NUMBER_DIGITS = 40;
    /** Characters of a criterion's value kept in its explanation (as JSON). */
    public static final int MAX_KEPT_VALUE_LENGTH = 1000;

    /** The largest amount the fee column holds: DECIMAL(12,2). */
    public static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999.99");

    public static final RuleLimits DEFAULTS = new RuleLimits(Duration.ofMillis(DEFAULT_EVALUATION_DEADLINE_MILLIS),
            Duration.ofSeconds(DEFAULT_DRY_RUN_DEADLINE_SECONDS));

    public RuleLimits {
        if (evaluationDeadline.isNegative() || evaluationDeadline.isZero()
                || dryRunDeadline.isNegative() || dryRunDeadline.isZero()) {
            throw new IllegalArgumentException("deadlines must be positive");
        }
    }
}

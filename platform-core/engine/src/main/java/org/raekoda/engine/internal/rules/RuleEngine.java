package org.raekoda.engine.internal.rules;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.JexlInfo;
import org.apache.commons.jexl3.introspection.JexlUberspect;
import org.apache.commons.jexl3.internal.Engine;
import org.apache.commons.jexl3.parser.ASTERNode;
import org.apache.commons.jexl3.parser.ASTJexlScript;
import org.apache.commons.jexl3.parser.ASTNRNode;
import org.apache.commons.jexl3.parser.ASTNumberLiteral;
import org.apache.commons.jexl3.parser.ASTRangeNode;
import org.apache.commons.jexl3.parser.ASTStringLiteral;
import org.apache.commons.jexl3.parser.JexlNode;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.application.CriterionResult;
import org.raekoda.api.application.Evaluation;
import org.raekoda.api.application.Verdict;
import org.raekoda.api.eservice.Criterion;
import org.raekoda.engine.internal.json.Json;

/**
 * Evaluates criteria written as Apache Commons JEXL expressions, in a sandbox: expressions can read the facts
 * they are given and compare them, nothing else: no method calls, no object creation, no loops, no
 * assignments, no access to classes or getters. Every expression is checked when it is saved (length, nesting,
 * the syntax it uses, literal ranges and patterns, see {@link RuleLimits}); every operation is bounded
 * ({@link BoundedArithmetic}); and the criteria of one application share a deadline, past which the rest
 * "could not be evaluated" and the application goes to an officer. The engine is thread-safe and caches parsed
 * expressions.
 */
public final class RuleEngine {

    /** The note of a criterion that failed to run: the application goes to an officer. */
    public static final String NOT_EVALUATED = "could not be evaluated";

    private static final JexlFeatures SANDBOX = new JexlFeatures()
            .methodCall(false).newInstance(false).loops(false).sideEffect(false).sideEffectGlobal(false)
            .lambda(false).annotation(false).pragma(false).importPragma(false).namespacePragma(false)
            .localVar(false).script(false).register(false);

    /**
     * The syntax a criterion may use (JEXL's node types): reading facts, literals, comparisons, logic and
     * arithmetic. Everything else (regex literals {@code ~/…/}, templates, shifts, bit operations, switch,
     * instanceof, qualified class names) is refused when the criterion is saved.
     */
    private static final Set<String> ALLOWED_SYNTAX = Set.of("ASTJexlScript", "ASTReference",
            "ASTReferenceExpression", "ASTIdentifier", "ASTIdentifierAccess", "ASTIdentifierAccessSafe",
            "ASTArrayAccess", "ASTNumberLiteral", "ASTStringLiteral", "ASTTrueNode", "ASTFalseNode", "ASTNullLiteral",
            "ASTArrayLiteral", "ASTSetLiteral", "ASTMapLiteral", "ASTMapEntry", "ASTRangeNode", "ASTAndNode",
            "ASTOrNode", "ASTNotNode", "ASTEQNode", "ASTNENode", "ASTEQSNode", "ASTNESNode", "ASTLTNode",
            "ASTLENode", "ASTGTNode", "ASTGENode", "ASTERNode", "ASTNRNode", "ASTSWNode", "ASTNSWNode", "ASTEWNode",
            "ASTNEWNode", "ASTAddNode", "ASTSubNode", "ASTMulNode", "ASTDivNode", "ASTModNode", "ASTUnaryMinusNode",
            "ASTUnaryPlusNode", "ASTTernaryNode", "ASTNullpNode", "ASTSizeFunction", "ASTEmptyFunction");

    /** How many times the criteria's deadline one expression of the definition (a fee, a date) may take. */
    private static final int SINGLE_EXPRESSION_ALLOWANCE = 10;

    /** What a node's limits say when nobody configured them (the {@code org.raekoda.rules} PID). */
    private static volatile RuleLimits configured = RuleLimits.DEFAULTS;

    private final RuleLimits fixed;
    private final SandboxEngine jexl = new SandboxEngine(new JexlBuilder()
            .features(SANDBOX)
            .permissions(FactsOnlyPermissions.INSTANCE)
            .strategy(JexlUberspect.MAP_STRATEGY)
            .arithmetic(new BoundedArithmetic())
            .strict(true)
            .safe(true)
            .silent(false)
            .cancellable(true)
            .stackOverflow(4 * RuleLimits.MAX_DEPTH)
            .cache(1024)
            // JEXL caches only expressions up to 64 characters unless told otherwise
            .cacheThreshold(RuleLimits.MAX_EXPRESSION_LENGTH));

    /** An engine that follows the node's configuration ({@link RulesSettings}). */
    public RuleEngine() {
        this(null);
    }

    /** An engine with its own limits (null: the node's configuration), for tests and tools. */
    public RuleEngine(RuleLimits limits) {
        this.fixed = limits;
        warmUp();
    }

    /**
     * Runs the parts of JEXL criteria use once, so that loading its classes does not count against the first
     * application's deadline.
     */
    private void warmUp() {
        Map<String, Object> facts = Map.of("form", Map.of("a", 1, "b", "x", "c", List.of(1)));
        for (String expression : List.of("form.a <= 2 && form.b =~ ['x'] && form.b + 'y' =~ 'x.' ? size(form.c) : 0",
                "form['c'][0] * 2 - 1 / 1 == 1 || !empty(form.d) || 1 =~ (1..2)")) {
            try (Deadline deadline = new Deadline(Duration.ofMinutes(1))) {
                expression(expression).evaluate(FactsContext.of(facts, deadline));
            }
        }
    }

    static void configure(RuleLimits limits) {
        configured = limits;
    }

    /** The limits in force. */
    public RuleLimits limits() {
        return fixed != null ? fixed : configured;
    }

    /** Checks that an expression can run safely in the sandbox; returns the problem or null. */
    public String problemWith(String expression) {
        if (expression == null || expression.isBlank()) {
            return "an expression is required";
        }
        if (expression.length() > RuleLimits.MAX_EXPRESSION_LENGTH) {
            return "at most " + RuleLimits.MAX_EXPRESSION_LENGTH + " characters";
        }
        ASTJexlScript tree;
        try {
            tree = jexl.tree(expression);
        } catch (JexlException e) {
            return "not a valid criterion expression: " + describe(e);
        } catch (StackOverflowError e) {
            return "nested deeper than " + RuleLimits.MAX_DEPTH + " levels";
        }
        return problemIn(tree, 0);
    }

    /**
     * Checks a rule set: how many criteria, unique ids, and each expression; every problem at its JSON pointer
     * below {@code pointer} (for instance {@code /criteria/2/value}), naming the criterion.
     */
    public List<FieldError> problems(List<Criterion> criteria, String pointer) {
        List<FieldError> errors = new ArrayList<>();
        if (criteria.size() > RuleLimits.MAX_CRITERIA) {
            errors.add(new FieldError(pointer, "at most " + RuleLimits.MAX_CRITERIA + " criteria"));
            return errors;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < criteria.size(); i++) {
            Criterion criterion = criteria.get(i);
            if (!ids.add(criterion.id())) {
                errors.add(new FieldError(pointer + "/" + i + "/id", "duplicate criterion id " + criterion.id()));
            }
            String valueProblem = problemWith(criterion.value());
            if (valueProblem != null) {
                errors.add(new FieldError(pointer + "/" + i + "/value", "criterion " + criterion.id() + ": "
                        + valueProblem));
            }
            String testProblem = problemWith(criterion.test());
            if (testProblem != null) {
                errors.add(new FieldError(pointer + "/" + i + "/test", "criterion " + criterion.id() + ": "
                        + testProblem));
            }
        }
        return errors;
    }

    /**
     * Checks a fee rule: an expression that runs safely, and when it reads no facts (a constant), an amount the
     * platform can charge, from 0 to {@link RuleLimits#MAX_AMOUNT}. Returns the problem or null.
     */
    public String feeProblem(String expression) {
        String problem = problemWith(expression);
        if (problem != null) {
            return problem;
        }
        if (!jexl.variables(jexl.tree(expression)).isEmpty()) {
            return null;
        }
        try {
            amount(expression, Map.of());
            return null;
        } catch (RuntimeException e) {
            return e.getMessage();
        }
    }

    /**
     * Evaluates every criterion against the facts.
     *
     * @param facts what the expressions may read: {@code form}, {@code location}, {@code registry}
     */
    public Evaluation evaluate(List<Criterion> criteria, Map<String, Object> facts) {
        return evaluate(criteria, hash(criteria), facts);
    }

    /**
     * Evaluates every criterion against the facts, for a rule set whose version is already known (computing
     * it means serializing the criteria and hashing them, most of an evaluation's time). All criteria share one
     * deadline; a criterion that overruns it, fails or is refused by the sandbox could not be evaluated, which
     * sends the application to an officer.
     */
    public Evaluation evaluate(List<Criterion> criteria, String rulesetHash, Map<String, Object> facts) {
        List<CriterionResult> results = new ArrayList<>(criteria.size());
        boolean allPassed = true;
        try (Deadline deadline = new Deadline(limits().evaluationDeadline())) {
            for (Criterion criterion : criteria) {
                CriterionResult result = evaluate(criterion, facts, deadline);
                allPassed &= result.passed();
                results.add(result);
            }
        }
        return new Evaluation(allPassed ? Verdict.ISSUE : Verdict.REVIEW, rulesetHash, results, facts);
    }

    /** Whether a result is one that could not be evaluated (not one that was evaluated and failed). */
    public static boolean notEvaluated(CriterionResult result) {
        return result.note().startsWith(NOT_EVALUATED);
    }

    private CriterionResult evaluate(Criterion criterion, Map<String, Object> facts, Deadline deadline) {
        Object value = null;
        try {
            if (deadline.passed()) {
                return result(criterion, null, false, overrun(deadline));
            }
            FactsContext context = FactsContext.of(facts, deadline);
            value = expression(criterion.value()).evaluate(context);
            if (value == null) {
                return result(criterion, null, false, "no value given");
            }
            Object outcome = expression(criterion.test()).evaluate(context.forTest(value, criterion.limit()));
            if (!(outcome instanceof Boolean)) {
                return result(criterion, value, false, "the test did not give yes or no");
            }
            return result(criterion, value, (Boolean) outcome, "");
        } catch (JexlException.Cancel e) {
            return result(criterion, value, false, overrun(deadline));
        } catch (RuntimeException | StackOverflowError e) {
            return result(criterion, value, false, deadline.passed() ? overrun(deadline) : NOT_EVALUATED);
        }
    }

    private static String overrun(Deadline deadline) {
        return NOT_EVALUATED + ": the criteria took longer than " + deadline.length().toMillis() + " ms to run";
    }

    private static CriterionResult result(Criterion criterion, Object value, boolean passed, String note) {
        return new CriterionResult(criterion.id(), criterion.title().texts(), kept(value), criterion.limit(), passed,
                note, criterion.legalBasis().texts());
    }

    /** The value as an explanation keeps it: a long text shortened, a large list or map left out. */
    static Object kept(Object value) {
        if (value == null || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof CharSequence text) {
            return text.length() <= RuleLimits.MAX_KEPT_VALUE_LENGTH ? text.toString()
                    : text.subSequence(0, RuleLimits.MAX_KEPT_VALUE_LENGTH) + "…";
        }
        String json;
        try {
            json = Json.write(value);
        } catch (RuntimeException e) {
            return "(a value that cannot be shown)";
        }
        return json.length() <= RuleLimits.MAX_KEPT_VALUE_LENGTH ? value
                : "(a value of " + json.length() + " characters, too long to keep)";
    }

    /**
     * Evaluates an expression (a date, a text, an amount) over the facts; null when it gives nothing. One expression
     * is bounded by the checks when it was saved; its deadline, {@value #SINGLE_EXPRESSION_ALLOWANCE} times that of
     * an application's criteria, is only a backstop, as failing here refuses the submission.
     *
     * @throws RuntimeException when it cannot be evaluated
     */
    public Object value(String expression, Map<String, Object> facts) {
        JexlExpression parsed = expression(expression);
        try (Deadline deadline = new Deadline(limits().evaluationDeadline().multipliedBy(SINGLE_EXPRESSION_ALLOWANCE))) {
            return parsed.evaluate(FactsContext.of(facts, deadline));
        } catch (StackOverflowError e) {
            throw new IllegalArgumentException("the expression could not be evaluated");
        }
    }

    /**
     * Evaluates an amount expression (a fee, a number of days) over the facts: a number from 0 to
     * {@link RuleLimits#MAX_AMOUNT} (what the fee column holds), rounded to cents.
     *
     * @throws IllegalArgumentException when it gives no number or one outside that range
     */
    public BigDecimal amount(String expression, Map<String, Object> facts) {
        Object result;
        try {
            result = value(expression, facts);
        } catch (JexlException e) {
            throw new IllegalArgumentException("the amount rule could not be evaluated: " + describe(e));
        }
        if (!(result instanceof Number)) {
            throw new IllegalArgumentException("the amount rule did not give a number");
        }
        BigDecimal amount;
        try {
            amount = new BigDecimal(result.toString());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("the amount rule gives " + result + ", not an amount");
        }
        BigDecimal cents = amount.setScale(2, RoundingMode.HALF_UP);
        if (cents.signum() < 0 || cents.compareTo(RuleLimits.MAX_AMOUNT) > 0) {
            throw new IllegalArgumentException("the amount rule gives " + cents.toPlainString()
                    + ", outside 0 to " + RuleLimits.MAX_AMOUNT.toPlainString());
        }
        return amount;
    }

    /** The rule set's version: SHA-256 of the criteria's canonical JSON. */
    public static String hash(List<Criterion> criteria) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(Json.write(criteria).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private JexlExpression expression(String source) {
        if (source.length() > RuleLimits.MAX_EXPRESSION_LENGTH) {
            throw new IllegalArgumentException("expression too long");
        }
        return jexl.createExpression(SandboxEngine.INFO, source);
    }

    private static String problemIn(JexlNode node, int depth) {
        if (depth > RuleLimits.MAX_DEPTH) {
            return "nested deeper than " + RuleLimits.MAX_DEPTH + " levels";
        }
        String syntax = node.getClass().getSimpleName();
        if (!ALLOWED_SYNTAX.contains(syntax)) {
            // In words, not the parser's class name: "uses a regex literal", "uses a method".
            String words = syntax.replaceFirst("^AST", "").replaceFirst("Node$", "")
                    .replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
            return "uses " + words + ", which criteria may not: they read facts and compare them";
        }
        String problem = problemOf(node);
        for (int i = 0; problem == null && i < node.jjtGetNumChildren(); i++) {
            problem = problemIn(node.jjtGetChild(i), depth + 1);
        }
        return problem;
    }

    /** Literals that would make one operation large: huge ranges and numbers, patterns RE2/J refuses. */
    private static String problemOf(JexlNode node) {
        if (node instanceof ASTRangeNode && node.jjtGetChild(0) instanceof ASTNumberLiteral from
                && node.jjtGetChild(1) instanceof ASTNumberLiteral to) {
            BigInteger size = new BigDecimal(to.getLiteral().toString()).toBigInteger()
                    .subtract(new BigDecimal(from.getLiteral().toString()).toBigInteger()).abs().add(BigInteger.ONE);
            if (size.compareTo(BigInteger.valueOf(RuleLimits.MAX_RANGE_SIZE)) > 0) {
                return "a range holds at most " + RuleLimits.MAX_RANGE_SIZE + " numbers";
            }
        }
        if (node instanceof ASTNumberLiteral number) {
            Number literal = number.getLiteral();
            BigDecimal decimal = literal instanceof BigDecimal d ? d
                    : literal instanceof BigInteger i ? new BigDecimal(i) : null;
            if (decimal != null && (decimal.precision() > RuleLimits.MAX_NUMBER_DIGITS
                    || Math.abs(decimal.scale()) > RuleLimits.MAX_NUMBER_DIGITS)) {
                return "a number has at most " + RuleLimits.MAX_NUMBER_DIGITS + " digits";
            }
        }
        if ((node instanceof ASTERNode || node instanceof ASTNRNode)
                && node.jjtGetChild(1) instanceof ASTStringLiteral pattern) {
            try {
                BoundedArithmetic.pattern(pattern.getLiteral());
            } catch (ArithmeticException e) {
                return e.getMessage();
            }
        }
        return null;
    }

    /** A parse error without the engine's location prefix (which names classes). */
    private static String describe(JexlException e) {
        String message = e.getMessage() == null ? "" : e.getMessage();
        int detail = message.indexOf(' ');
        return detail < 0 ? message : message.substring(detail + 1);
    }

    /** JEXL's engine with the parse tree reachable, so that a criterion is checked node by node when saved. */
    private static final class SandboxEngine extends Engine {

        static final JexlInfo INFO = new JexlInfo("criterion", 1, 1);

        SandboxEngine(JexlBuilder builder) {
            super(builder);
        }

        ASTJexlScript tree(String source) {
            return parse(INFO, SANDBOX, source, null);
        }

        Set<List<String>> variables(ASTJexlScript tree) {
            return getVariables(tree);
        }
    }
}

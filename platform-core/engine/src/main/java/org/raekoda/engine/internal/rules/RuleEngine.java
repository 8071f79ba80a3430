package org.raekoda.engine.internal.rules;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.jexl3.JexlBuilder;
import org.apache.commons.jexl3.JexlContext;
import org.apache.commons.jexl3.JexlEngine;
import org.apache.commons.jexl3.JexlException;
import org.apache.commons.jexl3.JexlExpression;
import org.apache.commons.jexl3.JexlFeatures;
import org.apache.commons.jexl3.MapContext;
import org.apache.commons.jexl3.introspection.JexlPermissions;
import org.raekoda.api.application.CriterionResult;
import org.raekoda.api.application.Evaluation;
import org.raekoda.api.application.Verdict;
import org.raekoda.api.eservice.Criterion;
import org.raekoda.engine.internal.json.Json;

/**
 * Evaluates criteria written as Apache Commons JEXL expressions, in a sandbox: expressions can read
 * the facts they are given and compare them, nothing else: no method calls, no object creation,
 * no loops, no assignments, no access to classes. The engine is thread-safe and caches parsed expressions.
 */
public final class RuleEngine {

    private static final JexlFeatures SANDBOX = new JexlFeatures()
            .methodCall(false).newInstance(false).loops(false).sideEffect(false).sideEffectGlobal(false)
            .lambda(false).annotation(false).pragma(false).importPragma(false).namespacePragma(false)
            .localVar(false).script(false).register(false);

    private final JexlEngine jexl = new JexlBuilder()
            .features(SANDBOX)
            .permissions(JexlPermissions.RESTRICTED)
            .strict(true)
            .safe(true)
            .silent(false)
            .cache(1024)
            .create();

    /** Checks that an expression parses within the sandbox; returns the problem or null. */
    public String problemWith(String expression) {
        try {
            jexl.createExpression(expression);
            return null;
        } catch (JexlException e) {
            return "not a valid criterion expression: " + e.getMessage();
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
     * it means serializing the criteria and hashing them, most of an evaluation's time).
     */
    public Evaluation evaluate(List<Criterion> criteria, String rulesetHash, Map<String, Object> facts) {
        List<CriterionResult> results = new ArrayList<>(criteria.size());
        boolean allPassed = true;
        for (Criterion criterion : criteria) {
            CriterionResult result = evaluate(criterion, facts);
            allPassed &= result.passed();
            results.add(result);
        }
        return new Evaluation(allPassed ? Verdict.ISSUE : Verdict.REVIEW, rulesetHash, results, facts);
    }

    private CriterionResult evaluate(Criterion criterion, Map<String, Object> facts) {
        Object value = null;
        try {
            MapContext context = new MapContext(new LinkedHashMap<>(facts));
            value = jexl.createExpression(criterion.value()).evaluate(context);
            if (value == null) {
                return result(criterion, null, false, "no value given");
            }
            context.set("value", value);
            context.set("limit", criterion.limit());
            Object outcome = jexl.createExpression(criterion.test()).evaluate(context);
            if (!(outcome instanceof Boolean)) {
                return result(criterion, value, false, "the test did not give yes or no");
            }
            return result(criterion, value, (Boolean) outcome, "");
        } catch (JexlException e) {
            return result(criterion, value, false, "could not be evaluated");
        }
    }

    private static CriterionResult result(Criterion criterion, Object value, boolean passed, String note) {
        return new CriterionResult(criterion.id(), criterion.title().texts(), value, criterion.limit(), passed, note,
                criterion.legalBasis().texts());
    }

    /** Evaluates an expression (a date, a text) over the facts; null when it gives nothing. */
    public Object value(String expression, Map<String, Object> facts) {
        return jexl.createExpression(expression).evaluate(new MapContext(new LinkedHashMap<>(facts)));
    }

    /** Evaluates an amount expression (a fee, a number of days) over the facts. */
    public BigDecimal amount(String expression, Map<String, Object> facts) {
        JexlExpression parsed = jexl.createExpression(expression);
        JexlContext context = new MapContext(new LinkedHashMap<>(facts));
        Object result = parsed.evaluate(context);
        if (result instanceof Number) {
            return new BigDecimal(result.toString());
        }
        throw new IllegalArgumentException("expression " + expression + " did not give a number");
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
}

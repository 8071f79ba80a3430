package org.raekoda.engine.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.raekoda.api.application.CriterionResult;
import org.raekoda.api.application.Evaluation;
import org.raekoda.api.application.Verdict;
import org.raekoda.api.eservice.Criterion;
import org.raekoda.api.eservice.LocalizedText;
import org.raekoda.engine.internal.json.Json;

class RuleEngineTest {

    private final RuleEngine rules = new RuleEngine(RuleLimits.DEFAULTS);

    /** Facts shaped as the platform builds them: JSON read into maps and lists. */
    private static Map<String, Object> facts(String formJson) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("form", Json.readMap(formJson));
        facts.put("location", Map.of("inZone", Map.of("main-street", true, "heritage", false)));
        facts.put("registry", Map.of());
        facts.put("conflicts", Map.of("count", 0));
        return facts;
    }

    private static Criterion criterion(String id, String value, String test, Object limit) {
        return new Criterion(id, LocalizedText.of(id), value, test, limit, null);
    }

    private CriterionResult one(String value, String test, Object limit, Map<String, Object> facts) {
        return rules.evaluate(List.of(criterion("c", value, test, limit)), facts).results().get(0);
    }

    @Test
    void theOperatorsTheShippedCriteriaUse() {
        var facts = facts("""
                {"depthMetres": 1.2, "trafficImpact": "none", "relation": "child", "species": "birch",
                 "departureTime": "10:00", "arrivalTime": "12:00", "items": [1, 2, 3]}""");
        assertTrue(one("form.depthMetres", "value <= limit", 1.5, facts).passed());
        assertFalse(one("form.depthMetres", "value <= limit", 1, facts).passed());
        assertTrue(one("form.trafficImpact", "value == limit", "none", facts).passed());
        assertTrue(one("form.relation", "value =~ limit", List.of("spouse", "child"), facts).passed());
        assertTrue(one("form.species", "value !~ limit", List.of("oak", "ash"), facts).passed());
        assertFalse(one("location.inZone['main-street']", "value == limit", false, facts).passed());
        assertTrue(one("location.inZone.heritage", "value == limit", false, facts).passed());
        assertTrue(one("conflicts.count", "value == limit", 0, facts).passed());
        assertTrue(one("size(form.items)", "value == 3", null, facts).passed());
        assertTrue(one("form.items[1]", "value == 2", null, facts).passed());
        assertTrue(one("empty(form.nothing)", "value", null, facts).passed());
        var rushHour = one("form.departureTime + '–' + form.arrivalTime",
                "form.departureTime <= form.arrivalTime ? !(form.departureTime < limit.until"
                        + " && form.arrivalTime > limit.from) : true",
                Map.of("from", "07:00", "until", "09:30"), facts);
        assertTrue(rushHour.passed());
        assertEquals("10:00–12:00", rushHour.value());
    }

    @Test
    void aMissingValueIsNotAPass() {
        var result = one("form.depthMetres", "value <= limit", 1.5, facts("{}"));
        assertFalse(result.passed());
        assertEquals("no value given", result.note());
        assertNull(result.value());
        var unknownFact = one("nosuchfact.x", "value == 1", null, facts("{}"));
        assertFalse(unknownFact.passed());
        assertEquals("no value given", unknownFact.note());
    }

    @Test
    void aTestThatIsNotYesOrNoDoesNotPass() {
        var result = one("form.a", "value + 1", null, facts("{\"a\": 1}"));
        assertFalse(result.passed());
        assertEquals("the test did not give yes or no", result.note());
    }

    @Test
    void oneFailingCriterionSendsTheApplicationToReview() {
        Evaluation evaluation = rules.evaluate(List.of(criterion("a", "form.a", "value < 5", null),
                criterion("b", "form.a", "value < 2", null)), facts("{\"a\": 3}"));
        assertEquals(Verdict.REVIEW, evaluation.verdict());
        assertEquals(List.of("b"), evaluation.failed().stream().map(CriterionResult::criterion).toList());
        assertEquals(Verdict.ISSUE, rules.evaluate(List.of(criterion("a", "form.a", "value < 5", null)),
                facts("{\"a\": 3}")).verdict());
    }

    @Test
    void classesGettersAndMethodsAreOutOfReach() {
        var facts = facts("{\"address\": \"Raekoja plats 1\"}");
        for (String escape : List.of("form.class", "form.address.bytes", "form.address.class", "form['class']",
                "location.class.name", "form.address.empty", "form.getClass", "java.lang.Runtime")) {
            var result = one(escape, "true", null, facts);
            assertFalse(result.passed(), escape + " gave " + result.value());
            assertNull(result.value(), escape + " reached " + result.value());
        }
        for (String refused : List.of("form.address.length()", "form.getClass()", "new('java.io.File', '/')",
                "x = 1", "form.address instanceof String", "var a = 1",
                "form.address =~ ~/a+/", "`${form.address}`", "form.a << 2", "form.a & 1",
                "function(x) { x }", "for (x : form) 1")) {
            assertNotNull(rules.problemWith(refused), refused + " was accepted");
        }
    }

    @Test
    void mapsAndListsAreReadByDotAndBrackets() {
        var facts = facts("{\"owner\": {\"name\": \"Mari\", \"class\": \"A\"}, \"plots\": [\"p1\", \"p2\"]}");
        assertEquals("Mari", one("form.owner.name", "true", null, facts).value());
        assertEquals("Mari", one("form['owner']['name']", "true", null, facts).value());
        assertEquals("A", one("form.owner.class", "true", null, facts).value());
        assertEquals("p2", one("form.plots[1]", "true", null, facts).value());
    }

    @Test
    void savedExpressionsAreBounded() {
        assertNull(rules.problemWith("form.a + 1"));
        assertNotNull(rules.problemWith(" "));
        String longOne = "form.a" + " + 1".repeat(RuleLimits.MAX_EXPRESSION_LENGTH / 4);
        assertTrue(rules.problemWith(longOne).contains("characters"));
        String deep = "(".repeat(40) + "1" + ")".repeat(40);
        assertTrue(rules.problemWith(deep).contains("nested deeper"), rules.problemWith(deep));
        String pathological = "(".repeat(999) + ")".repeat(999);
        assertNotNull(rules.problemWith(pathological));
        assertTrue(rules.problemWith("form.a =~ (1..100000000)").contains("range"));
        assertNull(rules.problemWith("form.a =~ (1..100)"));
        assertTrue(rules.problemWith("1e999999999B + 1").contains("digits"));
        assertTrue(rules.problemWith("form.a =~ '(a)\\\\1'").contains("RE2"), rules.problemWith("form.a =~ '(a)\\\\1'"));
        assertNull(rules.problemWith("form.a =~ '(a+)+$'"));
    }

    @Test
    void aRuleSetNamesEachProblemAtItsPointer() {
        var errors = rules.problems(List.of(criterion("ok", "form.a", "value < 1", null),
                criterion("bad", "form.a.length()", "value < 1", null), criterion("ok", "form.a", "~/x/ =~ 1", null)),
                "/criteria");
        assertEquals(List.of("/criteria/1/value", "/criteria/2/id", "/criteria/2/test"),
                errors.stream().map(e -> e.pointer()).toList());
        assertTrue(errors.get(0).message().startsWith("criterion bad: "));
        List<Criterion> many = new ArrayList<>();
        for (int i = 0; i <= RuleLimits.MAX_CRITERIA; i++) {
            many.add(criterion("c" + i, "1", "true", null));
        }
        assertEquals("/criteria", rules.problems(many, "/criteria").get(0).pointer());
    }

    @Test
    void catastrophicPatternsRunInLinearTime() {
        // a generous deadline: this is about the matching engine, not the deadline (a cold JIT is slow)
        RuleEngine patient = new RuleEngine(new RuleLimits(Duration.ofSeconds(5), Duration.ofSeconds(10)));
        var facts = facts("{\"name\": \"" + "a".repeat(RuleLimits.MAX_MATCHED_LENGTH - 1) + "!\"}");
        long start = System.nanoTime();
        var result = patient.evaluate(List.of(criterion("c", "form.name", "value =~ '(a+)+$'", null)), facts)
                .results().get(0);
        assertFalse(result.passed());
        assertEquals("", result.note());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(1).toNanos());
        assertTrue(one("form.name", "value =~ 'a+!'", null, facts).passed());
        var patternFromForm = one("form.name", "value =~ form.name", null, facts(
                "{\"name\": \"(a)\\\\1\"}"));
        assertTrue(RuleEngine.notEvaluated(patternFromForm), patternFromForm.note());
    }

    @Test
    void rangesAndTextsAreBoundedWhenTheyRun() {
        var facts = facts("{\"n\": 100000000, \"small\": 10, \"text\": \"" + "x".repeat(6000) + "\"}");
        assertTrue(RuleEngine.notEvaluated(one("5 =~ (1..form.n)", "value", null, facts)));
        assertTrue(one("5 =~ (1..form.small)", "value", null, facts).passed());
        assertTrue(RuleEngine.notEvaluated(one("form.text + form.text", "true", null, facts)));
        var kept = one("form.text", "true", null, facts);
        assertTrue(kept.passed());
        assertTrue(kept.value().toString().length() <= RuleLimits.MAX_KEPT_VALUE_LENGTH + 1);
    }

    @Test
    void slowCriteriaStopAtTheDeadlineAndGoToReview() {
        RuleEngine hurried = new RuleEngine(new RuleLimits(Duration.ofMillis(20), Duration.ofSeconds(1)));
        var facts = facts("{\"text\": \"" + "ab".repeat(RuleLimits.MAX_MATCHED_LENGTH / 2 - 1) + "c\"}");
        String slow = slowestCriterion();
        assertNull(hurried.problemWith(slow), hurried.problemWith(slow));
        List<Criterion> criteria = new ArrayList<>();
        for (int i = 0; i < RuleLimits.MAX_CRITERIA; i++) {
            criteria.add(criterion("slow" + i, slow, "value", null));
        }
        long start = System.nanoTime();
        Evaluation evaluation = hurried.evaluate(criteria, facts);
        long took = System.nanoTime() - start;
        assertEquals(Verdict.REVIEW, evaluation.verdict());
        CriterionResult last = evaluation.results().get(RuleLimits.MAX_CRITERIA - 1);
        assertTrue(RuleEngine.notEvaluated(last), last.note());
        assertTrue(last.note().contains("20 ms"), last.note());
        assertTrue(took < Duration.ofMillis(500).toNanos(), "took " + took / 1_000_000 + " ms");
    }

    /** A criterion near the caps that matches a pattern against the longest text many times over. */
    static String slowestCriterion() {
        StringBuilder expression = new StringBuilder("form.text =~ '(a|b)*(c|d)'");
        while (expression.length() + 40 < RuleLimits.MAX_EXPRESSION_LENGTH) {
            expression.append(" && form.text =~ '(a|b)*(c|d)'");
        }
        return expression.toString();
    }

    @Test
    void amountsAreWithinWhatTheFeeColumnHolds() {
        assertEquals(new BigDecimal("25"), rules.amount("20 + form.days", facts("{\"days\": 5}")));
        assertThrows(IllegalArgumentException.class, () -> rules.amount("-5", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> rules.amount("10000000000", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> rules.amount("1.0 / 0", Map.of()));
        assertThrows(IllegalArgumentException.class, () -> rules.amount("'ten'", Map.of()));
        assertNull(rules.feeProblem("15"));
        assertNull(rules.feeProblem("20 * form.periodYears"));
        assertTrue(rules.feeProblem("-1").contains("outside 0 to 9999999999.99"), rules.feeProblem("-1"));
        assertNotNull(rules.feeProblem("1e15"));
        assertNotNull(rules.feeProblem("form.a.length()"));
        assertEquals(new BigDecimal("9999999999.99"), rules.amount("9999999999.99", Map.of()));
    }

    @Test
    void aStackOverflowDuringEvaluationIsNotEvaluated() {
        // nesting within the cap still evaluates
        String nested = "(".repeat(RuleLimits.MAX_DEPTH - 4) + "form.a" + ")".repeat(RuleLimits.MAX_DEPTH - 4);
        assertNull(rules.problemWith(nested));
        assertEquals(1, one(nested, "true", null, facts("{\"a\": 1}")).value());
    }
}

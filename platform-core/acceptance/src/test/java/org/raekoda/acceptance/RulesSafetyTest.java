package org.raekoda.acceptance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.annotation.Annotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.raekoda.api.application.Application;
import org.raekoda.api.application.ApplicationState;
import org.raekoda.api.application.AutomationMode;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.CriterionResult;
import org.raekoda.api.application.DryRunReport;
import org.raekoda.api.application.Submission;
import org.raekoda.api.eservice.Criterion;
import org.raekoda.api.eservice.LocalizedText;
import org.raekoda.engine.internal.rules.RuleEngine;
import org.raekoda.engine.internal.rules.RuleLimits;
import org.raekoda.engine.internal.rules.RulesConfig;
import org.raekoda.engine.internal.rules.RulesSettings;

/**
 * Criteria that are accepted but cannot finish (too slow, or failing on the form) on the real stores: the
 * application goes to review with the criteria that could not be evaluated named, and a dry run of them stops at
 * its deadline and says so.
 */
class RulesSafetyTest {

    private static final Caller ALICE = Caller.resident("alice");
    private static final Map<String, Object> SQUARE = Map.of("type", "Polygon", "coordinates",
            List.of(List.of(List.of(26.72, 58.38), List.of(26.73, 58.38), List.of(26.73, 58.39), List.of(26.72, 58.38))));

    /** Criteria near the caps: each matches 1,000 characters against a pattern as often as 2,000 characters allow. */
    private static List<Criterion> slowest() {
        String match = "(form.address + form.address + form.address + form.address + form.address)"
                + " =~ '(a|b|c|d)*(x|y|z)'";
        StringBuilder expression = new StringBuilder(match);
        while (expression.length() + match.length() + 4 <= RuleLimits.MAX_EXPRESSION_LENGTH) {
            expression.append(" || ").append(match);
        }
        List<Criterion> criteria = new ArrayList<>();
        for (int i = 0; i < RuleLimits.MAX_CRITERIA; i++) {
            criteria.add(new Criterion("slow-" + i, LocalizedText.of("slow"), expression.toString(), "value == limit",
                    false, null));
        }
        return criteria;
    }

    private static Application submit(Platform platform, String address) {
        Map<String, Object> form = CoreAcceptanceTest.with("address", address);
        return platform.applications.submit(ALICE, new Submission("tartu", Platform.CORE_SERVICE, form, SQUARE, null));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PostgreSQL", "H2"})
    void criteriaThatCannotFinishSendTheApplicationToReview(String database) throws Exception {
        try (Platform platform = Platform.on(database)) {
            List<Criterion> criteria = new ArrayList<>(slowest().subList(0, RuleLimits.MAX_CRITERIA - 1));
            criteria.add(0, new Criterion("huge-range", LocalizedText.of("range"),
                    "5 =~ (1..form.areaSquareMetres * 1000000)", "value", null, null));
            platform.criteria.update(Platform.TARTU_ADMIN, "tartu", Platform.CORE_SERVICE, criteria,
                    AutomationMode.AUTOMATIC);

            Application application = submit(platform, "ab".repeat(100));

            assertEquals(ApplicationState.IN_REVIEW, application.state());
            List<CriterionResult> results = application.decisions().get(0).evaluation().results();
            assertTrue(RuleEngine.notEvaluated(results.get(0)), results.toString());
            CriterionResult last = results.get(results.size() - 1);
            assertTrue(last.note().startsWith("could not be evaluated: the criteria took longer than 50 ms"),
                    last.note());
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"PostgreSQL", "H2"})
    void aDryRunStopsAtItsDeadlineAndNamesWhatItCouldNotEvaluate(String database) throws Exception {
        try (Platform platform = Platform.on(database)) {
            List<String> submitted = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                submitted.add(submit(platform, "ab".repeat(100)).id());
            }
            new RulesSettings(config(RuleLimits.DEFAULT_EVALUATION_DEADLINE_MILLIS, 1));
            try {
                DryRunReport report = platform.criteria.dryRun(Platform.TARTU_ADMIN, "tartu", Platform.CORE_SERVICE,
                        slowest());
                assertFalse(report.complete(), "40 applications at 50 ms each do not fit in a second");
                assertTrue(report.evaluated() > 0 && report.evaluated() < submitted.size(), report.toString());
                assertEquals(report.evaluated(), report.notEvaluated().size());
                assertTrue(submitted.containsAll(report.notEvaluated()));
            } finally {
                new RulesSettings(config(RuleLimits.DEFAULT_EVALUATION_DEADLINE_MILLIS,
                        RuleLimits.DEFAULT_DRY_RUN_DEADLINE_SECONDS));
            }
            DryRunReport unhurried = platform.criteria.dryRun(Platform.TARTU_ADMIN, "tartu", Platform.CORE_SERVICE,
                    platform.criteria.ruleSet(Platform.TARTU_ADMIN, "tartu", Platform.CORE_SERVICE).criteria());
            assertTrue(unhurried.complete());
            assertEquals(submitted.size(), unhurried.evaluated());
            assertEquals(List.of(), unhurried.notEvaluated());
        }
    }

    private static RulesConfig config(int evaluationDeadlineMillis, int dryRunDeadlineSeconds) {
        return new RulesConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RulesConfig.class;
            }

            @Override
            public int evaluationDeadlineMillis() {
                return evaluationDeadlineMillis;
            }

            @Override
            public int dryRunDeadlineSeconds() {
                return dryRunDeadlineSeconds;
            }
        };
    }
}

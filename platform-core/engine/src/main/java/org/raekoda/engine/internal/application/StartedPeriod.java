package org.raekoda.engine.internal.application;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.raekoda.api.application.CriterionResult;
import org.raekoda.api.application.Evaluation;
import org.raekoda.api.application.Verdict;

/**
 * An application whose period has already begun is never issued automatically: where its e-service sends it
 * to review, the explanation says why with one more line that did not pass, so that applicant and officer
 * read the reason where they read every other.
 */
final class StartedPeriod {

    static final String CRITERION = "period-not-begun";

    private static final Map<String, String> TITLE = Map.of(
            "en", "The period of the permit has not begun yet",
            "et", "Loa periood ei ole veel alanud",
            "lv", "Atļaujas periods vēl nav sācies",
            "sv", "Tillståndets period har inte börjat än");
    private static final Map<String, String> BASIS = Map.of(
            "en", "Raekoda issues automatically only for periods that begin today or later",
            "et", "Raekoda väljastab automaatselt vaid täna või hiljem algavaks perioodiks",
            "lv", "Raekoda automātiski izsniedz tikai periodiem, kas sākas šodien vai vēlāk",
            "sv", "Raekoda utfärdar automatiskt bara för perioder som börjar i dag eller senare");

    private StartedPeriod() {
    }

    /**
     * The evaluation with the started period as a failed line (its first day as the value, today as the
     * limit), and so a verdict of review.
     */
    static Evaluation heldForReview(Evaluation evaluation, LocalDate firstDay, LocalDate today) {
        List<CriterionResult> results = new ArrayList<>(evaluation.results());
        results.add(new CriterionResult(CRITERION, TITLE, firstDay.toString(), today.toString(), false, "", BASIS));
        Map<String, Object> inputs = new LinkedHashMap<>(evaluation.inputs() == null ? Map.of() : evaluation.inputs());
        return new Evaluation(Verdict.REVIEW, evaluation.rulesetHash(), results, inputs);
    }
}

package org.raekoda.shell.internal;

import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.raekoda.api.application.ApplicationService;
import org.raekoda.api.application.CriterionResult;
import org.raekoda.api.application.Evaluation;
import org.raekoda.api.eservice.LocalizedText;

/** {@code raekoda:explain -o tartu <id>}: each criterion of the rules' latest evaluation. */
@Command(scope = "raekoda", name = "explain", description = "Explains the automatic decision on an application")
@Service
public class ExplainCommand implements Action {

    @Reference
    ApplicationService applications;

    @Option(name = "-o", aliases = "--organization", required = true, description = "Organization id")
    String organization;

    @Option(name = "-l", aliases = "--language", description = "Language of the texts, e.g. et")
    String language = "en";

    @Argument(index = 0, name = "id", required = true, description = "Application id")
    String id;

    @Override
    public Object execute() {
        Evaluation evaluation = applications.get(Consoles.officer(organization), id).latestEvaluation();
        if (evaluation == null) {
            System.out.println("The rules have not evaluated this application.");
            return null;
        }
        List<Locale> languages = List.of(Locale.forLanguageTag(language));
        System.out.printf("Verdict %s, rule set %s%n", evaluation.verdict(), evaluation.rulesetHash());
        for (CriterionResult r : evaluation.results()) {
            System.out.printf("  [%s] %-40s value %-12s limit %-12s %s%s%n", r.passed() ? "pass" : "FAIL",
                    new LocalizedText(r.title()).in(languages), r.value(), r.limit(),
                    new LocalizedText(r.legalBasis()).in(languages), r.note().isEmpty() ? "" : " (" + r.note() + ")");
        }
        return null;
    }
}

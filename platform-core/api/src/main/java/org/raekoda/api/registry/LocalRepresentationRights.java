package org.raekoda.api.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.identity.PartyCode;

/**
 * The platform's own source of representation rights, loaded by platform administrators until a national
 * business register is integrated.
 */
@ProviderType
public interface LocalRepresentationRights extends RepresentationRights {

    /** Most rows one load takes. */
    int MAX_ROWS = 100_000;

    /** Longest company name kept. */
    int MAX_NAME = 255;

    /** Replaces every right with these, in one transaction; answers how many are kept. */
    int replace(List<Right> rights);

    /** How many rights the source holds. */
    int size();

    /** One line of the local source: this person may act for this company. */
    record Right(PartyCode person, RepresentedCompany company) {

        @Override
        public String toString() {
            return "Right[" + person + ", " + company.company() + "]";
        }
    }

    /**
     * Reads rights from CSV text, one a line: {@code personCountry,personCode,companyCountry,companyCode,companyName}
     * (the name is the rest of the line and may hold commas); blank lines and lines starting with {@code #} are
     * skipped.
     *
     * @throws ApplicationException INVALID naming each bad line as {@code /lines/<number>} (never its content: it
     *                              holds personal codes), TOO_LARGE past {@value #MAX_ROWS} rows
     */
    static List<Right> fromCsv(Reader csv) {
        List<Right> rights = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        int number = 0;
        try (BufferedReader lines = new BufferedReader(csv)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (rights.size() == MAX_ROWS) {
                    throw ApplicationException.tooLarge("A load holds at most " + MAX_ROWS + " rights");
                }
                String[] values = trimmed.split(",", 5);
                String problem = null;
                if (values.length < 4) {
                    problem = "expected personCountry,personCode,companyCountry,companyCode,companyName";
                } else if (values.length == 5 && values[4].strip().length() > MAX_NAME) {
                    problem = "the company name is longer than " + MAX_NAME + " characters";
                } else {
                    try {
                        String name = values.length == 5 && !values[4].isBlank() ? values[4].strip() : null;
                        rights.add(new Right(new PartyCode(values[0], values[1]),
                                new RepresentedCompany(new PartyCode(values[2], values[3]), name)));
                    } catch (IllegalArgumentException e) {
                        problem = e.getMessage();
                    }
                }
                if (problem != null && errors.size() < 20) {
                    errors.add(new FieldError("/lines/" + number, problem));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            throw ApplicationException.invalid("The representation rights have lines that cannot be read", errors);
        }
        return rights;
    }
}

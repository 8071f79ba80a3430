package org.raekoda.api.registry;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationException.FieldError;

/**
 * One row of a {@link LocalRegisters local register}: its key columns and its status, trimmed and in lower
 * case, so that {@code Raadi, 12 ,34} and {@code raadi,12,34} are the same row.
 */
public record RegisterRow(List<String> key, String status) {

    /** Rows in one register load. */
    public static final int MAX_ROWS = 100_000;
    /** Characters in one key column or status; the key as a whole is at most {@value #MAX_KEY} characters. */
    public static final int MAX_VALUE = 64;
    public static final int MAX_KEY = 255;

    public RegisterRow {
        key = key.stream().map(RegisterRow::normalize).toList();
        status = normalize(status);
    }

    /** The key as stored: its columns joined with commas. */
    public String joinedKey() {
        return String.join(",", key);
    }

    /**
     * Reads rows from CSV text: one row a line, the key columns and then the status, separated by commas;
     * blank lines and lines starting with {@code #} are skipped. Every row has the same number of columns,
     * at least two, and no value is empty or contains a comma.
     *
     * @throws ApplicationException INVALID naming each bad line as {@code /lines/<number>}, TOO_LARGE past
     *                              {@value #MAX_ROWS} rows
     */
    public static List<RegisterRow> fromCsv(Reader csv) {
        List<RegisterRow> rows = new ArrayList<>();
        List<FieldError> errors = new ArrayList<>();
        int columns = -1;
        int number = 0;
        try (BufferedReader lines = new BufferedReader(csv)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw ApplicationException.tooLarge("A register load holds at most " + MAX_ROWS + " rows");
                }
                List<String> values = Arrays.asList(trimmed.split(",", -1));
                String problem = problem(values, columns);
                if (problem != null) {
                    if (errors.size() < 20) {
                        errors.add(new FieldError("/lines/" + number, problem));
                    }
                    continue;
                }
                columns = values.size();
                rows.add(new RegisterRow(values.subList(0, columns - 1), values.get(columns - 1)));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!errors.isEmpty()) {
            throw ApplicationException.invalid("The register has lines that cannot be read", errors);
        }
        return rows;
    }

    private static String problem(List<String> values, int columns) {
        if (values.size() < 2) {
            return "a row needs key columns and a status, separated by commas";
        }
        if (columns > 0 && values.size() != columns) {
            return "expected " + columns + " columns like the rows before, found " + values.size();
        }
        for (String value : values) {
            if (value.isBlank()) {
                return "a column is empty";
            }
            if (value.strip().length() > MAX_VALUE) {
                return "a column is longer than " + MAX_VALUE + " characters";
            }
        }
        if (String.join(",", values.subList(0, values.size() - 1)).length() > MAX_KEY) {
            return "the key columns together are longer than " + MAX_KEY + " characters";
        }
        return null;
    }

    private static String normalize(String value) {
        return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
    }
}

package org.raekoda.api.registry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.raekoda.api.application.ApplicationException;

class RegisterRowTest {

    @Test
    void rowsAreTrimmedAndInLowerCaseWithCommentsAndBlankLinesSkipped() {
        List<RegisterRow> rows = RegisterRow.fromCsv(new StringReader("# a comment\n\n Raadi , 12,34, Free \nraadi,7,102,occupied"));

        assertEquals(List.of(new RegisterRow(List.of("raadi", "12", "34"), "free"),
                new RegisterRow(List.of("raadi", "7", "102"), "occupied")), rows);
        assertEquals("raadi,12,34", rows.get(0).joinedKey());
    }

    @Test
    void everyBadLineIsNamedByItsNumber() {
        ApplicationException refused = assertThrows(ApplicationException.class, () -> RegisterRow.fromCsv(
                new StringReader("raadi,12,34,free\nraadi,12\nraadi,,35,free\nonly-one-column\n" + "x".repeat(65) + ",1,2,free")));

        assertEquals(ApplicationException.Kind.INVALID, refused.kind());
        assertEquals(List.of("/lines/2", "/lines/3", "/lines/4", "/lines/5"),
                refused.fieldErrors().stream().map(ApplicationException.FieldError::pointer).toList());
    }

    @Test
    void aLoadIsBounded() {
        String tooMany = "a,free\n".repeat(RegisterRow.MAX_ROWS + 1);

        ApplicationException refused = assertThrows(ApplicationException.class,
                () -> RegisterRow.fromCsv(new StringReader(tooMany)));
        assertEquals(ApplicationException.Kind.TOO_LARGE, refused.kind());
    }
}

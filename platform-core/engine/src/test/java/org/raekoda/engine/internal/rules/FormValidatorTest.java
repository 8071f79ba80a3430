package org.raekoda.engine.internal.rules;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.raekoda.api.application.ApplicationException.FieldError;

class FormValidatorTest {

    private static final String SCHEMA = """
            {
              "$schema": "https://json-schema.org/draft/2020-12/schema",
              "type": "object",
              "additionalProperties": false,
              "required": ["address", "depthMetres", "purpose", "startDate"],
              "properties": {
                "address": {"type": "string", "minLength": 3, "maxLength": 20, "title": "Address of the worksite",
                            "x-i18n": {"et": {"title": "Tööde aadress"}, "sv": {"title": "Arbetsplatsens adress"}}},
                "depthMetres": {"type": "number", "exclusiveMinimum": 0, "maximum": 2, "title": "Depth (m)",
                                "x-i18n": {"et": {"title": "Sügavus (m)"}, "lv": {"title": "Dziļums (m)"}}},
                "purpose": {"type": "string", "enum": ["water", "sewer", "gas"], "title": "Purpose"},
                "startDate": {"type": "string", "format": "date", "title": "First day"},
                "untitled": {"type": "integer"}
              }
            }
            """;

    private final FormValidator validator = new FormValidator();

    private List<FieldError> validate(Map<String, Object> form) {
        return validator.validate("test@1", SCHEMA, FormValidator.tree(form), "/form");
    }

    private static FieldError at(List<FieldError> errors, String pointer) {
        return errors.stream().filter(e -> e.pointer().equals(pointer)).findFirst()
                .orElseThrow(() -> new AssertionError("no error at " + pointer + " in " + errors));
    }

    @Test
    void namesTheFieldByItsTitleAndSaysWhatIsExpected() {
        List<FieldError> errors = validate(Map.of("address", "Tartu mnt 1", "depthMetres", 3, "purpose", "water",
                "startDate", "2027-05-01"));
        assertEquals(1, errors.size(), errors.toString());
        FieldError depth = at(errors, "/form/depthMetres");
        assertEquals("\u201cDepth (m)\u201d must be at most 2", depth.message());
        assertEquals("\u201cSügavus (m)\u201d peab olema kõige rohkem 2", depth.messageIn(List.of(new Locale("et"))));
        assertEquals("\u201cDziļums (m)\u201d nedrīkst pārsniegt 2", depth.messageIn(List.of(new Locale("lv"))));
        // No Swedish title: the English one, in a Swedish sentence.
        assertEquals("\u201cDepth (m)\u201d får vara högst 2", depth.messageIn(List.of(new Locale("sv"))));
    }

    @Test
    void aMissingFieldIsNamedAtItsOwnPointer() {
        List<FieldError> errors = validate(Map.of("depthMetres", 1, "purpose", "gas", "startDate", "2027-05-01"));
        FieldError address = at(errors, "/form/address");
        assertEquals("\u201cAddress of the worksite\u201d is required", address.message());
        assertEquals("\u201cArbetsplatsens adress\u201d måste anges", address.messageIn(List.of(new Locale("sv"))));
    }

    @Test
    void anEnumerationListsItsValues() {
        List<FieldError> errors = validate(Map.of("address", "Tartu mnt 1", "depthMetres", 1, "purpose", "oil",
                "startDate", "2027-05-01"));
        assertEquals("\u201cPurpose\u201d must be one of: water, sewer, gas", at(errors, "/form/purpose").message());
    }

    @Test
    void typesFormatsLengthsAndUnknownFieldsInWords() {
        List<FieldError> errors = validate(Map.of("address", "ab", "depthMetres", "deep", "purpose", "gas",
                "startDate", "1 May", "colour", "red", "untitled", 1.5));
        assertEquals("\u201cAddress of the worksite\u201d must be at least 3 characters long",
                at(errors, "/form/address").message());
        assertEquals("\u201cDepth (m)\u201d must be a number", at(errors, "/form/depthMetres").message());
        assertEquals("\u201cFirst day\u201d must be a date (YYYY-MM-DD)", at(errors, "/form/startDate").message());
        assertEquals("\u201ccolour\u201d is not a field of this form", at(errors, "/form/colour").message());
        assertEquals("This field must be a whole number", at(errors, "/form/untitled").message());
    }

    @Test
    void noMessageCarriesTheValidatorsOwnWording() {
        List<FieldError> errors = validate(Map.of("address", "x".repeat(30), "depthMetres", 0, "purpose", "oil",
                "startDate", "soon", "colour", "red"));
        assertFalse(errors.isEmpty());
        for (FieldError error : errors) {
            for (String language : FormMessages.LANGUAGES) {
                String text = error.messageIn(List.of(new Locale(language)));
                assertFalse(text.contains("$") || text.contains("property") || text.contains("schema")
                        || text.contains("Exception") || text.contains(".java"), text);
                assertTrue(Character.isUpperCase(text.charAt(0)) || text.charAt(0) == '\u201c', text);
            }
        }
    }
}

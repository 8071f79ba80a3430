package org.raekoda.demo.idp.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.raekoda.api.application.Caller.Role;

/**
 * The demo persons' codes are in each country's real format with a valid check digit, so that validators the
 * platform adds later accept them; the check algorithms here are the countries' published ones.
 */
class DemoPeopleTest {

    @Test
    void everyCodeIsValidInItsCountrysFormat() {
        Set<String> countries = new HashSet<>();
        for (DemoPerson person : DemoPeople.all()) {
            String code = person.person().code();
            String country = person.person().country();
            countries.add(country);
            boolean valid = switch (country) {
                case "EE" -> estonian(code);
                case "LV" -> latvian(code);
                case "SE" -> swedish(code);
                case "BG" -> bulgarian(code);
                default -> false;
            };
            assertTrue(valid, person.id() + " has an invalid " + country + " code");
        }
        assertEquals(Set.of("EE", "LV", "SE", "BG"), countries);
    }

    @Test
    void theCheckAlgorithmsRefuseAWrongDigit() {
        assertFalse(estonian("38001085719"));
        assertFalse(latvian("051192-11238"));
        assertFalse(swedish("19900315-1232"));
        assertFalse(bulgarian("7503151229"));
    }

    @Test
    void idsAndCodesAreUniqueAndTheStaffHaveTheirIntendedMemberships() {
        assertEquals(DemoPeople.all().size(), DemoPeople.all().stream().map(DemoPerson::id).distinct().count());
        assertEquals(DemoPeople.all().size(), DemoPeople.all().stream().map(DemoPerson::person).distinct().count());
        assertEquals(Set.of(Role.OFFICER), DemoPeople.find("demo-officer").orElseThrow().memberships().get("demo"));
        assertEquals(Set.of(Role.ADMIN, Role.OFFICER), DemoPeople.find("demo-admin").orElseThrow().memberships().get("demo"));
        assertEquals(Set.of(Role.SERVICE_CENTRE), DemoPeople.find("service-centre").orElseThrow().memberships().get("demo"));
        assertTrue(DemoPeople.find(DemoPeople.PLATFORM_ADMIN).orElseThrow().platformAdmin());
        assertEquals(1, DemoPeople.all().stream().filter(DemoPerson::platformAdmin).count());
        assertEquals(Set.of("demo"), DemoPeople.memberships().stream().map(DemoPeople.Grant::organization)
                .collect(Collectors.toSet()));
        assertEquals(3, DemoPeople.memberships().size());
        assertTrue(DemoPeople.all().stream().filter(p -> p.id().endsWith("citizen") || p.id().endsWith("citizen-2"))
                .allMatch(p -> p.memberships().isEmpty() && !p.platformAdmin()), "citizens hold no roles");
    }

    /** Isikukood: GYYMMDDSSSC, two rounds of weights, modulo 11. */
    static boolean estonian(String code) {
        if (!code.matches("[1-6]\\d{10}")) {
            return false;
        }
        int check = weighted(code, new int[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 1}) % 11;
        if (check == 10) {
            check = weighted(code, new int[] {3, 4, 5, 6, 7, 8, 9, 1, 2, 3}) % 11;
            check = check == 10 ? 0 : check;
        }
        return check == code.charAt(10) - '0';
    }

    /** Personas kods (the format before 2017): DDMMYY-CNNNX, X = (1101 - weighted sum) mod 11. */
    static boolean latvian(String code) {
        if (!code.matches("\\d{6}-[012]\\d{4}")) {
            return false;
        }
        String digits = code.replace("-", "");
        int check = (1101 - weighted(digits, new int[] {1, 6, 3, 7, 9, 10, 5, 8, 4, 2})) % 11;
        return check != 10 && check == digits.charAt(10) - '0';
    }

    /** Personnummer YYYYMMDD-NNNC: Luhn over the ten digits from YY on. */
    static boolean swedish(String code) {
        if (!code.matches("(19|20)\\d{6}-\\d{4}")) {
            return false;
        }
        String digits = code.substring(2).replace("-", "");
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int value = (digits.charAt(i) - '0') * (i % 2 == 0 ? 2 : 1);
            sum += value / 10 + value % 10;
        }
        return sum % 10 == 0;
    }

    /** EGN: YYMMDDNNNC, weights 2 4 8 5 10 9 7 3 6, modulo 11 (10 counts as 0). */
    static boolean bulgarian(String code) {
        if (!code.matches("\\d{10}")) {
            return false;
        }
        int check = weighted(code, new int[] {2, 4, 8, 5, 10, 9, 7, 3, 6}) % 11;
        return (check == 10 ? 0 : check) == code.charAt(9) - '0';
    }

    private static int weighted(String digits, int[] weights) {
        int sum = 0;
        for (int i = 0; i < weights.length; i++) {
            sum += (digits.charAt(i) - '0') * weights[i];
        }
        return sum;
    }
}

package org.raekoda.engine.internal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.eservice.ClaimRule;
import org.raekoda.api.eservice.OccupancyRule;
import org.raekoda.api.eservice.ValidityRule;
import org.raekoda.store.spi.ApplicationRow;
import org.raekoda.store.spi.Occupancy;
import org.raekoda.store.spi.ResourceClaim;
import org.raekoda.engine.internal.rules.RuleEngine;

/** Occupancies, the clash facts, resource claims and validity, on the real rule engine. */
class OccupanciesTest {

    private static final RuleEngine RULES = new RuleEngine();
    private static final Facts AMOUNTS = new Facts(null, null, List.of(), RULES);
    private static final LocalDate TODAY = LocalDate.parse("2026-11-23");
    private static final Map<String, Object> SPOT = Map.of("type", "Point", "coordinates", List.of(26.72, 58.38));
    private static final OccupancyRule THREE_DAYS = new OccupancyRule("form.startDate", null, "form.durationDays", 5);

    @Test
    void theDaysCountTheFirstOne() {
        Occupancies.Claim claim = Occupancies.claim(THREE_DAYS, facts("2026-12-01", 3), SPOT, RULES);

        assertEquals(LocalDate.parse("2026-12-01"), claim.occupancy().from());
        assertEquals(LocalDate.parse("2026-12-03"), claim.occupancy().until());
    }

    @Test
    void noLocationOrNoRuleClaimsNoPlace() {
        assertNull(Occupancies.claim(THREE_DAYS, facts("2026-12-01", 3), null, RULES));
        assertNull(Occupancies.claim(null, facts("2026-12-01", 3), SPOT, RULES));
    }

    @Test
    void aPeriodThatCannotBeReadPointsAtItsField() {
        ApplicationException zeroDays = assertThrows(ApplicationException.class,
                () -> Occupancies.claim(THREE_DAYS, facts("2026-12-01", 0), SPOT, RULES));
        ApplicationException notADate = assertThrows(ApplicationException.class,
                () -> Occupancies.claim(THREE_DAYS, facts("1 December", 3), SPOT, RULES));

        assertEquals("/form/durationDays", zeroDays.fieldErrors().get(0).pointer());
        assertEquals("/form/startDate", notADate.fieldErrors().get(0).pointer());
    }

    @Test
    void theClashFactsCountPlacesWithinTheBufferAndHoldersOfTheResourceOnce() {
        Occupancies.Claim claim = Occupancies.claim(THREE_DAYS, facts("2026-12-01", 3), SPOT, RULES);
        ApplicationRow sameSpot = issued("a", "advertising", SPOT);
        ApplicationRow farAway = issued("b", "advertising", Map.of("type", "Point", "coordinates", List.of(26.73, 58.38)));
        ApplicationRow plotHolder = issued("c", "grave-site", null);

        Map<String, Object> conflicts = Occupancies.conflicts(claim, List.of(sameSpot, farAway), List.of(plotHolder,
                sameSpot));

        assertEquals(2, conflicts.get("count"));
        assertEquals(List.of("advertising", "grave-site"), conflicts.get("services"));
        assertEquals(0, Occupancies.conflicts(null, List.of(), List.of()).get("count"));
    }

    @Test
    void validityIsCountedFromTheDayTheDefinitionSaysAndCoversTheOccupiedDays() {
        Occupancy december = new Occupancy(LocalDate.parse("2026-12-07"), LocalDate.parse("2026-12-20"), 0, 0, 0, 0);
        Map<String, Object> facts = facts("2026-12-07", 14);

        assertEquals(LocalDate.parse("2026-12-27"),
                Validity.until(new ValidityRule("7", "occupancy-end"), facts, december, TODAY, AMOUNTS));
        assertEquals(LocalDate.parse("2027-01-06"),
                Validity.until(new ValidityRule("30", "occupancy-start"), facts, december, TODAY, AMOUNTS));
        assertEquals(december.until(),
                Validity.until(new ValidityRule("10", "occupancy-start"), facts, december, TODAY, AMOUNTS));
        assertEquals(december.until(),
                Validity.until(new ValidityRule("form.durationDays"), facts, december, TODAY, AMOUNTS),
                "counted from issue it would end on 2026-12-07, before the works end: the occupied days win");
        assertEquals(TODAY.plusDays(365), Validity.until(new ValidityRule("365"), facts, null, TODAY, AMOUNTS));
        assertEquals(TODAY.plusDays(365), Validity.until(new ValidityRule("365", "occupancy-end"), facts, null, TODAY,
                AMOUNTS), "without an occupancy, from the day of issue");
    }

    @Test
    void aClaimNamesItsResourceFromTheFormAndHoldsItFromItsFirstDayThroughItsValidity() {
        ClaimRule plot = new ClaimRule("form.cemetery + '/' + form.section + '/' + form.plotNumber", "grave-plot");
        Map<String, Object> facts = Map.of("form", Map.of("cemetery", "raadi", "section", "12", "plotNumber", "34"));

        ResourceClaim claim = Claims.claim(plot, facts, null, TODAY, TODAY.plusYears(20), RULES);

        assertEquals(new ResourceClaim("grave-plot", "raadi/12/34", TODAY, TODAY.plusYears(20)), claim);
        assertNull(Claims.claim(null, facts, null, TODAY, TODAY, RULES));
        ApplicationException unnamed = assertThrows(ApplicationException.class, () -> Claims.claim(
                new ClaimRule("form.plotNumber", "grave-plot"), Map.of("form", Map.of()), null, TODAY, TODAY, RULES));
        assertEquals("/form/plotNumber", unnamed.fieldErrors().get(0).pointer());
    }

    private static Map<String, Object> facts(String startDate, int durationDays) {
        return Map.of("form", Map.of("startDate", startDate, "durationDays", durationDays));
    }

    private static ApplicationRow issued(String id, String service, Map<String, Object> location) {
        return new ApplicationRow(id, "tartu", service, "1.0.0", "bob", "ISSUED", "{}",
                location == null ? null : org.raekoda.engine.internal.json.Json.write(location), BigDecimal.ZERO, "EUR",
                null, null, null, null, 0, Instant.EPOCH, Instant.EPOCH, null, null, null);
    }
}

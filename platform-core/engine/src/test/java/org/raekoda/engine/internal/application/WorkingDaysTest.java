package org.raekoda.engine.internal.application;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class WorkingDaysTest {

    @ParameterizedTest(name = "{1} working days after {0} is {2}")
    @CsvSource({
        "2026-11-23, 0, 2026-11-23", // Monday, nothing to count
        "2026-11-23, 1, 2026-11-24",
        "2026-11-23, 5, 2026-11-30", // over one weekend
        "2026-11-27, 1, 2026-11-30", // Friday to Monday
        "2026-11-28, 1, 2026-11-30", // from a Saturday
        "2026-11-29, 1, 2026-11-30", // from a Sunday
        "2026-11-23, 10, 2026-12-07",
        "2026-12-31, 1, 2027-01-01"}) // across a year; public holidays come with country calendars
    void weekendsDoNotCount(LocalDate start, int workingDays, LocalDate expected) {
        assertEquals(expected, WorkingDays.after(start, workingDays));
    }
}

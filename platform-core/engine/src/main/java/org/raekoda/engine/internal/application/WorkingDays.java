package org.raekoda.engine.internal.application;

import java.time.DayOfWeek;
import java.time.LocalDate;

/** Deadlines in working days: Saturdays and Sundays do not count. Public holidays come with country calendars. */
final class WorkingDays {

    private WorkingDays() {
    }

    static LocalDate after(LocalDate start, int workingDays) {
        LocalDate day = start;
        int left = workingDays;
        while (left > 0) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return day;
    }
}

package org.raekoda.api.application;

import java.time.LocalDate;

/**
 * One application in an officer's queue.
 *
 * @param application the application
 * @param overdue     whether its deadline has passed
 * @param suggestion  in suggest mode, the rules' recommendation; otherwise null
 */
public record QueueItem(Application application, boolean overdue, Verdict suggestion) {

    public LocalDate deadline() {
        return application.deadline();
    }
}

package org.raekoda.store.spi;

/**
 * The check was already answered or the payment already settled, by an earlier delivery of the same message or
 * notification: nothing was written. Callers treat it as a duplicate, not as a failure.
 */
public class AlreadyAppliedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public AlreadyAppliedException(String message) {
        super(message);
    }
}

package org.raekoda.store.spi;

/** Someone else changed the row since it was read: the caller's change was not made. */
public class StaleVersionException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public StaleVersionException(String message) {
        super(message);
    }
}

package org.raekoda.api.integration;

/**
 * The external system could not answer now: down, too slow, overloaded, or its gateway failed (an X-Road
 * security server error, a SOAP fault from the transport). The outbox tries again later, with backoff, and the
 * circuit breaker of that system counts it. Anything the system did answer is not this exception but an answer.
 */
public class SystemUnavailableException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String system;

    public SystemUnavailableException(String system, String message) {
        super(message);
        this.system = system;
    }

    public SystemUnavailableException(String system, String message, Throwable cause) {
        super(message, cause);
        this.system = system;
    }

    /** The external system, as {@link RegistryCheck#system()} or {@link PaymentMethod#system()} names it. */
    public String system() {
        return system;
    }
}

package org.raekoda.simulator;

/** How a simulator behaves, as tests and developers tell it. */
public enum Mode {
    /** Answers as the real system does. */
    NORMAL,
    /** Answers as the real system does, after the configured delay. */
    SLOW,
    /** Answers as the real system does when it is broken behind its front door (each simulator says how). */
    FAIL,
    /**
     * Unreachable. On its own loopback server the socket is closed, so connections are refused; as a servlet inside
     * Karaf, where the port is the platform's, it answers 503 without a body.
     */
    DOWN
}

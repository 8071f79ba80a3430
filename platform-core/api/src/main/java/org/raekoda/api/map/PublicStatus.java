package org.raekoda.api.map;

/**
 * Where a public permit stands today. Only issued permits are ever public; of them, those in force are the
 * default view, and expired and revoked ones are reachable by asking for their status.
 */
public enum PublicStatus {
    /** Issued and valid today (or from a day still to come). */
    ISSUED,
    /** Issued and past its last valid day. */
    EXPIRED,
    /** Issued, then revoked by an officer. */
    REVOKED
}

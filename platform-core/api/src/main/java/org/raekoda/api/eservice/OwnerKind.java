package org.raekoda.api.eservice;

/** Who is legally responsible for an e-service. */
public enum OwnerKind {
    /** A local government's own service. */
    MUNICIPAL,
    /** A state agency's service, which municipal service centres may also offer. */
    STATE
}

package org.raekoda.api.node;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The node's profile, from configuration PID {@code org.raekoda.node}. Safe by default: a node is a
 * production node unless its profile is exactly {@code development}, and development shortcuts never work
 * on a database that other nodes may share unless a test allows it explicitly.
 */
@ProviderType
public interface NodeProfile {

    /** The profile as configured, for operators to read (health, logs). */
    String name();

    /** True only when the profile is exactly {@code development}. */
    boolean development();

    /** True when the node's database is the embedded one in its own data folder, which no other node shares. */
    boolean embeddedDatabase();

    /**
     * Whether development shortcuts may work on this node: the development profile on the embedded database,
     * or on a shared database only when {@code allowDevelopmentIdentityOnSharedDatabase=true} is set for a test.
     */
    boolean developmentShortcuts();
}

package org.raekoda.api.health;

/** Whether a part of the platform can do its job right now. */
public enum HealthStatus {
    /** Working. */
    UP,
    /** Not working; the detail says why. The node stays up and keeps checking. */
    DOWN
}

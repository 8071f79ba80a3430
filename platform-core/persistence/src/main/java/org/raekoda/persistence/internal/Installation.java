package org.raekoda.persistence.internal;

import java.time.OffsetDateTime;

/** Identity of the installation whose database this node uses. */
record Installation(String id, OffsetDateTime createdAt) {
}

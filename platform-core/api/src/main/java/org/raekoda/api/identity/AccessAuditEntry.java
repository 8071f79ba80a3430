package org.raekoda.api.identity;

import java.time.Instant;

/**
 * One line of the access audit: who changed or used whose rights, and which staff read which application.
 * Lines are only ever added. It names persons by their pseudonymous ids, never by personal code.
 *
 * @param at           when
 * @param actor        who acted (subject)
 * @param organization the organization concerned, or null (a mandate between two persons)
 * @param action       {@code membership-granted}, {@code membership-revoked}, {@code mandate-granted},
 *                     {@code mandate-revoked}, {@code mandate-used}, {@code representation-used},
 *                     {@code acted-for-visitor}, {@code read}
 * @param subject      the person (or company principal) it concerns, or null
 * @param application  the application it concerns, or null
 * @param detail       a short note (roles, services), never personal data
 */
public record AccessAuditEntry(Instant at, String actor, String organization, String action, String subject,
        String application, String detail) {
}

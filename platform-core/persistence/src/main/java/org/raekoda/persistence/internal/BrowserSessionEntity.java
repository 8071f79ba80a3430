package org.raekoda.persistence.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;

import org.raekoda.store.spi.BrowserSessionRow;

/** An open browser session, keyed by the SHA-256 of its cookie. */
@Entity
@Table(name = "browser_session")
public class BrowserSessionEntity {

    @Id
    @Column(name = "cookie_hash")
    private String cookieHash;

    @Column(name = "csrf_token", nullable = false)
    private String csrfToken;

    @Column(name = "provider", nullable = false)
    private String provider;

    @Column(name = "country", nullable = false)
    private String country;

    @Column(name = "person_code", nullable = false)
    private String code;

    @Column(name = "person_name")
    private String name;

    @Lob
    @Column(name = "id_token")
    private String idToken;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    @Column(name = "idle_expires_at", nullable = false)
    private OffsetDateTime idleExpiresAt;

    @Column(name = "expires_at", nullable = false)
    private OffsetDateTime expiresAt;

    protected BrowserSessionEntity() {
    }

    BrowserSessionEntity(BrowserSessionRow row) {
        this.cookieHash = row.cookieHash();
        this.csrfToken = row.csrfToken();
        this.provider = row.provider();
        this.country = row.country();
        this.code = row.code();
        this.name = row.name();
        this.idToken = row.idToken();
        this.createdAt = utc(row.createdAt());
        this.expiresAt = utc(row.expiresAt());
        extendIdleTo(row.idleExpiresAt());
    }

    boolean expiredAt(Instant now) {
        return !now.isBefore(idleExpiresAt.toInstant()) || !now.isBefore(expiresAt.toInstant());
    }

    Instant idleExpiresAt() {
        return idleExpiresAt.toInstant();
    }

    /** Never past the absolute expiry, so that a purge by idle expiry alone finds every expired session. */
    void extendIdleTo(Instant at) {
        Instant capped = at.isAfter(expiresAt.toInstant()) ? expiresAt.toInstant() : at;
        this.idleExpiresAt = utc(capped);
    }

    BrowserSessionRow toRow() {
        return new BrowserSessionRow(cookieHash, csrfToken, provider, country, code, name, idToken,
                createdAt.toInstant(), idleExpiresAt.toInstant(), expiresAt.toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}

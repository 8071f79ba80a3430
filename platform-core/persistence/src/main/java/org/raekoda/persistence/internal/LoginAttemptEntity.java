package org.raekoda.persistence.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Table;

import org.raekoda.store.spi.LoginAttemptRow;

/** A begun browser login, until its callback uses it up. */
@Entity
@Table(name = "login_attempt")
public class LoginAttemptEntity {

    @Id
    @Column(name = "state")
    private String state;

    @Column(name = "provider", nullable = false)
    private String provider;

    @Column(name = "nonce", nullable = false)
    private String nonce;

    @Column(name = "code_verifier", nullable = false)
    private String codeVerifier;

    @Column(name = "return_to", nullable = false)
    private String returnTo;

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected LoginAttemptEntity() {
    }

    LoginAttemptEntity(LoginAttemptRow row) {
        this.state = row.state();
        this.provider = row.provider();
        this.nonce = row.nonce();
        this.codeVerifier = row.codeVerifier();
        this.returnTo = row.returnTo();
        this.createdAt = row.createdAt().atOffset(ZoneOffset.UTC);
    }

    LoginAttemptRow toRow() {
        return new LoginAttemptRow(state, provider, nonce, codeVerifier, returnTo, createdAt.toInstant());
    }
}

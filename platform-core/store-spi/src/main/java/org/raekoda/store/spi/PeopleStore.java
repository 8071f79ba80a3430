package org.raekoda.store.spi;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/** Persons, their memberships, mandates between them and the access audit. Every method is one transaction. */
@ProviderType
public interface PeopleStore {

    /** A person and the memberships that hold now. */
    record Known(PersonRow person, List<MembershipRow> memberships) {
    }

    /**
     * The person with this country and code with their live memberships, in one query; the person is recorded
     * first when new (safe when several nodes see them at once). A changed name is kept.
     */
    Known signIn(String country, String personalCode, String name, Instant now);

    /** The person with this country and code, recorded when new. */
    PersonRow findOrCreate(String country, String personalCode, String name, Instant now);

    Optional<PersonRow> person(String id);

    /** Adds a membership and its audit line. */
    MembershipRow grant(MembershipRow membership, AccessAuditRow audit);

    Optional<MembershipRow> membership(String id);

    /**
     * Marks the membership revoked and adds the audit line, unless it was revoked already.
     *
     * @return the membership as stored now
     */
    MembershipRow revoke(String id, String revokedBy, Instant at, AccessAuditRow audit);

    /** An organization's memberships, revoked ones too, newest first. */
    List<MembershipRow> memberships(String organization);

    /** Adds a mandate and its audit line. */
    MandateRow grant(MandateRow mandate, AccessAuditRow audit);

    Optional<MandateRow> mandate(String id);

    /** Marks the mandate revoked and adds the audit line, unless it was revoked already. */
    MandateRow revokeMandate(String id, String revokedBy, Instant at, AccessAuditRow audit);

    /** Mandates a person gave, newest first. */
    List<MandateRow> mandatesGiven(String grantor);

    /** Mandates a person holds on that day: not revoked, not expired. */
    List<MandateRow> mandatesHeld(String grantee, LocalDate day);

    /** Adds one line to the access audit. */
    void audit(AccessAuditRow line);

    /** The organization's access audit, newest first. */
    List<AccessAuditRow> accessAudit(String organization, int limit);

    /** Access audit lines a person did or that concern them (by any of their ids), newest first. */
    List<AccessAuditRow> accessAuditAbout(List<String> ids, int limit);

    /** The access audit lines about one application, oldest first. */
    List<AccessAuditRow> accessAuditOf(String applicationId);
}

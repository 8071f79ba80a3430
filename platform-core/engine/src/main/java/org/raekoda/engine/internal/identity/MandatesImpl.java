package org.raekoda.engine.internal.identity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.application.Caller;
import org.raekoda.api.identity.AccessAuditEntry;
import org.raekoda.api.identity.Mandate;
import org.raekoda.api.identity.Mandates;
import org.raekoda.api.identity.PartyCode;
import org.raekoda.engine.internal.application.Acting;
import org.raekoda.store.spi.AccessAuditRow;
import org.raekoda.store.spi.MandateRow;
import org.raekoda.store.spi.PeopleStore;
import org.raekoda.store.spi.PersonRow;

/** Mandates between persons; giving, revoking and (in the engine's submissions) using one are audited. */
@Component(service = Mandates.class)
public final class MandatesImpl implements Mandates {

    /** Most e-services one mandate names, and the longest id. */
    static final int MAX_SERVICES = 50;
    static final int SERVICE_ID = 64;

    private final PeopleStore people;
    private final Clock clock;
    private final Acting acting;

    @Activate
    public MandatesImpl(@Reference PeopleStore people) {
        this(people, Clock.systemUTC());
    }

    public MandatesImpl(PeopleStore people, Clock clock) {
        this.people = people;
        this.clock = clock;
        this.acting = new Acting(people, new CopyOnWriteArrayList<>());
    }

    @Override
    public Mandate grant(Caller grantor, PartyCode grantee, String granteeName, Set<String> services,
            LocalDate validUntil) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.now(clock);
        List<FieldError> errors = new ArrayList<>();
        if (grantee == null) {
            errors.add(new FieldError("/grantee", "is required"));
        }
        if (validUntil == null) {
            errors.add(new FieldError("/validUntil", "is required"));
        } else if (validUntil.isBefore(today) || validUntil.isAfter(today.plusYears(MAX_YEARS))) {
            errors.add(new FieldError("/validUntil", "from today (" + today + ") to at most " + MAX_YEARS
                    + " years ahead"));
        }
        Set<String> covered = new TreeSet<>(services == null ? Set.of() : services);
        if (covered.size() > MAX_SERVICES) {
            errors.add(new FieldError("/services", "at most " + MAX_SERVICES + " e-services"));
        }
        if (covered.stream().anyMatch(s -> s == null || !s.matches("[a-z0-9][a-z0-9-]{0," + (SERVICE_ID - 1) + "}"))) {
            errors.add(new FieldError("/services", "e-service ids: lower-case letters, digits and '-'"));
        }
        if (granteeName != null && granteeName.length() > MembershipsImpl.NAME) {
            errors.add(new FieldError("/name", "at most " + MembershipsImpl.NAME + " characters"));
        }
        if (!errors.isEmpty()) {
            throw ApplicationException.invalid("The mandate cannot be given", errors);
        }
        String me = acting.personId(grantor, now);
        PersonRow to = people.findOrCreate(grantee.country(), grantee.code(), granteeName, now);
        if (to.id().equals(me)) {
            throw ApplicationException.invalid("The mandate cannot be given",
                    List.of(new FieldError("/grantee", "a person needs no mandate of their own")));
        }
        String joined = String.join(",", covered);
        MandateRow mandate = new MandateRow(UUID.randomUUID().toString(), me, to.id(), granteeName, joined, validUntil,
                now, null, null);
        people.grant(mandate, new AccessAuditRow(now, grantor.subject(), null, "mandate-granted", to.id(), null,
                "mandate " + mandate.id() + " for " + (joined.isEmpty() ? "every e-service" : joined) + " until "
                        + validUntil));
        return mandate(mandate, people);
    }

    @Override
    public List<Mandate> given(Caller caller) {
        return people.mandatesGiven(acting.personId(caller, clock.instant())).stream().map(m -> mandate(m, people))
                .toList();
    }

    @Override
    public List<Mandate> received(Caller caller) {
        return people.mandatesHeld(acting.personId(caller, clock.instant()), LocalDate.now(clock)).stream()
                .map(m -> mandate(m, people)).toList();
    }

    @Override
    public Mandate revoke(Caller grantor, String mandateId) {
        Instant now = clock.instant();
        String me = acting.personId(grantor, now);
        MandateRow found = people.mandate(mandateId).filter(m -> m.grantor().equals(me))
                .orElseThrow(() -> ApplicationException.notFound("mandate " + mandateId));
        return mandate(people.revokeMandate(found.id(), grantor.subject(), now, new AccessAuditRow(now,
                grantor.subject(), null, "mandate-revoked", found.grantee(), null, "mandate " + found.id())), people);
    }

    @Override
    public List<AccessAuditEntry> audit(Caller caller, int limit) {
        // A development caller that names a person acts as its subject but is recorded as that person too.
        List<String> ids = List.copyOf(new java.util.LinkedHashSet<>(List.of(caller.subject(),
                acting.personId(caller, clock.instant()))));
        return people.accessAuditAbout(ids,
                Math.max(1, Math.min(limit, MembershipsImpl.MAX_AUDIT))).stream().map(MembershipsImpl::entry).toList();
    }

    static Mandate mandate(MandateRow row, PeopleStore people) {
        String grantorName = people.person(row.grantor()).map(PersonRow::name).orElse(null);
        Set<String> services = row.services().isEmpty() ? Set.of() : Set.of(row.services().split(","));
        return new Mandate(row.id(), row.grantor(), grantorName, row.grantee(), row.granteeName(), services,
                row.validUntil(), row.grantedAt(), row.revokedBy(), row.revokedAt());
    }
}

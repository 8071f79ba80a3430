package org.raekoda.engine.internal.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.Caller.Role;
import org.raekoda.api.application.Channel;
import org.raekoda.api.application.Principal;
import org.raekoda.api.identity.PartyCode;
import org.raekoda.api.registry.RepresentationRights;
import org.raekoda.api.registry.RepresentedCompany;
import org.raekoda.store.spi.AccessAuditRow;
import org.raekoda.store.spi.ApplicationRow;
import org.raekoda.store.spi.ApplicationStore;
import org.raekoda.store.spi.MandateRow;
import org.raekoda.store.spi.PeopleStore;

/**
 * Acting for others: for a company the caller represents (any registered {@link RepresentationRights} source
 * says so), for a person who gave the caller a live mandate for the e-service, and at a service centre for a
 * visiting person. Without a people store (tools, old tests) nobody acts for anyone.
 */
public final class Acting {

    private final PeopleStore people;
    private final List<RepresentationRights> rights;

    public Acting(PeopleStore people, List<RepresentationRights> rights) {
        this.people = people;
        this.rights = rights;
    }

    /**
     * The caller's person id: the subject, unless the caller carries a personal code whose person the platform
     * records under another id (a development caller that names a person).
     */
    public String personId(Caller caller, Instant now) {
        if (caller.person() == null || people == null) {
            return caller.subject();
        }
        return people.findOrCreate(caller.person().country(), caller.person().code(), null, now).id();
    }

    /** Whether any source says the person represents the company. */
    public boolean represents(PartyCode person, PartyCode company) {
        if (person == null) {
            return false;
        }
        for (RepresentationRights source : rights) {
            if (source.represents(person, company)) {
                return true;
            }
        }
        return false;
    }

    /** The companies the person represents, from every source, each once. */
    public List<RepresentedCompany> companiesOf(PartyCode person) {
        if (person == null) {
            return List.of();
        }
        Set<RepresentedCompany> companies = new LinkedHashSet<>();
        Set<PartyCode> seen = new java.util.HashSet<>();
        for (RepresentationRights source : rights) {
            source.companiesOf(person).stream().filter(c -> seen.add(c.company())).forEach(companies::add);
        }
        return new ArrayList<>(companies);
    }

    /** Who an application is for and who acted, as the submission asks, or 403 when the caller may not. */
    record Act(String applicant, String submittedBy, Channel channel, String action, String detail) {
    }

    Act forSubmission(Caller caller, Principal onBehalfOf, String service, LocalDate today, Instant now) {
        if (onBehalfOf == null) {
            return new Act(caller.subject(), null, caller.channel(), null, null);
        }
        if (people == null) {
            throw ApplicationException.forbidden("acting for others is not available on this node");
        }
        if (onBehalfOf.kind() == Principal.Kind.COMPANY) {
            if (!represents(caller.person(), onBehalfOf.code())) {
                throw ApplicationException.forbidden("the caller does not represent that company");
            }
            return new Act(Principal.companyId(onBehalfOf.code()), caller.subject(), Channel.SELF_SERVICE,
                    "representation-used", "for a company the actor represents");
        }
        String me = personId(caller, now);
        String principal = people.findOrCreate(onBehalfOf.code().country(), onBehalfOf.code().code(),
                onBehalfOf.name(), now).id();
        if (principal.equals(me)) {
            return new Act(caller.subject(), null, caller.channel(), null, null);
        }
        MandateRow mandate = mandateCovering(me, principal, service, today);
        if (mandate != null) {
            return new Act(principal, caller.subject(), Channel.SELF_SERVICE, "mandate-used", "mandate " + mandate.id());
        }
        if (caller.has(Role.SERVICE_CENTRE)) {
            return new Act(principal, caller.subject(), Channel.SERVICE_CENTRE, "acted-for-visitor",
                    "at a service centre of " + String.join(",", caller.memberships().keySet()));
        }
        throw ApplicationException.forbidden("the caller holds no mandate of that person for " + service);
    }

    /** The access audit line of an application made for someone else. */
    AccessAuditRow used(Act act, Caller caller, String organization, String applicationId, Instant now) {
        return new AccessAuditRow(now, caller.subject(), organization, act.action(), act.applicant(), applicationId,
                act.detail());
    }

    void audit(AccessAuditRow line) {
        if (people != null) {
            people.audit(line);
        }
    }

    /** Whether the caller may act for the applicant of an application of this e-service. */
    boolean mayActFor(Caller caller, String applicant, String service, LocalDate today, Instant now) {
        if (people == null) {
            return false;
        }
        PartyCode company = Principal.companyOf(applicant);
        if (company != null) {
            return represents(caller.person(), company);
        }
        return mandateCovering(personId(caller, now), applicant, service, today) != null;
    }

    private MandateRow mandateCovering(String grantee, String grantor, String service, LocalDate today) {
        for (MandateRow mandate : people.mandatesHeld(grantee, today)) {
            if (mandate.grantor().equals(grantor) && (mandate.services().isEmpty()
                    || List.of(mandate.services().split(",")).contains(service))) {
                return mandate;
            }
        }
        return null;
    }

    /**
     * The applications the caller sees as their own: theirs, their companies', and of those who gave them a live
     * mandate, the e-services it covers.
     */
    List<ApplicationRow> mine(Caller caller, ApplicationStore applications, LocalDate today, Instant now) {
        Set<String> applicants = new LinkedHashSet<>();
        applicants.add(caller.subject());
        if (people == null) {
            return applications.byApplicant(caller.subject());
        }
        String me = personId(caller, now);
        applicants.add(me);
        companiesOf(caller.person()).forEach(company -> applicants.add(Principal.companyId(company.company())));
        Map<String, List<MandateRow>> mandates = new HashMap<>();
        people.mandatesHeld(me, today).forEach(m -> mandates.computeIfAbsent(m.grantor(), g -> new ArrayList<>()).add(m));
        Set<String> own = Set.copyOf(applicants);
        applicants.addAll(mandates.keySet());
        return applications.byApplicants(List.copyOf(applicants)).stream()
                .filter(row -> own.contains(row.applicant()) || mandates.getOrDefault(row.applicant(), List.of())
                        .stream().anyMatch(m -> m.services().isEmpty()
                                || List.of(m.services().split(",")).contains(row.service())))
                .toList();
    }

    /** The applicant's code for an officer of the application's organization: a company's, or a person's. */
    PartyCode codeOf(String applicant) {
        PartyCode company = Principal.companyOf(applicant);
        if (company != null || people == null) {
            return company;
        }
        return people.person(applicant).map(p -> new PartyCode(p.country(), p.personalCode())).orElse(null);
    }
}

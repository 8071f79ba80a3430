package org.raekoda.engine.internal.identity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.metatype.annotations.Designate;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.Caller.Role;
import org.raekoda.api.application.Channel;
import org.raekoda.api.identity.People;
import org.raekoda.api.identity.PartyCode;
import org.raekoda.api.identity.Profile;
import org.raekoda.api.identity.VerifiedIdentity;
import org.raekoda.api.registry.RepresentationRights;
import org.raekoda.engine.internal.application.Acting;
import org.raekoda.store.spi.MembershipRow;
import org.raekoda.store.spi.PeopleStore;
import org.raekoda.store.spi.PersonRow;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The platform's record of persons. A verified identity becomes a caller with one query: the person (recorded
 * on first sight) and their live memberships. Platform administrators come from configuration, so that an
 * empty installation has someone who can bring in the first organization's administrator.
 */
@Component(service = People.class, configurationPid = "org.raekoda.identity",
        configurationPolicy = ConfigurationPolicy.OPTIONAL)
@Designate(ocd = IdentityConfig.class)
public final class PeopleImpl implements People {

    private static final Logger LOG = LoggerFactory.getLogger(PeopleImpl.class);

    private final PeopleStore store;
    private final Set<String> platformAdmins;
    private final Clock clock;
    private final List<RepresentationRights> rights = new CopyOnWriteArrayList<>();
    private final Acting acting;

    @Activate
    public PeopleImpl(@Reference PeopleStore store, IdentityConfig config) {
        this(store, config.platformAdmins(), Clock.systemUTC());
    }

    public PeopleImpl(PeopleStore store, String platformAdmins, Clock clock) {
        this.store = store;
        this.platformAdmins = parseAdmins(platformAdmins);
        this.clock = clock;
        this.acting = new Acting(store, rights);
        // How many, never who: the list holds personal codes.
        LOG.info("{} platform administrator(s) configured", this.platformAdmins.size());
    }

    /**
     * Country-and-code entries ({@code EE38001085718}), upper-cased country, blanks dropped. Karaf writes an unset
     * {@code ${env:...}} as an empty string: no administrators.
     */
    static Set<String> parseAdmins(String configured) {
        Set<String> admins = new HashSet<>();
        if (configured == null) {
            return admins;
        }
        for (String entry : configured.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.length() > 2) {
                admins.add(trimmed.substring(0, 2).toUpperCase(Locale.ROOT) + trimmed.substring(2));
            } else if (!trimmed.isEmpty()) {
                LOG.warn("Ignoring a platformAdmins entry that is not a country and a code");
            }
        }
        return admins;
    }

    @Override
    public Caller callerFor(VerifiedIdentity identity) {
        PartyCode code = identity.person();
        PeopleStore.Known known = store.signIn(code.country(), code.code(), identity.name(), clock.instant());
        Map<String, Set<Role>> memberships = new LinkedHashMap<>();
        for (MembershipRow membership : known.memberships()) {
            Set<Role> held = memberships.computeIfAbsent(membership.organization(), o -> EnumSet.noneOf(Role.class));
            rolesOf(membership.roles()).forEach(held::add);
        }
        Set<Role> roles = EnumSet.of(Role.APPLICANT);
        if (platformAdmins.contains(code.reveal())) {
            roles.add(Role.PLATFORM_ADMIN);
        }
        Channel channel = memberships.isEmpty() ? Channel.SELF_SERVICE : Channel.SERVICE_CENTRE;
        LOG.debug("Person {} through {}: {} membership(s)", known.person().id(), identity.provider(),
                memberships.size());
        return new Caller(known.person().id(), code, roles, memberships, channel);
    }

    @Override
    public Profile profile(Caller caller) {
        String id = acting.personId(caller, clock.instant());
        String name = caller.person() == null ? null
                : store.person(id).map(PersonRow::name).orElse(null);
        LocalDate today = LocalDate.now(clock);
        return new Profile(id, name, caller.person(), caller.roles(), caller.memberships(),
                acting.companiesOf(caller.person()),
                store.mandatesHeld(id, today).stream().map(m -> MandatesImpl.mandate(m, store)).toList());
    }

    static Set<Role> rolesOf(String stored) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (String role : stored.split(",")) {
            if (!role.isBlank()) {
                roles.add(Role.valueOf(role.strip()));
            }
        }
        return roles;
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addRepresentationRights(RepresentationRights source) {
        rights.add(source);
    }

    public void removeRepresentationRights(RepresentationRights source) {
        rights.remove(source);
    }
}

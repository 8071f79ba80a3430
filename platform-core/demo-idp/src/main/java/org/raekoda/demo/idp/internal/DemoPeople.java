package org.raekoda.demo.idp.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.raekoda.api.application.Caller.Role;
import org.raekoda.api.identity.PartyCode;

/**
 * The demo persons, in one place: who the demo provider can log in as, and which memberships of the demo
 * municipality each is meant to hold. The codes are in each country's real format with valid check digits
 * (the tests check them) but belong to no real person as far as we know: the Estonian ones include the
 * codes that the national test services publish for testing.
 *
 * <p>The provider proves identity only. Roles are the platform's: whoever seeds the demo grants
 * {@link #memberships()} through the platform's membership service, and the platform administrator is made one
 * by listing {@link #PLATFORM_ADMIN}'s code in {@code platformAdmins} of configuration PID
 * {@code org.raekoda.identity}.
 */
public final class DemoPeople {

    /** The demo municipality's organization id (platform-core/demo). */
    public static final String DEMO_ORGANIZATION = "demo";
    /** The person meant to be the platform administrator. */
    public static final String PLATFORM_ADMIN = "platform-admin";

    private static final List<DemoPerson> ALL = List.of(
            citizen("ee-citizen", "EE", "48706121237", "Mari Maasikas", "Citizen of Estonia"),
            citizen("ee-citizen-2", "EE", "37503150229", "Jaan Tamm", "Another citizen of Estonia"),
            citizen("lv-citizen", "LV", "051192-11239", "Jānis Bērziņš", "Citizen of Latvia"),
            citizen("se-citizen", "SE", "19900315-1231", "Erik Svensson", "Citizen of Sweden"),
            citizen("bg-citizen", "BG", "7503151228", "Иван Петров", "Citizen of Bulgaria"),
            new DemoPerson("demo-officer", new PartyCode("EE", "36912010444"), "Olev Ametnik",
                    "Officer of the demo municipality", Map.of(DEMO_ORGANIZATION, Set.of(Role.OFFICER)), false),
            new DemoPerson("demo-admin", new PartyCode("EE", "48209200333"), "Anu Haldur",
                    "Administrator (and officer) of the demo municipality",
                    Map.of(DEMO_ORGANIZATION, Set.of(Role.ADMIN, Role.OFFICER)), false),
            new DemoPerson("service-centre", new PartyCode("LV", "171288-19877"), "Līga Kalniņa",
                    "Service-centre officer: submits on behalf of visiting citizens",
                    Map.of(DEMO_ORGANIZATION, Set.of(Role.SERVICE_CENTRE)), false),
            new DemoPerson(PLATFORM_ADMIN, new PartyCode("EE", "38001085718"), "Peeter Platvorm",
                    "Platform administrator (configuration platformAdmins in org.raekoda.identity)", Map.of(), true));

    private DemoPeople() {
    }

    /** Everyone, in the order the picker shows them. */
    public static List<DemoPerson> all() {
        return ALL;
    }

    public static Optional<DemoPerson> find(String id) {
        return ALL.stream().filter(p -> p.id().equals(id)).findFirst();
    }

    /** One membership a demo seeder should grant. */
    public record Grant(String organization, PartyCode person, String name, Set<Role> roles) {
    }

    /**
     * The memberships the demo persons are meant to hold, for the seeder to grant through the platform's
     * membership service ({@code Memberships.grant(admin, organization, person, name, roles)}).
     */
    public static List<Grant> memberships() {
        List<Grant> grants = new ArrayList<>();
        for (DemoPerson person : ALL) {
            person.memberships().forEach((organization, roles) -> grants.add(
                    new Grant(organization, person.person(), person.name(), Set.copyOf(roles))));
        }
        return List.copyOf(grants);
    }

    private static DemoPerson citizen(String id, String country, String code, String name, String description) {
        return new DemoPerson(id, new PartyCode(country, code), name, description, Map.of(), false);
    }
}

package org.raekoda.ogc.internal;

import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.raekoda.api.application.Organization;
import org.raekoda.api.application.OrganizationService;
import org.raekoda.api.eservice.Catalogue;
import org.raekoda.api.eservice.EServiceDefinition;
import org.raekoda.api.eservice.LocalizedText;
import org.raekoda.api.eservice.OwnerKind;
import org.raekoda.api.eservice.Phase;
import org.raekoda.api.map.PublicBasis;
import org.raekoda.api.map.PublicCriterion;
import org.raekoda.api.map.PublicPermit;
import org.raekoda.api.map.PublicStatus;

/** A small world for the service's unit tests: two e-services, one municipality, a handful of permits. */
final class Fixtures {

    static final String ROOT = "http://localhost:8181/ogc";
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-02T10:00:00Z"), ZoneOffset.UTC);

    private Fixtures() {
    }

    static EServiceDefinition service(String id, String en, String et) {
        return new EServiceDefinition(id, "1.0.0", OwnerKind.MUNICIPAL, new LocalizedText(Map.of("en", en, "et", et)),
                LocalizedText.of(en + " permits"), "{}", "{}", null, null, List.of(),
                List.of(new Phase("review", LocalizedText.of("Review"), 10, "OFFICER")), List.of(), null);
    }

    static Catalogue catalogue(EServiceDefinition... definitions) {
        return new Catalogue() {
            @Override
            public List<EServiceDefinition> all() {
                return List.of(definitions);
            }

            @Override
            public Optional<EServiceDefinition> find(String serviceId) {
                return all().stream().filter(d -> d.id().equals(serviceId)).findFirst();
            }

            @Override
            public Optional<EServiceDefinition> find(String serviceId, String version) {
                return find(serviceId).filter(d -> d.version().equals(version));
            }
        };
    }

    /** Only {@code find} is used by the service; every other method fails the test if called. */
    static OrganizationService organizations(Organization... organizations) {
        return (OrganizationService) Proxy.newProxyInstance(Fixtures.class.getClassLoader(),
                new Class<?>[] {OrganizationService.class}, (proxy, method, args) -> {
                    if (method.getName().equals("find")) {
                        return List.of(organizations).stream().filter(o -> o.id().equals(args[0])).findFirst();
                    }
                    throw new AssertionError("the OGC service calls only find, not " + method.getName());
                });
    }

    static Organization demo() {
        return new Organization("demo", Organization.Kind.MUNICIPALITY,
                new LocalizedText(Map.of("en", "Demo town", "et", "Demolinn")));
    }

    static Map<String, Object> point(double lon, double lat) {
        return Map.of("type", "Point", "coordinates", List.of(lon, lat));
    }

    static PublicPermit permit(String id, String service, PublicStatus status, LocalDate issued, LocalDate validUntil,
            Map<String, Object> geometry) {
        PublicBasis basis = new PublicBasis(PublicBasis.RULES, Instant.parse("2026-11-30T08:00:00Z"), List.of(
                new PublicCriterion("depth", Map.of("en", "Dig at most 2 m deep", "et", "Kaeve sügavus kuni 2 m"), true,
                        Map.of("en", "Street rules § 4", "et", "Tänavaeeskiri § 4"))));
        return new PublicPermit(id, service, "1.0.0", "demo", status, issued, issued.plusDays(3), issued.plusDays(10),
                validUntil, geometry, basis);
    }

    static OgcService service(InMemoryPublicPermits permits) {
        return new OgcService(permits, catalogue(service("excavation", "Excavation", "Kaevetööd"),
                service("tree-felling", "Tree felling", "Raie")), organizations(demo()), CLOCK, Duration.ofMinutes(1));
    }
}

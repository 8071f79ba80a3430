package org.raekoda.engine.internal.map;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.raekoda.api.application.Caller;
import org.raekoda.api.map.BoundingBox;
import org.raekoda.api.map.PublicBasis;
import org.raekoda.api.map.PublicCriterion;
import org.raekoda.api.map.PublicExtent;
import org.raekoda.api.map.PublicPermit;
import org.raekoda.api.map.PublicPermitPage;
import org.raekoda.api.map.PublicPermitQuery;
import org.raekoda.api.map.PublicPermits;
import org.raekoda.api.map.PublicStatus;
import org.raekoda.engine.internal.json.Json;
import org.raekoda.store.spi.DecisionRow;
import org.raekoda.store.spi.PublishedExtent;
import org.raekoda.store.spi.PublishedPermitStore;
import org.raekoda.store.spi.PublishedRow;
import org.raekoda.store.spi.PublishedSearch;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The public register over the published-permit store. Whether an issued permit is in force or expired is judged
 * by today's date in UTC, the same for every organization and every node: a permit whose last valid day is today
 * somewhere is in force here until that day ends in UTC. What comes out is built field by field from the row's
 * public columns and the decision's criteria (id, title, passed, legal basis): never the form, the value a
 * criterion read from it, a note about it, or an officer's free-text reason.
 */
@Component(service = PublicPermits.class)
public final class PublicPermitsImpl implements PublicPermits {

    /**
     * How long an extent is reused. It is derived data that only widens a client's initial view, so a node may
     * serve one up to this old; nodes need not agree, and every node reads it from the database again.
     */
    static final Duration EXTENT_TTL = Duration.ofSeconds(60);

    private static final String ALL_SERVICES = "";

    private final PublishedPermitStore store;
    private final Clock clock;
    private final Map<String, CachedExtent> extents = new ConcurrentHashMap<>();

    private record CachedExtent(PublicExtent extent, Instant until) {
    }

    @Activate
    public PublicPermitsImpl(@Reference PublishedPermitStore store) {
        this(store, Clock.systemUTC());
    }

    /** With a clock of its own (tests); its zone is ignored, days are counted in UTC. */
    public PublicPermitsImpl(PublishedPermitStore store, Clock clock) {
        this.store = store;
        this.clock = clock.withZone(java.time.ZoneOffset.UTC);
    }

    @Override
    public PublicPermitPage find(PublicPermitQuery query) {
        PublishedSearch search = new PublishedSearch(query.service(), query.organization(),
                query.statuses().contains(PublicStatus.ISSUED), query.statuses().contains(PublicStatus.EXPIRED),
                query.statuses().contains(PublicStatus.REVOKED), LocalDate.now(clock), boxes(query.bbox()),
                query.from(), query.until(), query.limit(), query.offset());
        List<PublishedRow> rows = store.published(search);
        OptionalLong matched;
        if (rows.size() < query.limit() && (!rows.isEmpty() || query.offset() == 0)) {
            // The last page says how many there are without counting again.
            matched = OptionalLong.of(query.offset() + rows.size());
        } else {
            matched = store.countPublished(search, MAX_COUNTED);
        }
        return new PublicPermitPage(permits(rows, search.today()), matched);
    }

    @Override
    public Optional<PublicPermit> find(String permitId) {
        if (permitId == null || permitId.isBlank()) {
            return Optional.empty();
        }
        return store.published(permitId).map(row -> permits(List.of(row), LocalDate.now(clock)).get(0));
    }

    @Override
    public PublicExtent extent(String service) {
        String key = service == null ? ALL_SERVICES : service;
        Instant now = clock.instant();
        CachedExtent cached = extents.get(key);
        if (cached != null && now.isBefore(cached.until())) {
            return cached.extent();
        }
        PublicExtent fresh = extent(store.extent(service));
        extents.put(key, new CachedExtent(fresh, now.plus(EXTENT_TTL)));
        return fresh;
    }

    private static PublicExtent extent(PublishedExtent stored) {
        BoundingBox box = null;
        if (stored.west() != null) {
            try {
                box = new BoundingBox(stored.west(), stored.south(), stored.east(), stored.north());
            } catch (IllegalArgumentException outsideTheWorld) {
                // Locations are checked to lie in CRS84 before they are stored; a box that does not is left out.
            }
        }
        return new PublicExtent(box, stored.first(), stored.last());
    }

    /** The store's boxes: one, or the two halves of a box that crosses the antimeridian; null for none. */
    static List<PublishedSearch.Box> boxes(BoundingBox bbox) {
        if (bbox == null) {
            return null;
        }
        if (bbox.crossesAntimeridian()) {
            return List.of(new PublishedSearch.Box(bbox.west(), bbox.south(), 180, bbox.north()),
                    new PublishedSearch.Box(-180, bbox.south(), bbox.east(), bbox.north()));
        }
        return List.of(new PublishedSearch.Box(bbox.west(), bbox.south(), bbox.east(), bbox.north()));
    }

    private List<PublicPermit> permits(List<PublishedRow> rows, LocalDate today) {
        if (rows.isEmpty()) {
            return List.of();
        }
        Map<String, DecisionRow> decisions = store.latestDecisions(rows.stream().map(PublishedRow::id).toList());
        List<PublicPermit> permits = new ArrayList<>(rows.size());
        for (PublishedRow row : rows) {
            permits.add(new PublicPermit(row.id(), row.service(), row.serviceVersion(), row.organization(),
                    status(row, today), row.issuedOn(), row.occupiedFrom(), row.occupiedUntil(), row.validUntil(),
                    Json.readMap(row.locationJson()), basis(decisions.get(row.id()))));
        }
        return permits;
    }

    static PublicStatus status(PublishedRow row, LocalDate today) {
        return switch (row.state()) {
            case "REVOKED" -> PublicStatus.REVOKED;
            case "EXPIRED" -> PublicStatus.EXPIRED;
            case "ISSUED" -> row.validUntil() == null || !row.validUntil().isBefore(today) ? PublicStatus.ISSUED
                    : PublicStatus.EXPIRED;
            default -> throw new IllegalStateException("the store published an application in state " + row.state());
        };
    }

    /** Who decided and when, and the rules' criteria: only the fields the public may read, picked one by one. */
    static PublicBasis basis(DecisionRow decision) {
        if (decision == null) {
            return null;
        }
        boolean byRules = Caller.SYSTEM.subject().equals(decision.decidedBy());
        List<PublicCriterion> criteria = new ArrayList<>();
        if (decision.evaluationJson() != null) {
            for (JsonNode result : Json.readTree(decision.evaluationJson()).path("results")) {
                if (result.path("criterion").isTextual()) {
                    criteria.add(new PublicCriterion(result.path("criterion").asText(), texts(result.path("title")),
                            result.path("passed").asBoolean(false), texts(result.path("legalBasis"))));
                }
            }
        }
        return new PublicBasis(byRules ? PublicBasis.RULES : PublicBasis.OFFICER, decision.decidedAt(), criteria);
    }

    /** A text by language; anything that is not a string is dropped. */
    private static Map<String, String> texts(JsonNode node) {
        Map<String, String> texts = new LinkedHashMap<>();
        node.fields().forEachRemaining(entry -> {
            if (entry.getValue().isTextual()) {
                texts.put(entry.getKey(), entry.getValue().asText());
            }
        });
        return texts;
    }
}

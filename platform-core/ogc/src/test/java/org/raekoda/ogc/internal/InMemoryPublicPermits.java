package org.raekoda.ogc.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.raekoda.api.map.BoundingBox;
import org.raekoda.api.map.PublicExtent;
import org.raekoda.api.map.PublicPermit;
import org.raekoda.api.map.PublicPermitPage;
import org.raekoda.api.map.PublicPermitQuery;
import org.raekoda.api.map.PublicPermits;

/**
 * A small PublicPermits for unit tests only, following the API's documented semantics (a permit's time runs
 * from min(issuedOn, occupiedFrom) to validUntil; a box matches a location whose envelope it meets). The
 * engine's implementation over the database replaces it in the distribution.
 */
final class InMemoryPublicPermits implements PublicPermits {

    private final List<PublicPermit> permits = new ArrayList<>();
    long maxCounted = MAX_COUNTED;
    int findCalls;

    InMemoryPublicPermits add(PublicPermit permit) {
        permits.add(permit);
        return this;
    }

    @Override
    public PublicPermitPage find(PublicPermitQuery query) {
        findCalls++;
        List<PublicPermit> matching = permits.stream()
                .filter(p -> query.service() == null || p.service().equals(query.service()))
                .filter(p -> query.organization() == null || p.organization().equals(query.organization()))
                .filter(p -> query.statuses().contains(p.status()))
                .filter(p -> query.bbox() == null || p.geometry() != null && meets(envelope(p.geometry()), query.bbox()))
                .filter(p -> query.from() == null || !p.validUntil().isBefore(query.from()))
                .filter(p -> query.until() == null || !start(p).isAfter(query.until()))
                .sorted(Comparator.comparing(PublicPermit::id)).toList();
        List<PublicPermit> page = matching.stream().skip(query.offset()).limit(query.limit()).toList();
        return new PublicPermitPage(page, matching.size() > maxCounted ? OptionalLong.empty()
                : OptionalLong.of(matching.size()));
    }

    private static LocalDate start(PublicPermit permit) {
        return permit.occupiedFrom() != null && permit.occupiedFrom().isBefore(permit.issuedOn()) ? permit.occupiedFrom()
                : permit.issuedOn();
    }

    @Override
    public Optional<PublicPermit> find(String permitId) {
        return permits.stream().filter(p -> p.id().equals(permitId)).findFirst();
    }

    @Override
    public PublicExtent extent(String service) {
        List<PublicPermit> of = permits.stream().filter(p -> service == null || p.service().equals(service)).toList();
        double[] box = null;
        for (PublicPermit permit : of) {
            if (permit.geometry() != null) {
                double[] e = envelope(permit.geometry());
                box = box == null ? e : new double[] {Math.min(box[0], e[0]), Math.min(box[1], e[1]),
                    Math.max(box[2], e[2]), Math.max(box[3], e[3])};
            }
        }
        return new PublicExtent(box == null ? null : new BoundingBox(box[0], box[1], box[2], box[3]),
                of.stream().map(InMemoryPublicPermits::start).min(Comparator.naturalOrder()).orElse(null),
                of.stream().map(PublicPermit::validUntil).max(Comparator.naturalOrder()).orElse(null));
    }

    private static boolean meets(double[] e, BoundingBox box) {
        return e[0] <= box.east() && e[2] >= box.west() && e[1] <= box.north() && e[3] >= box.south();
    }

    private static double[] envelope(Map<String, Object> geometry) {
        double[] e = {Double.MAX_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, -Double.MAX_VALUE};
        walk(geometry.get("coordinates"), e);
        return e;
    }

    private static void walk(Object node, double[] e) {
        if (node instanceof List<?> list && !list.isEmpty()) {
            if (list.get(0) instanceof Number) {
                double x = ((Number) list.get(0)).doubleValue();
                double y = ((Number) list.get(1)).doubleValue();
                e[0] = Math.min(e[0], x);
                e[1] = Math.min(e[1], y);
                e[2] = Math.max(e[2], x);
                e[3] = Math.max(e[3], y);
            } else {
                list.forEach(child -> walk(child, e));
            }
        }
    }
}

package org.raekoda.engine.internal.application;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.eservice.OccupancyRule;
import org.raekoda.store.spi.ApplicationRow;
import org.raekoda.store.spi.Occupancy;
import org.raekoda.engine.internal.json.Json;
import org.raekoda.engine.internal.rules.RuleEngine;
import org.raekoda.engine.internal.spatial.Spatial;

/**
 * Where and when a permit occupies its place, and which permits already issued it clashes with. The
 * clash facts criteria read are {@code conflicts.count} and {@code conflicts.services}; they name no
 * applicant and no application, because the applicant sees the explanation.
 */
final class Occupancies {

    /** Longest occupancy accepted; longer ones are almost always a typing error in a date. */
    static final int MAX_DAYS = 366 * 30;

    private static final Pattern FORM_FIELD = Pattern.compile("form\\.([A-Za-z0-9_]+)");

    /** What one application claims: its period and box, and the exact shape and buffer for the clash test. */
    record Claim(Occupancy occupancy, Geometry geometry, double bufferMetres) {

        /** The box to search candidates in: the shape's box widened by the buffer. */
        Occupancy searchBox() {
            double[] degrees = Spatial.degrees(bufferMetres, geometry.getEnvelopeInternal().centre().y);
            return occupancy.widened(degrees[0], degrees[1]);
        }
    }

    private Occupancies() {
    }

    /**
     * The claim of an application, or null when its e-service declares no occupancy or it has no location.
     *
     * @throws ApplicationException (invalid) when the period cannot be worked out from the form
     */
    static Claim claim(OccupancyRule rule, Map<String, Object> facts, Map<String, Object> location, RuleEngine rules) {
        if (rule == null || location == null) {
            return null;
        }
        LocalDate from = date(rule.from(), facts, rules);
        LocalDate until;
        if (rule.until() != null) {
            until = date(rule.until(), facts, rules);
        } else {
            long days;
            try {
                days = rules.amount(rule.days(), facts).longValueExact();
            } catch (RuntimeException e) {
                throw invalid(rule.days(), "a whole number of days is expected");
            }
            if (days < 1) {
                throw invalid(rule.days(), "must be at least 1 day");
            }
            until = from.plusDays(Math.min(days, MAX_DAYS) - 1);
        }
        if (until.isBefore(from)) {
            throw invalid(rule.until(), "must not be before " + from);
        }
        if (until.isAfter(from.plusDays(MAX_DAYS))) {
            throw invalid(rule.until(), "the period is longer than " + MAX_DAYS / 366 + " years");
        }
        Geometry geometry;
        try {
            geometry = Spatial.read(Json.write(location));
        } catch (ParseException e) {
            // The location was validated before; an unreadable one would have been refused.
            throw new IllegalStateException("location was validated but does not parse", e);
        }
        Envelope box = geometry.getEnvelopeInternal();
        return new Claim(new Occupancy(from, until, box.getMinX(), box.getMinY(), box.getMaxX(), box.getMaxY()),
                geometry, rule.bufferMetres());
    }

    /** The claim of a stored application, with its e-service's buffer. */
    static Claim claimOf(ApplicationRow row, OccupancyRule rule) {
        try {
            return new Claim(row.occupancy(), Spatial.read(row.locationJson()), rule.bufferMetres());
        } catch (ParseException e) {
            throw new IllegalStateException("stored location of " + row.id() + " does not parse", e);
        }
    }

    /** Whether a candidate's shape comes within the claim's buffer (candidates are filtered by period and box). */
    static boolean clashes(Claim claim, ApplicationRow candidate) {
        if (candidate.locationJson() == null) {
            return false;
        }
        try {
            return Spatial.withinMetres(claim.geometry(), Spatial.read(candidate.locationJson()), claim.bufferMetres());
        } catch (ParseException e) {
            // A stored location always parsed once; if it no longer does, it cannot be compared.
            return false;
        }
    }

    /**
     * The clash facts: issued permits among the occupants whose shape comes within the place claim's buffer
     * (the store already filtered them by period and box), and issued permits holding the same resource.
     *
     * @param claim   the application's claim on a place, or null
     * @param holders issued permits holding the resource the application asks for
     */
    static Map<String, Object> conflicts(Claim claim, List<ApplicationRow> occupants, List<ApplicationRow> holders) {
        Map<String, ApplicationRow> inTheWay = new LinkedHashMap<>();
        for (ApplicationRow occupant : occupants) {
            if (claim != null && clashes(claim, occupant)) {
                inTheWay.put(occupant.id(), occupant);
            }
        }
        holders.forEach(holder -> inTheWay.put(holder.id(), holder));
        Set<String> services = new LinkedHashSet<>();
        inTheWay.values().forEach(permit -> services.add(permit.service()));
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("count", inTheWay.size());
        facts.put("services", new ArrayList<>(services));
        return facts;
    }

    private static LocalDate date(String expression, Map<String, Object> facts, RuleEngine rules) {
        Object value;
        try {
            value = rules.value(expression, facts);
        } catch (RuntimeException e) {
            throw invalid(expression, "a date is needed here");
        }
        if (value == null) {
            throw invalid(expression, "a date is needed here");
        }
        try {
            return LocalDate.parse(value.toString());
        } catch (DateTimeParseException e) {
            throw invalid(expression, "a date as YYYY-MM-DD is expected");
        }
    }

    private static ApplicationException invalid(String expression, String message) {
        return ApplicationException.invalid("The period of the permit cannot be worked out from this form",
                List.of(new FieldError(pointer(expression), message)));
    }

    /** Points at the form field when the expression is one, else at the form as a whole. */
    static String pointer(String expression) {
        Matcher field = FORM_FIELD.matcher(expression == null ? "" : expression.trim());
        return field.matches() ? "/form/" + field.group(1) : "/form";
    }
}

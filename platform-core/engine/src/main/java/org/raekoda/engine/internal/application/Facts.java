package org.raekoda.engine.internal.application;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.registry.RegistryFacts;
import org.raekoda.store.spi.OrganizationStore;
import org.raekoda.engine.internal.rules.RuleEngine;
import org.raekoda.engine.internal.spatial.Spatial;
import org.raekoda.engine.internal.spatial.ZoneLayerCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What criteria may read: {@code form}, {@code location} (the geometry and the organization's zone layers
 * it touches) and {@code registry} (facts from national registries). Clashes with permits already issued
 * for the same place and time are added as {@code conflicts} by the submission when the e-service declares
 * an occupancy or a claim.
 */
final class Facts {

    private static final Logger LOG = LoggerFactory.getLogger(Facts.class);

    private final OrganizationStore organizations;
    private final ZoneLayerCache zoneLayers;
    private final List<RegistryFacts> registries;
    private final RuleEngine rules;

    /** @param registries the live list of registries (it changes as registry services come and go) */
    Facts(OrganizationStore organizations, ZoneLayerCache zoneLayers, List<RegistryFacts> registries, RuleEngine rules) {
        this.organizations = organizations;
        this.zoneLayers = zoneLayers;
        this.registries = registries;
        this.rules = rules;
    }

    /** The facts of a new application: its form, its location against the zone layers, every registry's answer. */
    Map<String, Object> ofSubmission(String organization, String service, Map<String, Object> form,
            Map<String, Object> location) {
        return of(form, location, zoneLayers.layers(organizations, organization),
                registryFacts(organization, service, form));
    }

    static Map<String, Object> of(Map<String, Object> form, Map<String, Object> location,
            Map<String, PreparedGeometry> zoneLayers, Map<String, Object> registry) {
        Map<String, Object> facts = new LinkedHashMap<>();
        facts.put("form", form == null ? Map.of() : form);
        facts.put("location", Spatial.facts(location, zoneLayers));
        facts.put("registry", registry == null ? Map.of() : registry);
        return facts;
    }

    /** Asks every registry; one that fails gives no facts, so criteria on it send the application to an officer. */
    private Map<String, Object> registryFacts(String organization, String service, Map<String, Object> form) {
        Map<String, Object> facts = new LinkedHashMap<>();
        for (RegistryFacts registry : registries) {
            try {
                Map<String, Object> answer = registry.facts(organization, service, form);
                if (answer != null) {
                    facts.put(registry.name(), answer);
                }
            } catch (RuntimeException e) {
                LOG.warn("Registry {} gave no facts for an application to {}: {}", registry.name(), organization,
                        e.getMessage());
            }
        }
        return facts;
    }

    /** An amount (fee, days) a definition's expression computes from the facts; 400 at the pointer when it cannot. */
    BigDecimal amount(String expression, Map<String, Object> facts, String pointer, String what) {
        try {
            return rules.amount(expression, facts);
        } catch (RuntimeException e) {
            throw ApplicationException.invalid("The " + what + " cannot be computed from this form",
                    List.of(new FieldError(pointer, "the " + what + " rule needs fields that are missing or wrong")));
        }
    }
}

package org.raekoda.rest.internal;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.CriteriaService;
import org.raekoda.api.application.DryRunReport;
import org.raekoda.api.application.Organization;
import org.raekoda.api.application.OrganizationService;
import org.raekoda.api.application.RuleSet;
import org.raekoda.api.eservice.Criterion;
import org.raekoda.api.eservice.LocalizedText;

/**
 * Administration. Access: organizations are added by platform administrators; an organization's
 * e-services, criteria and automation modes are managed by its own administrators.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public final class AdminResource {

    private final CriteriaService criteria;
    private final OrganizationService organizations;
    private final Callers callers;

    AdminResource(CriteriaService criteria, OrganizationService organizations, Callers callers) {
        this.criteria = criteria;
        this.organizations = organizations;
        this.callers = callers;
    }

    /** The rule set as JSON. */
    record RuleSetView(String organization, String service, String mode, String hash, boolean overridden,
            List<Requests.CriterionBody> criteria) {
        static RuleSetView of(RuleSet set) {
            return new RuleSetView(set.organization(), set.service(), set.mode().name(), set.hash(), set.overridden(),
                    set.criteria().stream().map(Requests.CriterionBody::of).toList());
        }
    }

    @PUT
    @Path("/organizations/{id}")
    @Operation(summary = "Platform administrators: add or rename a municipality or state agency")
    public Organization saveOrganization(@PathParam("id") String id, Requests.OrganizationBody body,
            @Context HttpHeaders headers) {
        Caller caller = callers.require(headers);
        if (body == null || body.name() == null || body.name().isEmpty()) {
            throw ApplicationException.invalid("An organization needs a name",
                    List.of(new FieldError("/name", "a name in at least one language")));
        }
        Organization.Kind kind;
        try {
            kind = Organization.Kind.valueOf(body.kind() == null ? "" : body.kind());
        } catch (IllegalArgumentException e) {
            throw ApplicationException.invalid("Unknown kind of organization",
                    List.of(new FieldError("/kind", "MUNICIPALITY or STATE_AGENCY")));
        }
        return organizations.save(caller, new Organization(id, kind, new LocalizedText(body.name()), body.timeZone()));
    }

    @PUT
    @Path("/municipalities/{m}/services/{id}")
    @Operation(summary = "Organization administrators: offer (or stop offering) an e-service, and its automation mode")
    public List<String> offer(@PathParam("m") String organization, @PathParam("id") String service,
            Requests.OfferBody body, @Context HttpHeaders headers) {
        Caller caller = callers.require(headers);
        boolean enabled = body == null || body.enabled() == null || body.enabled();
        organizations.enable(caller, organization, service, enabled, body == null ? null : body.mode());
        return organizations.enabledServices(organization);
    }

    @PUT
    @Path("/municipalities/{m}/zones/{layer}")
    @Consumes({MediaType.APPLICATION_JSON, "application/geo+json"})
    @Operation(summary = "Organization administrators: load or replace a zone layer (GeoJSON in WGS 84), "
            + "e.g. heritage, protected-area, main-street")
    public List<String> saveZoneLayer(@PathParam("m") String organization, @PathParam("layer") String layer,
            String geoJson, @Context HttpHeaders headers) {
        organizations.saveZoneLayer(callers.require(headers), organization, layer, geoJson);
        return organizations.zoneLayers(organization);
    }

    @GET
    @Path("/municipalities/{m}/zones")
    @Operation(summary = "The names of an organization's zone layers. Public: zones are public planning data.")
    public List<String> zoneLayers(@PathParam("m") String organization) {
        return organizations.zoneLayers(organization);
    }

    @GET
    @Path("/municipalities/{m}/services/{id}/local")
    @Operation(summary = "Organization administrators: the organization's own fee, deadlines and texts")
    public Requests.LocalBody localSettings(@PathParam("m") String organization, @PathParam("id") String service,
            @Context HttpHeaders headers) {
        Caller caller = callers.require(headers);
        if (!(caller.has(Caller.Role.ADMIN) && caller.actsFor(organization)) && !caller.has(Caller.Role.PLATFORM_ADMIN)) {
            throw ApplicationException.forbidden("only administrators of " + organization + " see its local settings");
        }
        return Requests.LocalBody.of(organizations.localSettings(organization, service));
    }

    @PUT
    @Path("/municipalities/{m}/services/{id}/local")
    @Operation(summary = "Organization administrators: replace the organization's own fee (expression), "
            + "deadlines (working days per phase) and texts")
    public Requests.LocalBody localize(@PathParam("m") String organization, @PathParam("id") String service,
            Requests.LocalBody body, @Context HttpHeaders headers) {
        Caller caller = callers.require(headers);
        if (body == null) {
            throw ApplicationException.invalid("The request needs a body", List.of(new FieldError("", "required")));
        }
        return Requests.LocalBody.of(organizations.localize(caller, organization, service, body.toSettings()));
    }

    @GET
    @Path("/municipalities/{m}/services/{id}/criteria")
    @Operation(summary = "Organization administrators: the criteria and automation mode in force")
    public RuleSetView ruleSet(@PathParam("m") String organization, @PathParam("id") String service,
            @Context HttpHeaders headers) {
        return RuleSetView.of(criteria.ruleSet(callers.require(headers), organization, service));
    }

    @PUT
    @Path("/municipalities/{m}/services/{id}/criteria")
    @Operation(summary = "Organization administrators: replace the criteria (null returns to the defaults) and mode")
    public RuleSetView update(@PathParam("m") String organization, @PathParam("id") String service,
            Requests.CriteriaBody body, @Context HttpHeaders headers) {
        Caller caller = callers.require(headers);
        if (body == null) {
            throw ApplicationException.invalid("The request needs a body", List.of(new FieldError("", "required")));
        }
        return RuleSetView.of(criteria.update(caller, organization, service, criteria(body), body.mode()));
    }

    @POST
    @Path("/municipalities/{m}/services/{id}/criteria/dry-run")
    @Operation(summary = "Organization administrators: what proposed criteria would decide on past applications")
    public DryRunReport dryRun(@PathParam("m") String organization, @PathParam("id") String service,
            Requests.CriteriaBody body, @Context HttpHeaders headers) {
        Caller caller = callers.require(headers);
        return criteria.dryRun(caller, organization, service, body == null ? null : criteria(body));
    }

    private static List<Criterion> criteria(Requests.CriteriaBody body) {
        if (body.criteria() == null) {
            return null;
        }
        try {
            return body.criteria().stream().map(Requests.CriterionBody::toCriterion).toList();
        } catch (NullPointerException e) {
            throw ApplicationException.invalid("Every criterion needs an id, a title, a value and a test",
                    List.of(new FieldError("/criteria", e.getMessage() + " is required")));
        }
    }
}

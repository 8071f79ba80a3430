package org.raekoda.rest.internal;

import java.nio.charset.StandardCharsets;
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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
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
@ApiResponse(responseCode = "500", ref = ApiDocument.SERVER_ERROR)
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

    @ApiResponse(responseCode = "200", description = "The organization", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @ApiResponse(responseCode = "413", ref = ApiDocument.TOO_LARGE)
    @PUT
    @Access(Access.Rule.PLATFORM_ADMIN)
    @Path("/organizations/{id}")
    @Operation(summary = "Platform administrators: add or rename a municipality or state agency")
    public Views.OrganizationView saveOrganization(@PathParam("id") String id, Requests.OrganizationBody body,
            @Context HttpHeaders headers) {
        Caller caller = callers.current();
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
        return Views.OrganizationView.of(organizations.save(caller,
                new Organization(id, kind, new LocalizedText(body.name()), body.timeZone())));
    }

    @PUT
    @Access(Access.Rule.ORGANIZATION_ADMIN_OR_PLATFORM_ADMIN)
    @Path("/municipalities/{m}/services/{id}")
    @Operation(summary = "Organization administrators: offer (or stop offering) an e-service, and its automation mode")
    @ApiResponse(responseCode = "200", description = "The e-services the organization offers now", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @ApiResponse(responseCode = "413", ref = ApiDocument.TOO_LARGE)
    public List<String> offer(@PathParam("m") String organization, @PathParam("id") String service,
            Requests.OfferBody body, @Context HttpHeaders headers) {
        Caller caller = callers.current();
        boolean enabled = body == null || body.enabled() == null || body.enabled();
        organizations.enable(caller, organization, service, enabled, body == null ? null : body.mode());
        return organizations.enabledServices(organization);
    }

    @PUT
    @Access(Access.Rule.ORGANIZATION_ADMIN_OR_PLATFORM_ADMIN)
    @ZoneLayerUpload
    @Path("/municipalities/{m}/zones/{layer}")
    @Consumes({MediaType.APPLICATION_JSON, "application/geo+json"})
    @Operation(summary = "Organization administrators: load or replace a zone layer (GeoJSON in WGS 84), "
            + "e.g. heritage, protected-area, main-street")
    @ApiResponse(responseCode = "200", description = "The organization's zone layers", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @ApiResponse(responseCode = "413", ref = ApiDocument.TOO_LARGE)
    public List<String> saveZoneLayer(@PathParam("m") String organization, @PathParam("layer") String layer,
            @RequestBody(required = true, content = {
                @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiDocument.FEATURE_COLLECTION)),
                @Content(mediaType = "application/geo+json", schema = @Schema(ref = ApiDocument.FEATURE_COLLECTION))
            }) String geoJson, @Context HttpHeaders headers) {
        organizations.saveZoneLayer(callers.current(), organization, layer, geoJson);
        return organizations.zoneLayers(organization);
    }

    @GET
    @Access(Access.Rule.PUBLIC)
    @Path("/municipalities/{m}/zones")
    @Operation(summary = "The names of an organization's zone layers. Public: zones are public planning data.")
    @ApiResponse(responseCode = "200", description = "The layer names", useReturnTypeSchema = true)
    public List<String> zoneLayers(@PathParam("m") String organization) {
        return organizations.zoneLayers(organization);
    }

    @GET
    @Access(Access.Rule.PUBLIC)
    @Path("/municipalities/{m}/zones/{layer}")
    @Produces({"application/geo+json", MediaType.APPLICATION_JSON})
    @Operation(summary = "One of an organization's zone layers as GeoJSON in WGS 84, as it was loaded. Public: zones "
            + "are public planning data; the public map draws them as its base when no tile server can be reached.")
    @ApiResponse(responseCode = "200", description = "The layer", content = {
        @Content(mediaType = "application/geo+json", schema = @Schema(ref = ApiDocument.FEATURE_COLLECTION)),
        @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(ref = ApiDocument.FEATURE_COLLECTION))
    })
    @ApiResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    public byte[] zoneLayer(@PathParam("m") String organization, @PathParam("layer") String layer) {
        // the stored text was checked as GeoJSON when it was loaded, so it goes out as it is, unparsed
        return organizations.zoneLayer(organization, layer).map(json -> json.getBytes(StandardCharsets.UTF_8))
                .orElseThrow(() -> ApplicationException.notFound("zone layer " + layer + " of " + organization));
    }

    @GET
    @Access(Access.Rule.ORGANIZATION_ADMIN)
    @Path("/municipalities/{m}/services/{id}/local")
    @Operation(summary = "Organization administrators: the organization's own fee, deadlines and texts")
    @ApiResponse(responseCode = "200", description = "The local settings", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    public Requests.LocalBody localSettings(@PathParam("m") String organization, @PathParam("id") String service,
            @Context HttpHeaders headers) {
        return Requests.LocalBody.of(organizations.localSettings(organization, service));
    }

    @PUT
    @Access(Access.Rule.ORGANIZATION_ADMIN)
    @Path("/municipalities/{m}/services/{id}/local")
    @Operation(summary = "Organization administrators: replace the organization's own fee (expression), "
            + "deadlines (working days per phase) and texts")
    @ApiResponse(responseCode = "200", description = "The local settings now", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @ApiResponse(responseCode = "413", ref = ApiDocument.TOO_LARGE)
    public Requests.LocalBody localize(@PathParam("m") String organization, @PathParam("id") String service,
            Requests.LocalBody body, @Context HttpHeaders headers) {
        Caller caller = callers.current();
        if (body == null) {
            throw ApplicationException.invalid("The request needs a body", List.of(new FieldError("", "required")));
        }
        return Requests.LocalBody.of(organizations.localize(caller, organization, service, body.toSettings()));
    }

    @GET
    @Access(Access.Rule.ORGANIZATION_ADMIN)
    @Path("/municipalities/{m}/services/{id}/criteria")
    @Operation(summary = "Organization administrators: the criteria and automation mode in force")
    @ApiResponse(responseCode = "200", description = "The rule set", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    public RuleSetView ruleSet(@PathParam("m") String organization, @PathParam("id") String service,
            @Context HttpHeaders headers) {
        return RuleSetView.of(criteria.ruleSet(callers.current(), organization, service));
    }

    @PUT
    @Access(Access.Rule.ORGANIZATION_ADMIN)
    @Path("/municipalities/{m}/services/{id}/criteria")
    @Operation(operationId = "updateCriteria",
            summary = "Organization administrators: replace the criteria (null returns to the defaults) and mode")
    @ApiResponse(responseCode = "200", description = "The rule set now", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @ApiResponse(responseCode = "413", ref = ApiDocument.TOO_LARGE)
    public RuleSetView update(@PathParam("m") String organization, @PathParam("id") String service,
            Requests.CriteriaBody body, @Context HttpHeaders headers) {
        Caller caller = callers.current();
        if (body == null) {
            throw ApplicationException.invalid("The request needs a body", List.of(new FieldError("", "required")));
        }
        return RuleSetView.of(criteria.update(caller, organization, service, criteria(body), body.mode()));
    }

    @POST
    @Access(Access.Rule.ORGANIZATION_ADMIN)
    @Path("/municipalities/{m}/services/{id}/criteria/dry-run")
    @Operation(summary = "Organization administrators: what proposed criteria would decide on past applications")
    @ApiResponse(responseCode = "200", description = "The report", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @ApiResponse(responseCode = "413", ref = ApiDocument.TOO_LARGE)
    public DryRunReport dryRun(@PathParam("m") String organization, @PathParam("id") String service,
            Requests.CriteriaBody body, @Context HttpHeaders headers) {
        Caller caller = callers.current();
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

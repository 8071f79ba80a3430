package org.raekoda.rest.internal;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.identity.Membership;
import org.raekoda.api.identity.Memberships;

/**
 * Who holds which roles in an organization, granted and revoked by its administrators (and by platform
 * administrators, who bring in a new organization's first administrator).
 * The person is named in the body, never in the URL.
 */
// Not on /v1/organizations/{organization}: CXF would pick this class for PUT /v1/organizations/{id} too.
@Path("/v1/organizations/{organization}/memberships")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
@ApiResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
public final class MembershipsResource {

    private final Memberships memberships;
    private final Callers callers;

    MembershipsResource(Memberships memberships, Callers callers) {
        this.memberships = memberships;
        this.callers = callers;
    }

    @GET
    @Access(Access.Rule.ORGANIZATION_ADMIN_OR_PLATFORM_ADMIN)
    @Operation(summary = "Organization administrators: the organization's memberships, revoked ones too, newest first")
    @ApiResponse(responseCode = "200", description = "The memberships", useReturnTypeSchema = true)
    public List<Views.MembershipView> list(@PathParam("organization") String organization,
            @Context HttpHeaders headers) {
        return memberships.list(callers.current(), organization).stream().map(Views.MembershipView::of)
                .toList();
    }

    @POST
    @Access(Access.Rule.ORGANIZATION_ADMIN_OR_PLATFORM_ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Organization administrators: grant roles (OFFICER, ADMIN, SERVICE_CENTRE) to a person",
            description = "The person is given by country and personal code in the body. Audited as "
                    + "membership-granted.")
    @ApiResponse(responseCode = "201", description = "The membership",
            content = @Content(schema = @Schema(implementation = Views.MembershipView.class)))
    @ApiResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @ApiResponse(responseCode = "413", ref = ApiDocument.TOO_LARGE)
    public Response grant(@PathParam("organization") String organization, Requests.MembershipBody body,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        var caller = callers.current();
        if (body == null || body.person() == null) {
            throw ApplicationException.invalid("A membership needs a person",
                    List.of(new FieldError("/person", "is required")));
        }
        Membership granted = memberships.grant(caller, organization, body.person().toCode("/person"), body.name(),
                body.roles());
        return Response.created(uri.getBaseUriBuilder().path("v1/organizations/{o}/memberships/{id}")
                .build(organization, granted.id())).entity(Views.MembershipView.of(granted)).build();
    }

    @DELETE
    @Path("/{membershipId}")
    @Access(Access.Rule.ORGANIZATION_ADMIN_OR_PLATFORM_ADMIN)
    @Operation(summary = "Organization administrators: revoke a membership (audited as membership-revoked)")
    @ApiResponse(responseCode = "200", description = "The membership, revoked", useReturnTypeSchema = true)
    public Views.MembershipView revoke(@PathParam("organization") String organization,
            @PathParam("membershipId") String membershipId, @Context HttpHeaders headers) {
        return Views.MembershipView.of(memberships.revoke(callers.current(), organization, membershipId));
    }
}

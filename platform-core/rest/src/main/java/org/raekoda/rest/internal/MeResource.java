package org.raekoda.rest.internal;

import java.util.List;

import javax.ws.rs.Consumes;
import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.POST;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;
import javax.ws.rs.core.UriInfo;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.identity.Mandate;
import org.raekoda.api.identity.Mandates;
import org.raekoda.api.identity.People;

/** The caller themselves: who they are, the mandates they give and hold, and the access audit about them. */
@Path("/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Me", description = "Who I am, whom I act for, who may act for me")
public final class MeResource {

    private final People people;
    private final Mandates mandates;
    private final Callers callers;

    MeResource(People people, Mandates mandates, Callers callers) {
        this.people = people;
        this.mandates = mandates;
        this.callers = callers;
    }

    @GET
    @Access(Access.Rule.AUTHENTICATED)
    @Operation(summary = "Who I am: person id, name, country and my own personal code, roles, memberships, "
            + "companies I represent, mandates I hold")
    @ApiResponse(responseCode = "200", description = "The caller", useReturnTypeSchema = true)
    public Views.MeView me(@Context HttpHeaders headers) {
        return Views.MeView.of(people.profile(callers.current()));
    }

    /** Mandates given and held. */
    record MandatesView(List<Views.MandateView> given, List<Views.MandateView> received) {
    }

    @GET
    @Path("/mandates")
    @Access(Access.Rule.AUTHENTICATED)
    @Operation(summary = "Mandates I gave (revoked ones too) and mandates I hold now")
    @ApiResponse(responseCode = "200", description = "The mandates", useReturnTypeSchema = true)
    public MandatesView mandates(@Context HttpHeaders headers) {
        var caller = callers.current();
        return new MandatesView(mandates.given(caller).stream().map(Views.MandateView::of).toList(),
                mandates.received(caller).stream().map(Views.MandateView::of).toList());
    }

    @POST
    @Path("/mandates")
    @Access(Access.Rule.AUTHENTICATED)
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Give another person a mandate to apply, read, answer and withdraw for me",
            description = "The grantee is given by country and personal code in the body. Audited as "
                    + "mandate-granted; each application made under it as mandate-used.")
    @ApiResponse(responseCode = "201", description = "The mandate",
            content = @Content(schema = @Schema(implementation = Views.MandateView.class)))
    @ApiResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @ApiResponse(responseCode = "413", ref = ApiDocument.TOO_LARGE)
    public Response grant(Requests.MandateBody body, @Context HttpHeaders headers, @Context UriInfo uri) {
        var caller = callers.current();
        if (body == null || body.grantee() == null) {
            throw ApplicationException.invalid("A mandate needs a grantee",
                    List.of(new FieldError("/grantee", "is required")));
        }
        Mandate mandate = mandates.grant(caller, body.grantee().toCode("/grantee"), body.name(), body.services(),
                body.validUntil());
        return Response.created(uri.getBaseUriBuilder().path("v1/me/mandates/{id}").build(mandate.id()))
                .entity(Views.MandateView.of(mandate)).build();
    }

    @DELETE
    @Path("/mandates/{mandateId}")
    @Access(Access.Rule.AUTHENTICATED)
    @Operation(summary = "Revoke a mandate I gave (audited as mandate-revoked)")
    @ApiResponse(responseCode = "200", description = "The mandate, revoked", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    public Views.MandateView revoke(@PathParam("mandateId") String mandateId, @Context HttpHeaders headers) {
        return Views.MandateView.of(mandates.revoke(callers.current(), mandateId));
    }

    @GET
    @Path("/access-audit")
    @Access(Access.Rule.AUTHENTICATED)
    @Operation(summary = "The access audit about me, newest first: mandates given, held and used, applications "
            + "made for me, memberships granted to me, staff who read my applications")
    @ApiResponse(responseCode = "200", description = "The lines", useReturnTypeSchema = true)
    public List<Views.AccessAuditView> audit(
            @Parameter(description = "Most lines to answer (1 to 1000)") @QueryParam("limit") Integer limit,
            @Context HttpHeaders headers) {
        return mandates.audit(callers.current(), limit == null ? 200 : limit).stream()
                .map(Views.AccessAuditView::of).toList();
    }
}

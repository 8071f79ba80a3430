package org.raekoda.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.raekoda.api.identity.Memberships;

/** An organization's access audit, for its administrators. */
@Path("/v1/organizations/{organization}/access-audit")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
@ApiResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
public final class AccessAuditResource {

    private final Memberships memberships;
    private final Callers callers;

    AccessAuditResource(Memberships memberships, Callers callers) {
        this.memberships = memberships;
        this.callers = callers;
    }

    @GET
    @Access(Access.Rule.ORGANIZATION_ADMIN_OR_PLATFORM_ADMIN)
    @Operation(summary = "Organization administrators: the access audit, newest first: memberships granted and "
            + "revoked, applications read by staff, mandates and representation used")
    @ApiResponse(responseCode = "200", description = "The lines", useReturnTypeSchema = true)
    public List<Views.AccessAuditView> audit(@PathParam("organization") String organization,
            @Parameter(description = "Most lines to answer (1 to 1000)") @QueryParam("limit") Integer limit,
            @Context HttpHeaders headers) {
        return memberships.audit(callers.current(), organization, limit == null ? 200 : limit).stream()
                .map(Views.AccessAuditView::of).toList();
    }
}

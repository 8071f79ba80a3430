package org.raekoda.rest.internal;

import java.util.List;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.raekoda.api.application.ApplicationService;
import org.raekoda.api.application.Caller;

/** The officer's queue. Access: officers, for their own organization. */
@Path("/v1/officer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Officers")
@SecurityRequirement(name = ApiDocument.DEVELOPMENT_CALLER)
@SecurityRequirement(name = ApiDocument.BEARER)
public final class OfficerResource {

    private final ApplicationService applications;
    private final Callers callers;

    OfficerResource(ApplicationService applications, Callers callers) {
        this.applications = applications;
        this.callers = callers;
    }

    @GET
    @Access(Access.Audience.OFFICERS)
    @Path("/queue")
    @Operation(summary = "Applications waiting for a decision, soonest deadline first; overdue ones flagged")
    @ApiResponse(responseCode = "200", description = "The queue", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
    @ApiResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
    @ApiResponse(responseCode = "500", ref = ApiDocument.SERVER_ERROR)
    public List<Views.QueueView> queue(@QueryParam("service") String service, @QueryParam("phase") String phase,
            @Context HttpHeaders headers) {
        Caller caller = callers.require(headers);
        return applications.queue(caller, service, phase).stream()
                .map(item -> Views.queueItem(item, caller, headers.getAcceptableLanguages())).toList();
    }
}

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
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.raekoda.api.application.ApplicationService;
import org.raekoda.api.application.Caller;

/** The officer's queue. Access: officers, for their own organization. */
@Path("/v1/officer")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Officers")
public final class OfficerResource {

    private final ApplicationService applications;
    private final Callers callers;

    OfficerResource(ApplicationService applications, Callers callers) {
        this.applications = applications;
        this.callers = callers;
    }

    @GET
    @Access(Access.Rule.OFFICER)
    @Path("/queue")
    @Operation(summary = "Applications waiting for a decision, soonest deadline first; overdue ones flagged")
    @ApiResponse(responseCode = "200", description = "The queue", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "500", ref = ApiDocument.SERVER_ERROR)
    public List<Views.QueueView> queue(@QueryParam("service") String service, @QueryParam("phase") String phase,
            @Parameter(description = "The organization whose queue, for an officer of several; "
                    + "may be left out by an officer of one") @QueryParam("organization") String organization,
            @Context HttpHeaders headers) {
        Caller caller = organization == null ? callers.current() : callers.current().within(organization);
        return applications.queue(caller, service, phase).stream()
                .map(item -> Views.queueItem(item, caller, headers.getAcceptableLanguages())).toList();
    }
}

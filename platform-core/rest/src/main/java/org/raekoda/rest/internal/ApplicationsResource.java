package org.raekoda.rest.internal;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.HeaderParam;
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
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.raekoda.api.application.Application;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.application.ApplicationService;
import org.raekoda.api.application.AuditEntry;
import org.raekoda.api.application.Caller;
import org.raekoda.api.application.OfficerDecision;
import org.raekoda.api.application.Submission;

/**
 * Applications. Access: an authenticated caller; applicants see and change their own applications,
 * officers those of their organization (assign, decide, audit trail).
 */
@Path("/v1/applications")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Applications", description = "Submit, follow and decide applications")
@ApiResponse(responseCode = "500", ref = ApiDocument.SERVER_ERROR)
public final class ApplicationsResource {

    private final ApplicationService applications;
    private final Callers callers;

    ApplicationsResource(ApplicationService applications, Callers callers) {
        this.applications = applications;
        this.callers = callers;
    }

    @POST
    @Access(Access.Rule.APPLICANT)
    @Operation(summary = "Submit an application", description = "201 with Location. When the e-service runs "
            + "automatically for the organization and every criterion passes, the application is ISSUED in this "
            + "response. Send an Idempotency-Key: the same key again returns the same application. onBehalfOf applies for "
            + "a company the caller represents, a person who gave them a mandate, or (service centres) a visitor.")
    @ApiResponse(responseCode = "201", description = "The application, in the state the submission took it to",
            headers = @Header(name = "Location", description = "The application's address",
                    schema = @Schema(type = "string", format = "uri")),
            content = @Content(schema = @Schema(implementation = Views.ApplicationView.class)))
    @ApiResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @ApiResponse(responseCode = "413", ref = ApiDocument.TOO_LARGE)
    @ApiResponse(responseCode = "422", ref = ApiDocument.UNPROCESSABLE)
    public Response submit(Requests.SubmitBody body,
            @Parameter(description = "A key of the client's choosing (a UUID, say): the same key with the same body "
                    + "answers with the application the first request made; with another body, 422")
            @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        Caller caller = callers.current();
        if (body == null) {
            throw ApplicationException.invalid("The request needs a body",
                    List.of(new FieldError("", "an application object is required")));
        }
        Application application = applications.submit(caller,
                new Submission(body.organization(), body.service(), body.form(), body.location(), idempotencyKey,
                        body.onBehalfOf() == null ? null : body.onBehalfOf().toPrincipal()));
        URI location = uri.getBaseUriBuilder().path("v1/applications/{id}").build(application.id());
        return Response.created(location).entity(view(application, caller, headers)).build();
    }

    @GET
    @Access(Access.Rule.AUTHENTICATED)
    @Operation(summary = "The caller's own applications, newest first")
    @ApiResponse(responseCode = "200", description = "The applications", useReturnTypeSchema = true)
    public List<Views.ApplicationView> mine(@Context HttpHeaders headers) {
        Caller caller = callers.current();
        return applications.mine(caller).stream().map(a -> view(a, caller, headers)).toList();
    }

    @GET
    @Access(Access.Rule.APPLICATION_PARTY)
    @Path("/{id}")
    @Operation(operationId = "getApplication",
            summary = "One application, with its decisions and, where shown, the explanation of each criterion")
    @ApiResponse(responseCode = "200", description = "The application", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    public Views.ApplicationView get(@PathParam("id") String id, @Context HttpHeaders headers) {
        Caller caller = callers.current();
        return view(applications.get(caller, id), caller, headers);
    }

    @POST
    @Access(Access.Rule.APPLICATION_OWNER)
    @Path("/{id}/withdraw")
    @Operation(summary = "Withdraw one's own application")
    @ApiResponse(responseCode = "200", description = "The application, WITHDRAWN", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    public Views.ApplicationView withdraw(@PathParam("id") String id, @Context HttpHeaders headers) {
        Caller caller = callers.current();
        return view(applications.withdraw(caller, id), caller, headers);
    }

    @POST
    @Access(Access.Rule.APPLICATION_OWNER)
    @Path("/{id}/human-review")
    @Operation(summary = "Ask a person to review a permit the rules issued (the one-click request beside the explanation)")
    @ApiResponse(responseCode = "200", description = "The application, back in the officers' queue", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @ApiResponse(responseCode = "413", ref = ApiDocument.TOO_LARGE)
    public Views.ApplicationView requestHumanReview(@PathParam("id") String id, Requests.ReviewRequestBody body,
            @Context HttpHeaders headers) {
        Caller caller = callers.current();
        return view(applications.requestHumanReview(caller, id, body == null ? null : body.reason()), caller, headers);
    }

    @POST
    @Access(Access.Rule.APPLICATION_OWNER)
    @Path("/{id}/answer")
    @Operation(summary = "Answer a request for more information; the fields are merged into the form")
    @ApiResponse(responseCode = "200", description = "The application, IN_REVIEW again", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @ApiResponse(responseCode = "413", ref = ApiDocument.TOO_LARGE)
    public Views.ApplicationView answer(@PathParam("id") String id, Requests.AnswerBody body,
            @Context HttpHeaders headers) {
        Caller caller = callers.current();
        return view(applications.answer(caller, id, body == null ? null : body.form()), caller, headers);
    }

    @POST
    @Access(Access.Rule.APPLICATION_OFFICER)
    @Path("/{id}/assign")
    @Operation(summary = "Officers: put an officer in charge (the caller when no assignee is given)")
    @ApiResponse(responseCode = "200", description = "The application with its assignee", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @ApiResponse(responseCode = "413", ref = ApiDocument.TOO_LARGE)
    public Views.ApplicationView assign(@PathParam("id") String id, Requests.AssignBody body,
            @Context HttpHeaders headers) {
        Caller caller = callers.current();
        return view(applications.assign(caller, id, body == null ? null : body.assignee()), caller, headers);
    }

    @POST
    @Access(Access.Rule.APPLICATION_OFFICER)
    @Path("/{id}/decision")
    @Operation(summary = "Officers: issue, reject or request information, with a reason; CONFIRM or REVOKE a "
            + "permit whose applicant asked for a human review",
            description = "Send the version you saw; 409 when someone else decided first.")
    @ApiResponse(responseCode = "200", description = "The application after the decision", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @ApiResponse(responseCode = "409", ref = ApiDocument.CONFLICT)
    @ApiResponse(responseCode = "413", ref = ApiDocument.TOO_LARGE)
    public Views.ApplicationView decide(@PathParam("id") String id, Requests.DecisionBody body,
            @Context HttpHeaders headers) {
        Caller caller = callers.current();
        if (body == null || body.version() == null) {
            throw ApplicationException.invalid("A decision needs the version it was made on",
                    List.of(new FieldError("/version", "is required")));
        }
        return view(applications.decide(caller, id, new OfficerDecision(body.action(), body.reason(), body.version())),
                caller, headers);
    }

    @GET
    @Access(Access.Rule.APPLICATION_OFFICER)
    @Path("/{id}/conflicts")
    @Operation(summary = "Officers: the permits in force now that occupy the same place on some of the same days")
    @ApiResponse(responseCode = "200", description = "The permits in the way", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    public List<Views.ApplicationView> conflicts(@PathParam("id") String id, @Context HttpHeaders headers) {
        Caller caller = callers.current();
        return applications.conflicts(caller, id).stream()
                .map(application -> view(application, caller, headers)).toList();
    }

    @GET
    @Access(Access.Rule.APPLICATION_OFFICER)
    @Path("/{id}/audit")
    @Operation(summary = "Officers: the application's audit trail, oldest first (export)")
    @ApiResponse(responseCode = "200", description = "The audit trail", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    public List<AuditEntry> audit(@PathParam("id") String id, @Context HttpHeaders headers) {
        return applications.audit(callers.current(), id);
    }

    private static Views.ApplicationView view(Application application, Caller caller, HttpHeaders headers) {
        List<Locale> languages = headers.getAcceptableLanguages();
        return Views.application(application, caller, languages);
    }
}

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
public final class ApplicationsResource {

    private final ApplicationService applications;
    private final Callers callers;

    ApplicationsResource(ApplicationService applications, Callers callers) {
        this.applications = applications;
        this.callers = callers;
    }

    @POST
    @Access(Access.Audience.APPLICANTS)
    @Operation(summary = "Submit an application", description = "201 with Location. When the e-service runs "
            + "automatically for the organization and every criterion passes, the application is ISSUED in this "
            + "response. Send an Idempotency-Key: the same key again returns the same application.")
    public Response submit(Requests.SubmitBody body, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context HttpHeaders headers, @Context UriInfo uri) {
        Caller caller = callers.require(headers);
        if (body == null) {
            throw ApplicationException.invalid("The request needs a body",
                    List.of(new FieldError("", "an application object is required")));
        }
        Application application = applications.submit(caller,
                new Submission(body.organization(), body.service(), body.form(), body.location(), idempotencyKey));
        URI location = uri.getBaseUriBuilder().path("v1/applications/{id}").build(application.id());
        return Response.created(location).entity(view(application, caller, headers)).build();
    }

    @GET
    @Access(Access.Audience.ANY_CALLER)
    @Operation(summary = "The caller's own applications, newest first")
    public List<Views.ApplicationView> mine(@Context HttpHeaders headers) {
        Caller caller = callers.require(headers);
        return applications.mine(caller).stream().map(a -> view(a, caller, headers)).toList();
    }

    @GET
    @Access(Access.Audience.ANY_CALLER)
    @Path("/{id}")
    @Operation(summary = "One application, with its decisions and, where shown, the explanation of each criterion")
    public Views.ApplicationView get(@PathParam("id") String id, @Context HttpHeaders headers) {
        Caller caller = callers.require(headers);
        return view(applications.get(caller, id), caller, headers);
    }

    @POST
    @Access(Access.Audience.ANY_CALLER)
    @Path("/{id}/withdraw")
    @Operation(summary = "Withdraw one's own application")
    public Views.ApplicationView withdraw(@PathParam("id") String id, @Context HttpHeaders headers) {
        Caller caller = callers.require(headers);
        return view(applications.withdraw(caller, id), caller, headers);
    }

    @POST
    @Access(Access.Audience.ANY_CALLER)
    @Path("/{id}/human-review")
    @Operation(summary = "Ask a person to review a permit the rules issued (the one-click request beside the explanation)")
    public Views.ApplicationView requestHumanReview(@PathParam("id") String id, Requests.ReviewRequestBody body,
            @Context HttpHeaders headers) {
        Caller caller = callers.require(headers);
        return view(applications.requestHumanReview(caller, id, body == null ? null : body.reason()), caller, headers);
    }

    @POST
    @Access(Access.Audience.ANY_CALLER)
    @Path("/{id}/answer")
    @Operation(summary = "Answer a request for more information; the fields are merged into the form")
    public Views.ApplicationView answer(@PathParam("id") String id, Requests.AnswerBody body,
            @Context HttpHeaders headers) {
        Caller caller = callers.require(headers);
        return view(applications.answer(caller, id, body == null ? null : body.form()), caller, headers);
    }

    @POST
    @Access(Access.Audience.OFFICERS)
    @Path("/{id}/assign")
    @Operation(summary = "Officers: put an officer in charge (the caller when no assignee is given)")
    public Views.ApplicationView assign(@PathParam("id") String id, Requests.AssignBody body,
            @Context HttpHeaders headers) {
        Caller caller = callers.require(headers);
        return view(applications.assign(caller, id, body == null ? null : body.assignee()), caller, headers);
    }

    @POST
    @Access(Access.Audience.OFFICERS)
    @Path("/{id}/decision")
    @Operation(summary = "Officers: issue, reject or request information, with a reason; CONFIRM or REVOKE a "
            + "permit whose applicant asked for a human review",
            description = "Send the version you saw; 409 when someone else decided first.")
    public Views.ApplicationView decide(@PathParam("id") String id, Requests.DecisionBody body,
            @Context HttpHeaders headers) {
        Caller caller = callers.require(headers);
        if (body == null || body.version() == null) {
            throw ApplicationException.invalid("A decision needs the version it was made on",
                    List.of(new FieldError("/version", "is required")));
        }
        return view(applications.decide(caller, id, new OfficerDecision(body.action(), body.reason(), body.version())),
                caller, headers);
    }

    @GET
    @Access(Access.Audience.OFFICERS)
    @Path("/{id}/conflicts")
    @Operation(summary = "Officers: the permits in force now that occupy the same place on some of the same days")
    public List<Views.ApplicationView> conflicts(@PathParam("id") String id, @Context HttpHeaders headers) {
        Caller caller = callers.require(headers);
        return applications.conflicts(caller, id).stream()
                .map(application -> view(application, caller, headers)).toList();
    }

    @GET
    @Access(Access.Audience.OFFICERS)
    @Path("/{id}/audit")
    @Operation(summary = "Officers: the application's audit trail, oldest first (export)")
    public List<AuditEntry> audit(@PathParam("id") String id, @Context HttpHeaders headers) {
        return applications.audit(callers.require(headers), id);
    }

    private static Views.ApplicationView view(Application application, Caller caller, HttpHeaders headers) {
        List<Locale> languages = headers.getAcceptableLanguages();
        return Views.application(application, caller, languages);
    }
}

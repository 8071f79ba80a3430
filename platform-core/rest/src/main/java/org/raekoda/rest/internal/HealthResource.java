package org.raekoda.rest.internal;

import java.util.LinkedHashMap;
import java.util.Map;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.raekoda.api.health.ComponentHealth;
import org.raekoda.api.health.HealthReport;
import org.raekoda.api.health.HealthService;
import org.raekoda.api.node.NodeProfile;

/**
 * {@code GET /api/v1/health}. Access: public, for load balancers and monitoring. It carries
 * facts about the platform's own parts only, never personal data or credentials.
 */
@Path("/v1/health")
@Tag(name = "Platform", description = "State of this node")
public final class HealthResource {

    private final HealthService health;
    private final NodeProfile node;
    private final Callers callers;

    HealthResource(HealthService health, NodeProfile node, Callers callers) {
        this.health = health;
        this.node = node;
        this.callers = callers;
    }

    @GET
    @Access(Access.Rule.PUBLIC)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(operationId = "getHealth", summary = "Health of this node",
            description = "UP when the database, the core bundles and the Camel context all work.",
            responses = {
                @ApiResponse(responseCode = "200", description = "Every component is UP",
                        content = @Content(schema = @Schema(implementation = HealthView.class))),
                @ApiResponse(responseCode = "503", description = "At least one component is DOWN; its detail says why",
                        content = @Content(schema = @Schema(implementation = HealthView.class)))
            })
    public Response get() {
        HealthReport report = health.check();
        return Response.status(report.isUp() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .header("Cache-Control", "no-store")
                .entity(HealthView.of(report, node.name(), callers.identityMode()))
                .build();
    }

    /**
     * The JSON shape of a health report.
     *
     * @param profile  the node's profile (production unless configured otherwise)
     * @param identity how callers identify themselves: {@code development-header} or {@code none}
     */
    public record HealthView(String status, String checkedAt, String profile, String identity,
            Map<String, ComponentView> components) {

        static HealthView of(HealthReport report, String profile, String identity) {
            Map<String, ComponentView> components = new LinkedHashMap<>();
            for (ComponentHealth component : report.components()) {
                components.put(component.name(),
                        new ComponentView(component.status().name(), component.detail(), component.facts()));
            }
            return new HealthView(report.status().name(), report.checkedAt().toString(), profile, identity, components);
        }
    }

    /** One component in the JSON health report. */
    public record ComponentView(String status, @Schema(nullable = true) String detail,
            @Schema(ref = ApiDocument.JSON_OBJECT) Map<String, Object> facts) {
    }
}

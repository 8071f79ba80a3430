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

/**
 * {@code GET /api/v1/health}. Access: public, for load balancers and monitoring. It carries
 * facts about the platform's own parts only, never personal data or credentials.
 */
@Path("/v1/health")
@Tag(name = "Platform", description = "State of this node")
public final class HealthResource {

    private final HealthService health;

    public HealthResource(HealthService health) {
        this.health = health;
    }

    @GET
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
                .entity(HealthView.of(report))
                .build();
    }

    /** The JSON shape of a health report. */
    public record HealthView(String status, String checkedAt, Map<String, ComponentView> components) {

        static HealthView of(HealthReport report) {
            Map<String, ComponentView> components = new LinkedHashMap<>();
            for (ComponentHealth component : report.components()) {
                components.put(component.name(),
                        new ComponentView(component.status().name(), component.detail(), component.facts()));
            }
            return new HealthView(report.status().name(), report.checkedAt().toString(), components);
        }
    }

    /** One component in the JSON health report. */
    public record ComponentView(String status, @Schema(nullable = true) String detail,
            @Schema(ref = ApiDocument.JSON_OBJECT) Map<String, Object> facts) {
    }
}

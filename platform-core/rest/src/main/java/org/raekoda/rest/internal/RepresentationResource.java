package org.raekoda.rest.internal;

import java.io.StringReader;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirement;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.Caller;
import org.raekoda.api.registry.LocalRepresentationRights;

/**
 * The platform's local source of representation rights (who may act for which company), loaded as CSV by
 * platform administrators until a national business register is integrated.
 */
@Path("/v1/registers/representation-rights")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
@SecurityRequirement(name = ApiDocument.DEVELOPMENT_CALLER)
@SecurityRequirement(name = ApiDocument.BEARER)
@ApiResponse(responseCode = "401", ref = ApiDocument.UNAUTHORIZED)
@ApiResponse(responseCode = "403", ref = ApiDocument.FORBIDDEN)
public final class RepresentationResource {

    private final LocalRepresentationRights rights;
    private final Callers callers;

    RepresentationResource(LocalRepresentationRights rights, Callers callers) {
        this.rights = rights;
        this.callers = callers;
    }

    /** How many rights the local source holds. */
    record RightsView(int rights) {
    }

    @PUT
    @Access(Access.Audience.PLATFORM_ADMINISTRATORS)
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Platform administrators: replace the local representation rights with CSV, one a line: "
            + "personCountry,personCode,companyCountry,companyCode,companyName")
    @ApiResponse(responseCode = "200", description = "How many rights the source holds", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @ApiResponse(responseCode = "413", ref = ApiDocument.TOO_LARGE)
    public RightsView load(String csv, @Context HttpHeaders headers) {
        requirePlatformAdmin(callers.require(headers));
        return new RightsView(rights.replace(LocalRepresentationRights.fromCsv(new StringReader(csv == null ? "" : csv))));
    }

    @GET
    @Access(Access.Audience.PLATFORM_ADMINISTRATORS)
    @Operation(summary = "Platform administrators: how many rights the local source holds")
    @ApiResponse(responseCode = "200", description = "How many rights the source holds", useReturnTypeSchema = true)
    public RightsView size(@Context HttpHeaders headers) {
        requirePlatformAdmin(callers.require(headers));
        return new RightsView(rights.size());
    }

    private static void requirePlatformAdmin(Caller caller) {
        if (!caller.has(Caller.Role.PLATFORM_ADMIN)) {
            throw ApplicationException.forbidden("only platform administrators load representation rights");
        }
    }
}

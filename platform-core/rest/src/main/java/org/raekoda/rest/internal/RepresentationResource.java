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
import io.swagger.v3.oas.annotations.tags.Tag;
import org.raekoda.api.registry.LocalRepresentationRights;

/**
 * The platform's local source of representation rights (who may act for which company), loaded as CSV by
 * platform administrators until a national business register is integrated.
 */
@Path("/v1/registers/representation-rights")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public final class RepresentationResource {

    private final LocalRepresentationRights rights;

    RepresentationResource(LocalRepresentationRights rights) {
        this.rights = rights;
    }

    /** How many rights the local source holds. */
    record RightsView(int rights) {
    }

    @PUT
    @Access(Access.Rule.PLATFORM_ADMIN)
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Platform administrators: replace the local representation rights with CSV, one a line: "
            + "personCountry,personCode,companyCountry,companyCode,companyName")
    @ApiResponse(responseCode = "200", description = "How many rights the source holds", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @ApiResponse(responseCode = "413", ref = ApiDocument.TOO_LARGE)
    public RightsView load(String csv, @Context HttpHeaders headers) {
        return new RightsView(rights.replace(LocalRepresentationRights.fromCsv(new StringReader(csv == null ? "" : csv))));
    }

    @GET
    @Access(Access.Rule.PLATFORM_ADMIN)
    @Operation(summary = "Platform administrators: how many rights the local source holds")
    @ApiResponse(responseCode = "200", description = "How many rights the source holds", useReturnTypeSchema = true)
    public RightsView size(@Context HttpHeaders headers) {
        return new RightsView(rights.size());
    }
}

package org.raekoda.rest.internal;

import java.io.StringReader;
import java.util.List;
import java.util.regex.Pattern;

import javax.ws.rs.Consumes;
import javax.ws.rs.GET;
import javax.ws.rs.PUT;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.ApplicationException.FieldError;
import org.raekoda.api.registry.LocalRegisters;
import org.raekoda.api.registry.RegisterRow;

/**
 * An organization's local registers (its cemetery's plots, until a national register is integrated), loaded
 * as CSV by the organization's administrators.
 */
@Path("/v1/municipalities/{m}/registers/{register}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Administration")
public final class RegistersResource {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private final LocalRegisters registers;

    RegistersResource(LocalRegisters registers) {
        this.registers = registers;
    }

    /** How many rows a register holds after a load. */
    record RegisterView(String organization, String register, int rows) {
    }

    @PUT
    @Access(Access.Rule.ORGANIZATION_ADMIN_OR_PLATFORM_ADMIN)
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Organization administrators: replace a local register (e.g. cemetery) with CSV rows: "
            + "key columns then status, one row a line (cemetery: cemetery,section,plot,status)")
    @ApiResponse(responseCode = "200", description = "The register's size", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @ApiResponse(responseCode = "413", ref = ApiDocument.TOO_LARGE)
    public RegisterView load(@PathParam("m") String organization, @PathParam("register") String register,
            String csv, @Context HttpHeaders headers) {
        requireName(register);
        int rows = registers.replace(organization, register, RegisterRow.fromCsv(new StringReader(csv == null ? "" : csv)));
        return new RegisterView(organization, register, rows);
    }

    @GET
    @Access(Access.Rule.ORGANIZATION_ADMIN_OR_PLATFORM_ADMIN)
    @Operation(summary = "Organization administrators: how many rows a local register holds")
    @ApiResponse(responseCode = "200", description = "The register's size", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "400", ref = ApiDocument.BAD_REQUEST)
    @ApiResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    public RegisterView size(@PathParam("m") String organization, @PathParam("register") String register,
            @Context HttpHeaders headers) {
        requireName(register);
        return new RegisterView(organization, register, registers.size(organization, register));
    }

    private static void requireName(String register) {
        if (!NAME.matcher(register).matches()) {
            throw ApplicationException.invalid("Unknown register name",
                    List.of(new FieldError("/register", "lower-case letters, digits and '-', at most 32 characters")));
        }
    }
}

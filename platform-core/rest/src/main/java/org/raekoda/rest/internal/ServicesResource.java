package org.raekoda.rest.internal;

import java.util.List;
import java.util.Set;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.PathParam;
import javax.ws.rs.Produces;
import javax.ws.rs.QueryParam;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.HttpHeaders;
import javax.ws.rs.core.MediaType;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.raekoda.api.application.ApplicationException;
import org.raekoda.api.application.OrganizationService;
import org.raekoda.api.eservice.Catalogue;

/** The catalogue of e-services. Access: public; it holds no personal data. */
@Path("/v1/services")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue", description = "The e-services the installation offers")
public final class ServicesResource {

    private final Catalogue catalogue;
    private final OrganizationService organizations;

    public ServicesResource(Catalogue catalogue, OrganizationService organizations) {
        this.catalogue = catalogue;
        this.organizations = organizations;
    }

    @GET
    @Access(Access.Rule.PUBLIC)
    @Operation(operationId = "listServices", summary = "List e-services",
            description = "Titles in the Accept-Language; with ?municipality= only the e-services that organization "
                    + "offers, with its own titles where it has them.")
    @ApiResponse(responseCode = "200", description = "The e-services", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @ApiResponse(responseCode = "500", ref = ApiDocument.SERVER_ERROR)
    public List<Views.ServiceSummary> list(@QueryParam("municipality") String municipality,
            @Context HttpHeaders headers) {
        Set<String> offered = municipality == null ? null : Set.copyOf(organizations.enabledServices(municipality));
        if (municipality != null && organizations.find(municipality).isEmpty()) {
            throw ApplicationException.notFound("organization " + municipality);
        }
        return catalogue.all().stream().filter(s -> offered == null || offered.contains(s.id()))
                .map(s -> Views.summary(s, municipality == null ? null : organizations.localSettings(municipality, s.id()),
                        headers.getAcceptableLanguages()))
                .toList();
    }

    @GET
    @Access(Access.Rule.PUBLIC)
    @Path("/{id}")
    @Operation(operationId = "getService", summary = "One e-service with its form as JSON Schema 2020-12")
    @ApiResponse(responseCode = "200", description = "The e-service", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", ref = ApiDocument.NOT_FOUND)
    @ApiResponse(responseCode = "500", ref = ApiDocument.SERVER_ERROR)
    public Views.ServiceDetail get(@PathParam("id") String id, @Context HttpHeaders headers) {
        return catalogue.find(id).map(s -> Views.detail(s, headers.getAcceptableLanguages()))
                .orElseThrow(() -> ApplicationException.notFound("e-service " + id));
    }
}

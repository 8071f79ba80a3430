package org.raekoda.rest.internal;

import static io.swagger.v3.oas.annotations.media.Schema.RequiredMode.REQUIRED;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import org.raekoda.api.application.ApplicationState;

/**
 * An RFC 9457 problem detail, the body of every error answer ({@code application/problem+json}).
 *
 * @param type     URI that identifies the kind of problem; {@code about:blank} when the status says it all
 * @param title    short summary of the kind of problem
 * @param status   the HTTP status code
 * @param detail   what went wrong in this occurrence, for a person to read
 * @param instance the request path
 * @param errors   for validation problems, one entry per failing field
 * @param allowedStates for a 409 about the application's state, the states it can move to from where it is
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@Schema(description = "An RFC 9457 problem detail")
public record Problem(@Schema(requiredMode = REQUIRED, format = "uri-reference") String type,
        @Schema(requiredMode = REQUIRED) String title, @Schema(requiredMode = REQUIRED) int status, String detail,
        String instance,
        @Schema(description = "For validation problems, one entry per failing field") List<FieldError> errors,
        @ArraySchema(schema = @Schema(implementation = ApplicationState.class),
                arraySchema = @Schema(description = "For a 409 about an application's state, the states it can move to"))
        List<String> allowedStates) {

    public static final String MEDIA_TYPE = "application/problem+json";

    public Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {
        this(type, title, status, detail, instance, errors, List.of());
    }

    /**
     * One failing field.
     *
     * @param pointer JSON Pointer (RFC 6901) to the field in the request body, for example {@code /applicant/email}
     * @param detail  what is wrong with it
     */
    public record FieldError(@Schema(requiredMode = REQUIRED, description = "JSON Pointer (RFC 6901) into the request body")
            String pointer, @Schema(requiredMode = REQUIRED) String detail) {
    }
}

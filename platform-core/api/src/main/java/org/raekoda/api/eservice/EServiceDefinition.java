package org.raekoda.api.eservice;

import java.util.List;
import java.util.Objects;

/**
 * Everything the platform needs to offer an e-service: immutable, and the same on every node.
 *
 * @param id           stable identifier, e.g. {@code excavation}; lowercase letters, digits and dashes
 * @param version      semantic version of the definition
 * @param owner        municipal or state service
 * @param title        name in several languages
 * @param description  what the service is for, in several languages
 * @param formSchema   the application form as JSON Schema 2020-12 (JSON text), with titles and help texts
 * @param uiHints      hints for the portal's form renderer (JSON text), may be {@code "{}"}
 * @param location     whether a location is required and as which geometry
 * @param fee          the fee rule
 * @param criteria     the default criteria for automatic issuance; a municipality may override them
 * @param workflow     the phases of manual handling, in order
 * @param permitFields the fields of the permit document
 * @param validity     how long an issued permit is valid
 * @param occupancy    when and where an issued permit occupies its place, for finding clashes with other
 *                     permits; null when the permit occupies no public space
 * @param claims       the exclusive resource (plot, stall, berth) an issued permit holds; null when none
 * @param checks       the registry checks the application waits for before it is decided; empty when none
 * @param payment      whether the fee is paid before the permit is issued
 */
public record EServiceDefinition(String id, String version, OwnerKind owner, LocalizedText title,
        LocalizedText description, String formSchema, String uiHints, LocationRule location, FeeRule fee,
        List<Criterion> criteria, List<Phase> workflow, List<PermitField> permitFields, ValidityRule validity,
        OccupancyRule occupancy, ClaimRule claims, List<CheckRule> checks, PaymentRule payment) {

    public EServiceDefinition {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(version, "version");
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(formSchema, "formSchema");
        if (!id.matches("[a-z0-9][a-z0-9-]{0,62}")) {
            throw new IllegalArgumentException("e-service id must be lowercase letters, digits and dashes: " + id);
        }
        description = description == null ? LocalizedText.of("") : description;
        uiHints = uiHints == null ? "{}" : uiHints;
        location = location == null ? LocationRule.none() : location;
        fee = fee == null ? FeeRule.free() : fee;
        criteria = List.copyOf(criteria == null ? List.of() : criteria);
        workflow = List.copyOf(workflow == null ? List.of() : workflow);
        permitFields = List.copyOf(permitFields == null ? List.of() : permitFields);
        validity = validity == null ? new ValidityRule("365") : validity;
        checks = List.copyOf(checks == null ? List.of() : checks);
        payment = payment == null ? PaymentRule.NONE : payment;
        if (checks.stream().map(CheckRule::name).distinct().count() != checks.size()) {
            throw new IllegalArgumentException("e-service " + id + " names a check twice");
        }
        if (workflow.isEmpty()) {
            throw new IllegalArgumentException("e-service " + id + " needs at least one workflow phase");
        }
    }

    /** A definition that needs no registry check and no payment (as written before integrations existed). */
    public EServiceDefinition(String id, String version, OwnerKind owner, LocalizedText title,
            LocalizedText description, String formSchema, String uiHints, LocationRule location, FeeRule fee,
            List<Criterion> criteria, List<Phase> workflow, List<PermitField> permitFields, ValidityRule validity,
            OccupancyRule occupancy, ClaimRule claims) {
        this(id, version, owner, title, description, formSchema, uiHints, location, fee, criteria, workflow,
                permitFields, validity, occupancy, claims, null, null);
    }

    /** A definition whose permits hold no exclusive resource (as written before claims existed). */
    public EServiceDefinition(String id, String version, OwnerKind owner, LocalizedText title,
            LocalizedText description, String formSchema, String uiHints, LocationRule location, FeeRule fee,
            List<Criterion> criteria, List<Phase> workflow, List<PermitField> permitFields, ValidityRule validity,
            OccupancyRule occupancy) {
        this(id, version, owner, title, description, formSchema, uiHints, location, fee, criteria, workflow,
                permitFields, validity, occupancy, null, null, null);
    }

    /** A definition whose permits occupy no place in time (as written before occupancies existed). */
    public EServiceDefinition(String id, String version, OwnerKind owner, LocalizedText title,
            LocalizedText description, String formSchema, String uiHints, LocationRule location, FeeRule fee,
            List<Criterion> criteria, List<Phase> workflow, List<PermitField> permitFields, ValidityRule validity) {
        this(id, version, owner, title, description, formSchema, uiHints, location, fee, criteria, workflow,
                permitFields, validity, null, null, null, null);
    }
}

package org.raekoda.persistence.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import javax.persistence.Column;
import javax.persistence.Entity;
import javax.persistence.Id;
import javax.persistence.Lob;
import javax.persistence.Table;
import javax.persistence.Version;

import org.raekoda.store.spi.ApplicationRow;
import org.raekoda.store.spi.Occupancy;
import org.raekoda.store.spi.ResourceClaim;

@Entity
@Table(name = "application")
public class ApplicationEntity {

    @Id
    @Column(name = "id")
    private String id;

    @Column(name = "organization_id", nullable = false, updatable = false)
    private String organization;

    @Column(name = "service_id", nullable = false, updatable = false)
    private String service;

    @Column(name = "service_version", nullable = false, updatable = false)
    private String serviceVersion;

    @Column(name = "applicant", nullable = false, updatable = false)
    private String applicant;

    @Column(name = "state", nullable = false)
    private String state;

    @Lob
    @Column(name = "form_json", nullable = false)
    private String formJson;

    @Lob
    @Column(name = "location_json")
    private String locationJson;

    @Column(name = "fee", nullable = false)
    private BigDecimal fee;

    @Column(name = "currency", nullable = false)
    private String currency;

    @Column(name = "phase")
    private String phase;

    @Column(name = "assignee")
    private String assignee;

    @Column(name = "deadline")
    private LocalDate deadline;

    @Column(name = "valid_until")
    private LocalDate validUntil;

    /** Optimistic lock: two officers deciding at once, one wins. */
    @Version
    @Column(name = "row_version", nullable = false)
    private long version;

    @Column(name = "submitted_at", nullable = false, updatable = false)
    private OffsetDateTime submittedAt;

    @Column(name = "updated_at", nullable = false)
    private OffsetDateTime updatedAt;

    @Column(name = "idempotency_key", updatable = false)
    private String idempotencyKey;

    @Column(name = "review_requested_at")
    private OffsetDateTime reviewRequestedAt;

    // Where and when the permit occupies its place; all null when its e-service declares no occupancy.
    @Column(name = "occupied_from")
    private LocalDate occupiedFrom;

    @Column(name = "occupied_until")
    private LocalDate occupiedUntil;

    @Column(name = "bbox_west")
    private Double west;

    @Column(name = "bbox_south")
    private Double south;

    @Column(name = "bbox_east")
    private Double east;

    @Column(name = "bbox_north")
    private Double north;

    @Column(name = "claim_kind")
    private String claimKind;

    @Column(name = "claim_resource")
    private String claimResource;

    @Column(name = "claimed_from")
    private LocalDate claimedFrom;

    @Column(name = "claimed_until")
    private LocalDate claimedUntil;

    @Column(name = "request_hash", updatable = false)
    private String requestHash;

    @Column(name = "submitted_by", updatable = false)
    private String submittedBy;

    // The box of the location, for the spatial index (changelog 0.1/013); null when there is no location.
    @Column(name = "footprint_west")
    private Double footprintWest;

    @Column(name = "footprint_south")
    private Double footprintSouth;

    @Column(name = "footprint_east")
    private Double footprintEast;

    @Column(name = "footprint_north")
    private Double footprintNorth;

    /** When the application entered ISSUED, and that day in the organization's time zone; kept once set. */
    @Column(name = "issued_at")
    private OffsetDateTime issuedAt;

    @Column(name = "issued_on")
    private LocalDate issuedOn;

    protected ApplicationEntity() {
    }

    ApplicationEntity(ApplicationRow row) {
        this.id = row.id();
        this.organization = row.organization();
        this.service = row.service();
        this.serviceVersion = row.serviceVersion();
        this.applicant = row.applicant();
        this.submittedAt = row.submittedAt().atOffset(ZoneOffset.UTC);
        this.idempotencyKey = row.idempotencyKey();
        this.requestHash = row.requestHash();
        this.submittedBy = row.submittedBy();
        update(row);
    }

    void update(ApplicationRow row) {
        this.state = row.state();
        this.formJson = row.formJson();
        // Parsed only when it changes: a location is written once, its state many times.
        if (!java.util.Objects.equals(this.locationJson, row.locationJson())) {
            footprint(Footprint.of(row.locationJson()));
        }
        this.locationJson = row.locationJson();
        this.fee = row.fee();
        this.currency = row.currency();
        this.phase = row.phase();
        this.assignee = row.assignee();
        this.deadline = row.deadline();
        this.validUntil = row.validUntil();
        this.updatedAt = row.updatedAt().atOffset(ZoneOffset.UTC);
        this.reviewRequestedAt = row.reviewRequestedAt() == null ? null : row.reviewRequestedAt().atOffset(ZoneOffset.UTC);
        Occupancy occupancy = row.occupancy();
        this.occupiedFrom = occupancy == null ? null : occupancy.from();
        this.occupiedUntil = occupancy == null ? null : occupancy.until();
        this.west = occupancy == null ? null : occupancy.west();
        this.south = occupancy == null ? null : occupancy.south();
        this.east = occupancy == null ? null : occupancy.east();
        this.north = occupancy == null ? null : occupancy.north();
        ResourceClaim claim = row.claim();
        this.claimKind = claim == null ? null : claim.kind();
        this.claimResource = claim == null ? null : claim.resource();
        this.claimedFrom = claim == null ? null : claim.from();
        this.claimedUntil = claim == null ? null : claim.until();
    }

    private void footprint(Footprint box) {
        this.footprintWest = box == null ? null : box.west();
        this.footprintSouth = box == null ? null : box.south();
        this.footprintEast = box == null ? null : box.east();
        this.footprintNorth = box == null ? null : box.north();
    }

    /**
     * Records the moment the application entered ISSUED, once: a permit that expires or is revoked keeps it. A row
     * written straight into EXPIRED or REVOKED (an import) counts as issued when it is written.
     */
    void issuedIfFirst(java.time.Instant at, java.util.function.Supplier<java.time.ZoneId> zone) {
        if (issuedAt == null && ("ISSUED".equals(state) || "EXPIRED".equals(state) || "REVOKED".equals(state))) {
            issuedAt = at.atOffset(ZoneOffset.UTC);
            issuedOn = LocalDate.ofInstant(at, zone.get());
        }
    }

    long version() {
        return version;
    }

    String organization() {
        return organization;
    }

    ApplicationRow toRow() {
        return new ApplicationRow(id, organization, service, serviceVersion, applicant, state, formJson, locationJson,
                fee, currency, phase, assignee, deadline, validUntil, version, submittedAt.toInstant(),
                updatedAt.toInstant(), idempotencyKey, reviewRequestedAt == null ? null : reviewRequestedAt.toInstant(),
                occupiedFrom == null ? null : new Occupancy(occupiedFrom, occupiedUntil, west, south, east, north),
                claimKind == null ? null : new ResourceClaim(claimKind, claimResource, claimedFrom, claimedUntil),
                requestHash, submittedBy);
    }
}

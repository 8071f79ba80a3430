package org.raekoda.store.spi;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The issued permits (states ISSUED, EXPIRED, REVOKED) the public register shows, found through the spatial
 * index on the applications' footprints: the bounding box of each application's location, which the store
 * keeps itself from {@code ApplicationRow.locationJson} on every write (a GiST index over PostgreSQL's own
 * {@code box} type, or H2's spatial index; no PostGIS needed). Every method is one transaction.
 */
@ProviderType
public interface PublishedPermitStore {

    /** The matching rows, ordered by id. */
    List<PublishedRow> published(PublishedSearch search);

    /** How many rows match, ignoring limit and offset; empty when more than {@code cap} do. */
    OptionalLong countPublished(PublishedSearch search, long cap);

    /** One published permit by id; empty when the application does not exist or was never issued. */
    Optional<PublishedRow> published(String id);

    /**
     * For each application id, its latest decision whose outcome is ISSUED or REVOKED (the one that made the
     * permit what it is); ids without one are absent.
     */
    Map<String, DecisionRow> latestDecisions(Collection<String> applicationIds);

    /** The extent of the published permits of one e-service, or of all when {@code service} is null. */
    PublishedExtent extent(String service);
}

package org.raekoda.api.map;

import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The public register of issued permits, read by the OGC API – Features service and the map page. Nothing
 * here needs a caller: every permit it returns is public, and only issued permits (in force, expired or
 * revoked) ever are.
 */
@ProviderType
public interface PublicPermits {

    /** The largest page. */
    int MAX_LIMIT = 10_000;

    /** Above this many matches a page does not say how many there are in all. */
    long MAX_COUNTED = 100_000;

    /** A page of the permits matching the query. */
    PublicPermitPage find(PublicPermitQuery query);

    /** One permit by its number, whatever its status; empty when there is no such issued permit. */
    Optional<PublicPermit> find(String permitId);

    /** Where and when the public permits of an e-service lie (every e-service when {@code service} is null). */
    PublicExtent extent(String service);
}

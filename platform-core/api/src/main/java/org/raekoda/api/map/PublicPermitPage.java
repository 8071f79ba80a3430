package org.raekoda.api.map;

import java.util.List;
import java.util.OptionalLong;

/**
 * One page of public permits.
 *
 * @param permits       the permits of the page, in the query's stable order
 * @param numberMatched how many permits match the query in all, when counting them is cheap enough (it is left
 *                      out above {@link PublicPermits#MAX_COUNTED}, as OGC API – Features allows)
 */
public record PublicPermitPage(List<PublicPermit> permits, OptionalLong numberMatched) {

    public PublicPermitPage {
        permits = List.copyOf(permits);
    }
}

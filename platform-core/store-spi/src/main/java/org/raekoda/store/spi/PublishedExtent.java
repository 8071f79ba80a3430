package org.raekoda.store.spi;

import java.time.LocalDate;

/** The smallest box holding every published footprint (null fields when none) and the first and last day. */
public record PublishedExtent(Double west, Double south, Double east, Double north, LocalDate first,
        LocalDate last) {
}

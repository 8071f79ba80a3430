package org.raekoda.api.eservice;

import java.util.Objects;

/**
 * An exclusive resource an issued permit holds, named by an id in the form: a grave plot, a market stall, a
 * berth. While a permit holding a resource is in force (issued, from its first day through its last valid
 * day), another application for the same kind and id whose period overlaps counts as a clash in
 * {@code conflicts.count}, whatever an external register says, so that a register that has not yet caught up
 * with the platform's own grants cannot let the same plot be granted twice.
 *
 * @param resource JEXL expression over the facts giving the resource's id, e.g.
 *                 {@code form.cemetery + '/' + form.section + '/' + form.plotNumber}; at most 128 characters
 * @param kind     what kind of resource, e.g. {@code grave-plot}: claims of different kinds never clash, so that
 *                 two e-services may share a kind (and so the resources) on purpose
 */
public record ClaimRule(String resource, String kind) {

    public ClaimRule {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(kind, "kind");
        if (!kind.matches("[a-z0-9][a-z0-9-]{0,31}")) {
            throw new IllegalArgumentException("claims.kind is lowercase letters, digits and dashes, at most 32: " + kind);
        }
    }
}

package org.raekoda.api.registry;

import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Registers that an organization keeps on the platform itself until a national register is integrated: a
 * cemetery's plots, a market's stalls. Each row is a key of one or more columns and a status
 * ({@code raadi,12,34 -> free}). They live in the platform's database, so every node gives the same answer.
 * Country integrations that stand in for a register read them; administrators load them as CSV
 * (see {@link RegisterRow#fromCsv}).
 */
@ProviderType
public interface LocalRegisters {

    /**
     * Replaces every row of one organization's register in one transaction; loads of the same organization's
     * registers are serialized across nodes.
     *
     * @return how many rows the register holds now
     * @throws org.raekoda.api.application.ApplicationException NOT_FOUND when there is no such organization
     */
    int replace(String organization, String register, List<RegisterRow> rows);

    /** The status of one row, compared without regard to case and surrounding blanks. */
    Optional<String> status(String organization, String register, List<String> key);

    /** How many rows the organization's register holds. */
    int size(String organization, String register);
}

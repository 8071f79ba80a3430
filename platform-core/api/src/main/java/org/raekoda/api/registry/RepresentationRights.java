package org.raekoda.api.registry;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;
import org.raekoda.api.identity.PartyCode;

/**
 * Who may act for a company: a country's business register through an integration bundle, or the platform's
 * local source until one is integrated. The platform asks every registered source; one yes is enough.
 */
@ConsumerType
public interface RepresentationRights {

    /** Whether the person may act for the company. */
    boolean represents(PartyCode person, PartyCode company);

    /** The companies the person may act for, as far as this source knows. */
    List<RepresentedCompany> companiesOf(PartyCode person);
}

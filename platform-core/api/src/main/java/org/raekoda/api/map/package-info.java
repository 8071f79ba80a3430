/**
 * Issued permits as the public sees them: on the map page and in the OGC API – Features service.
 * Everything a type of this package holds is public by construction: none has a field for the applicant,
 * for who acted, for contacts or for the free texts of the form, so no caller of this package can leak them.
 */
@Export
@Version("1.0.0")
package org.raekoda.api.map;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

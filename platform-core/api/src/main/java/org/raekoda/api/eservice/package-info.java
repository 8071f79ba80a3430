/**
 * What an e-service is: its form, location, fee, automatic-issuance criteria, workflow, permit
 * document and validity. A permit bundle declares one or more e-services as data, in a JSON file
 * named by its {@code Raekoda-EService} manifest header; the core reads it when the bundle starts and
 * removes the e-service from the catalogue when the bundle stops. See docs/writing-an-e-service.md.
 */
@Export
@Version("1.3.0")
package org.raekoda.api.eservice;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

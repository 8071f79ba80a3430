/**
 * Applications, their lifecycle, automatic decisions and the services that run them. Callers act
 * through {@link org.raekoda.api.application.ApplicationService}; every change is audited.
 */
@Export
@Version("1.6.0")
package org.raekoda.api.application;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

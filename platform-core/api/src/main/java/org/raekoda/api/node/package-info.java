/**
 * What kind of node this is. Development shortcuts (callers naming themselves, demo data) ask
 * {@link org.raekoda.api.node.NodeProfile} and work only where it allows them.
 */
@Export
@Version("1.0.0")
package org.raekoda.api.node;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

/**
 * The platform's one REST server under {@code /api} as a whiteboard: an integration bundle adds its callback
 * endpoints (a payment operator's notification, a payer's return from a bank) by registering a JAX-RS resource
 * object as an OSGi service with {@link org.raekoda.api.rest.RestWhiteboard#RESOURCE}{@code =true}. The server
 * publishes it with its own error mapping (problem+json), body limits and headers, lists it in the OpenAPI
 * document, and takes it away when the bundle goes.
 */
@Export
@Version("1.0.0")
package org.raekoda.api.rest;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;

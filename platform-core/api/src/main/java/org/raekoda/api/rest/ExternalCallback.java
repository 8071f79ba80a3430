package org.raekoda.api.rest;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The access rule of a whiteboard operation: called by an external system or by a payer's browser coming back
 * from it, without a login; the operation itself verifies what it receives (a signature, a MAC, a checksum with
 * the merchant's secret) before anything changes, and refuses and logs what does not verify. Every operation of a
 * whiteboard resource must carry it: the server refuses a resource with an operation that does not.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ExternalCallback {

    /** What the operation verifies, for the access table in docs/api.md, e.g. "ePay CHECKSUM (HMAC-SHA1)". */
    String value();
}

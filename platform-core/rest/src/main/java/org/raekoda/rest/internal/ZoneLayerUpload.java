package org.raekoda.rest.internal;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks the operation whose body is a zone layer: {@code maxZoneLayerBytes} caps it instead of {@code maxBodyBytes}. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface ZoneLayerUpload {
}

package org.raekoda.ogc.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Raekoda OGC API – Features", description = "The public register of issued permits at /ogc")
public @interface OgcConfig {

    @AttributeDefinition(description = "The address the public reaches the node at, such as https://permits.example.org; "
            + "links in the answers start with it. Empty: links are built from each request's own address, which is "
            + "right for a node reached directly and wrong behind a proxy that rewrites the host")
    String publicBaseUrl() default "";

    @AttributeDefinition(description = "Seconds a collection's extent is kept before it is asked again; it is derived "
            + "from the database and only helps clients zoom, so a short staleness is harmless")
    int extentCacheSeconds() default 60;
}

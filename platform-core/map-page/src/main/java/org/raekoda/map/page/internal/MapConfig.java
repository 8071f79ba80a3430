package org.raekoda.map.page.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * The public map's settings, PID {@value MapPageServlet#PID}. Every default is here and only here; with none set
 * the page draws the municipalities' zone layers as its base and needs nothing outside the node.
 */
@ObjectClassDefinition(name = "Raekoda public map", description = "The base layer and first view of the map at /map/")
public @interface MapConfig {

    @AttributeDefinition(description = "Tile URL template of the base layer, e.g. "
            + "https://tiles.example.org/{z}/{x}/{y}.png ({a-c} picks a subdomain); empty: the zone layers are the base")
    String tileUrl() default "";

    @AttributeDefinition(description = "Attribution the tile provider asks for, shown under the map (plain text)")
    String tileAttribution() default "";

    @AttributeDefinition(description = "Deepest zoom level the tiles exist for")
    int maxZoom() default 19;

    @AttributeDefinition(description = "First view's centre as longitude,latitude in WGS 84, e.g. 26.72,58.38; "
            + "empty: the extent of the permits, else of the zone layers")
    String initialCentre() default "";

    @AttributeDefinition(description = "First view's zoom level, with initialCentre")
    int initialZoom() default 13;

    @AttributeDefinition(description = "First view as west,south,east,north in WGS 84; wins over initialCentre")
    String initialExtent() default "";
}

package org.raekoda.map.page.internal;

import java.lang.annotation.Annotation;

/** MapConfig values for tests: the defaults, or one setting changed. */
final class TestConfigs {

    private TestConfigs() {
    }

    static MapConfig none() {
        return of("", "", 19, "", 13, "");
    }

    static MapConfig of(String tileUrl, String attribution, int maxZoom, String centre, int zoom, String extent) {
        return new MapConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return MapConfig.class;
            }

            @Override
            public String tileUrl() {
                return tileUrl;
            }

            @Override
            public String tileAttribution() {
                return attribution;
            }

            @Override
            public int maxZoom() {
                return maxZoom;
            }

            @Override
            public String initialCentre() {
                return centre;
            }

            @Override
            public int initialZoom() {
                return zoom;
            }

            @Override
            public String initialExtent() {
                return extent;
            }
        };
    }

    static MapConfig tiles(String tileUrl) {
        return of(tileUrl, "© Tiles", 19, "", 13, "");
    }
}

package org.raekoda.engine.internal.json;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.raekoda.api.eservice.Criterion;
import org.raekoda.api.eservice.GeometryKind;
import org.raekoda.api.eservice.LocalizedText;

/**
 * The engine's one JSON mapper. It writes keys in sorted order, so that the same rule set always
 * serializes to the same bytes and hashes to the same version.
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder()
            .configure(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY, true)
            .configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true)
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, true)
            .configure(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS, false)
            .addMixIn(LocalizedText.class, LocalizedTextMixin.class)
            .addMixIn(GeometryKind.class, GeometryKindMixin.class)
            .build();

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final TypeReference<List<Criterion>> CRITERIA = new TypeReference<>() {
    };

    private Json() {
    }

    public static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static Map<String, Object> readMap(String json) {
        if (json == null) {
            return null;
        }
        try {
            return MAPPER.readValue(json, MAP);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static List<Criterion> readCriteria(String json) {
        try {
            return MAPPER.readValue(json, CRITERIA);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static JsonNode readTree(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static <T> T read(String json, Class<T> type) {
        try {
            return MAPPER.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A localized text is written as its map of languages: {@code {"en": "…", "et": "…"}}. */
    abstract static class LocalizedTextMixin {
        @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
        LocalizedTextMixin(Map<String, String> texts) {
        }

        @JsonValue
        abstract Map<String, String> texts();
    }

    /** Geometry kinds are written with their GeoJSON names: Point, LineString, Polygon. */
    abstract static class GeometryKindMixin {
        @JsonValue
        abstract String geoJsonType();

        @JsonCreator
        static GeometryKind fromGeoJson(String type) {
            return GeometryKind.fromGeoJson(type);
        }
    }
}

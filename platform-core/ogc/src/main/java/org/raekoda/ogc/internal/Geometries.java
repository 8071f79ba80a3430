package org.raekoda.ogc.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** GeoJSON geometries from CRS84 into another CRS, position by position, whatever their type. */
final class Geometries {

    private Geometries() {
    }

    static JsonNode transform(JsonNode geometry, Crs.Transform transform) {
        ObjectNode copy = geometry.deepCopy();
        if (copy.has("coordinates")) {
            copy.set("coordinates", positions(copy.get("coordinates"), transform));
        }
        if (copy.has("geometries")) {
            ArrayNode parts = JsonNodeFactory.instance.arrayNode();
            for (JsonNode part : copy.get("geometries")) {
                parts.add(transform(part, transform));
            }
            copy.set("geometries", parts);
        }
        return copy;
    }

    private static JsonNode positions(JsonNode node, Crs.Transform transform) {
        if (!node.isArray()) {
            return node;
        }
        ArrayNode result = JsonNodeFactory.instance.arrayNode();
        if (node.size() >= 2 && node.get(0).isNumber()) {
            double[] position = transform.apply(node.get(0).asDouble(), node.get(1).asDouble());
            result.add(position[0]).add(position[1]);
            for (int i = 2; i < node.size(); i++) {
                result.add(node.get(i));
            }
            return result;
        }
        for (JsonNode child : node) {
            result.add(positions(child, transform));
        }
        return result;
    }
}

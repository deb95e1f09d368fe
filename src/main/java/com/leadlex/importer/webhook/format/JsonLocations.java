package com.leadlex.importer.webhook.format;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonPointer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import com.leadlex.importer.webhook.WebhookRefusedException;

/**
 * Reads JSON bodies and the values at a source's JSON Pointers. A pointer may lead to one ID, to an
 * array of IDs, or to a text holding several (CRM multi-value properties separate with {@code ;}).
 * Addresses are read the same way, and also from the shapes CRMs give them: a property object
 * ({@code {"value": "...", "versions": [...]}}, HubSpot) or an array of labelled addresses of which one
 * is primary ({@code [{"value": "...", "primary": true}]}, Pipedrive).
 */
final class JsonLocations {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    private JsonLocations() {
    }

    static JsonNode read(byte[] body) {
        try {
            JsonNode root = MAPPER.readTree(body);
            if (root == null || root.isMissingNode()) {
                throw WebhookRefusedException.malformed("the body is empty; expected JSON");
            }
            return root;
        } catch (JacksonException e) {
            throw WebhookRefusedException.malformed("the body is not valid JSON: " + e.getOriginalMessage());
        }
    }

    static JsonPointer pointer(String location, String what) {
        try {
            return JsonPointer.compile(location);
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException(what + " '" + location + "' is not a JSON Pointer (it starts with /)", e);
        }
    }

    /** The values at {@code location} in {@code node}; empty when there is nothing there. */
    static List<String> values(JsonNode node, String location) {
        return values(node, location, "id-location");
    }

    private static List<String> values(JsonNode node, String location, String setting) {
        JsonNode found = node.at(pointer(location, setting));
        List<String> values = new ArrayList<>();
        if (found.isArray()) {
            found.forEach(element -> addText(element, values));
        } else {
            addText(found, values);
        }
        return values;
    }

    /** The addresses at {@code location} in {@code node}: the primary one of a labelled list; empty when none. */
    static List<String> addresses(JsonNode node, String location) {
        JsonNode found = node.at(pointer(location, "email-location"));
        if (found.isArray()) {
            List<JsonNode> labelled = new ArrayList<>();
            found.forEach(element -> {
                if (element.isObject()) {
                    labelled.add(element);
                }
            });
            if (!labelled.isEmpty()) {
                JsonNode primary = labelled.stream().filter(element -> element.path("primary").asBoolean(false))
                        .findFirst().orElse(labelled.get(0));
                List<String> values = new ArrayList<>();
                addText(primary.path("value"), values);
                return values;
            }
        }
        if (found.isObject()) {
            List<String> values = new ArrayList<>();
            addText(found.path("value"), values);
            return values;
        }
        return values(node, location, "email-location");
    }

    /** The text at {@code location}, or null. */
    static String text(JsonNode node, String location) {
        if (location == null || location.isBlank()) {
            return null;
        }
        JsonNode found = node.at(pointer(location, "campaign-location"));
        return found.isValueNode() && !found.isNull() ? found.asString() : null;
    }

    private static void addText(JsonNode node, List<String> values) {
        if (node.isValueNode() && !node.isNull()) {
            Arrays.stream(node.asString().split("[,;\\s]+")).filter(value -> !value.isEmpty()).forEach(values::add);
        }
    }
}

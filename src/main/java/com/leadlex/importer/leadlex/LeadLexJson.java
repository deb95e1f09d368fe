package com.leadlex.importer.leadlex;

import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of the "Add Contacts to Campaign" endpoint, both ways: the request body, the documented
 * success body and the {@code {"error": {"code", "message"}}} body. Anything else is reported as not
 * understood (null), never guessed at. Uses its own Jackson 3 mapper, independent of other JSON users.
 */
@Component
public class LeadLexJson {

    /** {@code data} of a 2xx response. */
    public record Added(int added, int skipped, List<String> contactIds) {
    }

    /** {@code error} of a failed response. */
    public record ErrorBody(String code, String message) {
    }

    private final JsonMapper mapper = JsonMapper.builder().build();

    public byte[] requestBody(AddContactsRequest request) {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode ids = body.putArray("contact_ids");
        request.contactIds().forEach(ids::add);
        if (request.source() != null) {
            body.put("source", request.source());
        }
        return mapper.writeValueAsBytes(body);
    }

    /** The documented success body, or null when the body is not that. */
    public Added parseAdded(String body) {
        JsonNode data = read(body).path("data");
        JsonNode added = data.path("added");
        JsonNode skipped = data.path("skipped");
        JsonNode ids = data.path("contact_ids");
        if (!added.canConvertToInt() || !added.isIntegralNumber() || !skipped.isIntegralNumber()
                || !skipped.canConvertToInt() || !ids.isArray()) {
            return null;
        }
        List<String> contactIds = new ArrayList<>();
        for (JsonNode id : ids) {
            if (!id.isString()) {
                return null;
            }
            contactIds.add(id.stringValue());
        }
        return new Added(added.intValue(), skipped.intValue(), List.copyOf(contactIds));
    }

    /** LeadLex's error code and message, or null when the body carries neither. */
    public ErrorBody parseError(String body) {
        JsonNode error = read(body).path("error");
        String code = error.path("code").isString() ? error.path("code").stringValue() : null;
        String message = error.path("message").isString() ? error.path("message").stringValue() : null;
        return code == null && message == null ? null : new ErrorBody(code, message);
    }

    private JsonNode read(String body) {
        if (body == null || body.isBlank()) {
            return mapper.missingNode();
        }
        try {
            return mapper.readTree(body);
        } catch (JacksonException e) {
            return mapper.missingNode();
        }
    }
}

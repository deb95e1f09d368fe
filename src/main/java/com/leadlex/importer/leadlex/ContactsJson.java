package com.leadlex.importer.leadlex;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON of the contacts search and bulk creation: the request body of a creation, and the
 * documented success bodies, read into records or, when they are not that, null (never guessed at).
 * Its own Jackson 3 mapper, like {@link LeadLexJson}.
 */
final class ContactsJson {

    private final JsonMapper mapper = JsonMapper.builder().build();

    /** {@code {"contacts": [{"email", "full_name"}]}}; a contact without a name is sent without one. */
    byte[] bulkBody(List<NewContact> contacts) {
        ObjectNode body = mapper.createObjectNode();
        ArrayNode array = body.putArray("contacts");
        for (NewContact contact : contacts) {
            ObjectNode element = array.addObject();
            if (contact.fullName() != null) {
                element.put("full_name", contact.fullName());
            }
            element.put("email", contact.email());
        }
        return mapper.writeValueAsBytes(body);
    }

    /** {@code data.contacts[]} and {@code meta.total} of a search, or null. */
    ContactSearchPage parseSearch(String body) {
        JsonNode root = read(body);
        List<FoundContact> contacts = contacts(root.path("data").path("contacts"));
        JsonNode total = root.path("meta").path("total");
        if (contacts == null || !total.isIntegralNumber() || !total.canConvertToInt()) {
            return null;
        }
        return new ContactSearchPage(contacts, total.intValue());
    }

    /** {@code data.created} and {@code data.contacts[]} of a bulk creation, or null. */
    CreatedContacts parseCreated(String body, String requestId, int attempts) {
        JsonNode data = read(body).path("data");
        List<FoundContact> contacts = contacts(data.path("contacts"));
        JsonNode created = data.path("created");
        if (contacts == null || !created.isIntegralNumber() || !created.canConvertToInt()) {
            return null;
        }
        return new CreatedContacts(created.intValue(), contacts, requestId, attempts);
    }

    /**
     * The elements' {@code id}, {@code email} and {@code full_name}; a contact without an address is left
     * out (it cannot be found by one). Null when an element has no ID: not the documented shape.
     */
    private static List<FoundContact> contacts(JsonNode array) {
        if (!array.isArray()) {
            return null;
        }
        List<FoundContact> contacts = new ArrayList<>(array.size());
        for (JsonNode element : array) {
            JsonNode id = element.path("id");
            JsonNode email = element.path("email");
            if (!id.isString()) {
                return null;
            }
            if (!email.isString()) {
                continue;
            }
            JsonNode name = element.path("full_name");
            contacts.add(new FoundContact(id.stringValue().toLowerCase(Locale.ROOT), email.stringValue(),
                    name.isString() ? name.stringValue() : ""));
        }
        return contacts;
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

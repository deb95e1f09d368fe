package com.leadlex.importer.sandbox;

import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a bulk-create body, {@code {"contacts": [{"full_name", "email", ...}]}}, into contacts, or
 * into the 400 to answer. Every element needs an address (LeadLex detects duplicates by it); the
 * whole body is refused when one element is unusable, so nothing is created from half a request.
 */
class BulkContactsBodyReader {

    private final JsonMapper jsonMapper;

    BulkContactsBodyReader(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    /**
     * @param count    elements in {@code contacts} (0 when unreadable)
     * @param contacts the contacts, when the body is acceptable
     * @param error    the 400 to answer, or null
     */
    record BulkBody(int count, List<NewSandboxContact> contacts, SandboxError error) {

        BulkBody {
            contacts = List.copyOf(contacts);
        }

        static BulkBody refused(int count, SandboxError error) {
            return new BulkBody(count, List.of(), error);
        }
    }

    BulkBody read(byte[] body) {
        JsonNode root;
        try {
            root = jsonMapper.readTree(body);
        } catch (JacksonException e) {
            return BulkBody.refused(0, SandboxError.missingRequiredField(
                    "Request body is not valid JSON: " + e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode() || !root.isObject()) {
            return BulkBody.refused(0, SandboxError.missingRequiredField(
                    "Request body must be a JSON object: {\"contacts\": [...]}"));
        }
        JsonNode contacts = root.get("contacts");
        if (contacts == null || !contacts.isArray() || contacts.isEmpty()) {
            return BulkBody.refused(0, SandboxError.missingRequiredField(
                    "contacts is required: a non-empty array of contacts"));
        }
        if (contacts.size() > SandboxError.MAX_CONTACTS) {
            return BulkBody.refused(contacts.size(), SandboxError.tooManyContacts(contacts.size()));
        }
        List<NewSandboxContact> read = new ArrayList<>(contacts.size());
        for (int i = 0; i < contacts.size(); i++) {
            JsonNode element = contacts.get(i);
            if (!element.isObject()) {
                return BulkBody.refused(contacts.size(), SandboxError.invalidContact(i, "is not an object"));
            }
            String email = text(element, "email");
            if (email == null || email.isBlank()) {
                return BulkBody.refused(contacts.size(), SandboxError.missingRequiredField(
                        "contacts[" + i + "].email is required"));
            }
            if (email.indexOf('@') <= 0 || email.strip().indexOf('@') == email.strip().length() - 1) {
                return BulkBody.refused(contacts.size(), SandboxError.invalidContact(i,
                        "has no valid email: \"" + email + "\""));
            }
            read.add(new NewSandboxContact(text(element, "full_name"), email, text(element, "phone"),
                    text(element, "job_title"), text(element, "company_name"), text(element, "linkedin_url"),
                    tags(element.get("tags"))));
        }
        return new BulkBody(contacts.size(), read, null);
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value != null && value.isString() ? value.stringValue() : null;
    }

    private static List<String> tags(JsonNode tags) {
        if (tags == null || !tags.isArray()) {
            return List.of();
        }
        List<String> values = new ArrayList<>();
        tags.forEach(tag -> {
            if (tag.isString()) {
                values.add(tag.stringValue());
            }
        });
        return values;
    }
}

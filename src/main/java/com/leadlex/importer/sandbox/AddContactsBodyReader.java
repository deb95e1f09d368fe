package com.leadlex.importer.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an "Add Contacts to Campaign" body into contact UUIDs, or into the 400 LeadLex would
 * answer. Reading happens first (the log wants the ID count), its verdict is applied last.
 */
class AddContactsBodyReader {

    private static final int MAX_QUOTED_CHARS = 60;

    private final JsonMapper jsonMapper;

    AddContactsBodyReader(JsonMapper jsonMapper) {
        this.jsonMapper = jsonMapper;
    }

    ContactsBody read(byte[] body) {
        JsonNode root;
        try {
            root = jsonMapper.readTree(body);
        } catch (JacksonException e) {
            return ContactsBody.refused(0, SandboxError.missingRequiredField(
                    "Request body is not valid JSON: " + e.getOriginalMessage()));
        }
        if (root == null || root.isMissingNode()) {
            return ContactsBody.refused(0, SandboxError.missingRequiredField(
                    "Request body is empty: send {\"contact_ids\": [...]}"));
        }
        if (!root.isObject()) {
            return ContactsBody.refused(0, SandboxError.missingRequiredField(
                    "Request body must be a JSON object with contact_ids"));
        }
        JsonNode sourceNode = root.get("source");
        String source = sourceNode != null && sourceNode.isString() ? sourceNode.stringValue() : null;
        JsonNode ids = root.get("contact_ids");
        if (ids == null || !ids.isArray()) {
            return new ContactsBody(0, List.of(), source, SandboxError.missingRequiredField(
                    ids == null || ids.isNull() ? "contact_ids is required" : "contact_ids must be an array"));
        }
        return readIds(ids, source);
    }

    private ContactsBody readIds(JsonNode ids, String source) {
        int count = ids.size();
        if (count == 0) {
            return new ContactsBody(0, List.of(), source,
                    SandboxError.missingRequiredField("contact_ids must not be empty"));
        }
        if (count > SandboxError.MAX_CONTACTS) {
            return new ContactsBody(count, List.of(), source, SandboxError.tooManyContacts(count));
        }
        List<UUID> contactIds = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            JsonNode element = ids.get(i);
            UUID id = element.isString() ? ContactIds.parse(element.stringValue()) : null;
            if (id == null) {
                return new ContactsBody(count, List.of(), source, SandboxError.invalidContactId(i, quote(element)));
            }
            contactIds.add(id);
        }
        return new ContactsBody(count, contactIds, source, null);
    }

    private static String quote(JsonNode element) {
        String text = element.toString();
        return text.length() <= MAX_QUOTED_CHARS ? text : text.substring(0, MAX_QUOTED_CHARS) + "…";
    }

    /**
     * A read body.
     *
     * @param count      elements in {@code contact_ids} (0 when unreadable)
     * @param contactIds the IDs, when the body is acceptable
     * @param source     the optional {@code source} tag, or null
     * @param error      the 400 to answer, or null when the body is acceptable
     */
    record ContactsBody(int count, List<UUID> contactIds, String source, SandboxError error) {

        ContactsBody {
            contactIds = List.copyOf(contactIds);
        }

        static ContactsBody refused(int count, SandboxError error) {
            return new ContactsBody(count, List.of(), null, error);
        }
    }
}

package com.leadlex.importer.leadlex;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

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

    /**
     * A request's body, and where its {@code contact_ids} array ends in it: the body opens with
     * <code>{"contact_ids":[</code> (the array's bracket at {@link #idsFrom()}) and the array's closing
     * bracket is the byte before {@code idsEnd}.
     */
    public record RequestBody(byte[] bytes, int idsEnd) {

        /** Where the array opens: its {@code [}, after <code>{"contact_ids":</code>. */
        int idsFrom() {
            return IDS_KEY.length();
        }
    }

    /** How every request body opens, up to its array of IDs. */
    static final String IDS_KEY = "{\"contact_ids\":";

    /** {@code error} of a failed response. */
    public record ErrorBody(String code, String message) {
    }

    private final JsonMapper mapper = JsonMapper.builder().build();
    /**
     * Parsers and generators for the bodies read and written token by token, made by the factory
     * itself: the mapper would set a deserialization context up for each, which these need none of.
     */
    private final JsonFactory tokens = mapper.tokenStreamFactory();

    /**
     * The usual body, nothing in it to escape, is copied into bytes ({@link PlainRequestBody}); any
     * other is written by Jackson token by token (building a tree of 500 nodes first cost a twentieth
     * of the send phase's CPU).
     */
    public RequestBody requestBody(AddContactsRequest request) {
        RequestBody plain = PlainRequestBody.of(request.contactIds(), request.source());
        return plain != null ? plain : generatedBody(request);
    }

    private RequestBody generatedBody(AddContactsRequest request) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + 40 * request.contactIds().size());
        int idsEnd;
        try (JsonGenerator body = tokens.createGenerator(ObjectWriteContext.empty(), out)) {
            body.writeStartObject();
            body.writeName("contact_ids");
            body.writeStartArray();
            for (String id : request.contactIds()) {
                body.writeString(id);
            }
            body.writeEndArray();
            body.flush();
            idsEnd = out.size();
            if (request.source() != null) {
                body.writeName("source");
                body.writeString(request.source());
            }
            body.writeEndObject();
        }
        return new RequestBody(out.toByteArray(), idsEnd);
    }

    /**
     * The documented success body, read from the answer to a request that sent {@code sentBody}, the IDs
     * {@code sent}, as {@link #parseAdded(String, List)} reads it. LeadLex's usual answer adds every ID
     * sent and lists them back as the request wrote them ({@link EchoedIds}): only the rest of it is read,
     * a few dozen bytes, and its list is {@code sent} itself. Any other answer is read in full; an ID it
     * lists at the place the request had it is the request's own string, so telling the outcome compares
     * references, not characters.
     */
    public Added parseAdded(HttpReply reply, RequestBody sentBody, List<String> sent) {
        // the request's bytes are UTF-8: an answer in another charset could spell other IDs with them
        byte[] rest = StandardCharsets.UTF_8.equals(reply.charset())
                ? EchoedIds.withEchoedIdsEmptied(reply.bodyBytes(), sentBody) : null;
        if (rest != null) {
            Added added = parse(tokens.createParser(ObjectReadContext.empty(), rest), List.of());
            if (added != null && added.contactIds().isEmpty() && added.added() == sent.size()
                    && added.skipped() == 0) {
                return new Added(added.added(), 0, sent);
            }
        }
        return parseAdded(reply.body(), sent);
    }

    /**
     * The documented success body, or null when the body is not that: one JSON object whose
     * {@code data} holds {@code added} and {@code skipped} (integers) and {@code contact_ids} (strings);
     * other fields are ignored. Read token by token, for the same reason as the request. An ID listed
     * where {@code sent} has it is that very string.
     */
    Added parseAdded(String body, List<String> sent) {
        if (body == null || body.isBlank()) {
            return null;
        }
        return parse(tokens.createParser(ObjectReadContext.empty(), body), sent);
    }

    private static Added parse(JsonParser created, List<String> sent) {
        try (JsonParser parser = created) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            Added added = null;
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                boolean data = "data".equals(parser.currentName());
                JsonToken value = parser.nextToken();
                if (data && value == JsonToken.START_OBJECT) {
                    added = readData(parser, sent);
                    if (added == null) {
                        return null;
                    }
                } else if (data) {
                    return null;
                } else {
                    parser.skipChildren();
                }
            }
            return parser.nextToken() == null ? added : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** The {@code data} object, the parser on its opening brace; null when a field is missing or of the wrong kind. */
    private static Added readData(JsonParser parser, List<String> sent) {
        Integer added = null;
        Integer skipped = null;
        List<String> contactIds = null;
        while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
            String name = parser.currentName();
            JsonToken value = parser.nextToken();
            switch (name) {
                case "added" -> added = intIn(parser, value);
                case "skipped" -> skipped = intIn(parser, value);
                case "contact_ids" -> contactIds = stringsIn(parser, value, sent);
                default -> parser.skipChildren();
            }
        }
        return added == null || skipped == null || contactIds == null ? null
                : new Added(added, skipped, List.copyOf(contactIds));
    }

    private static Integer intIn(JsonParser parser, JsonToken value) {
        return value == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT
                ? parser.getIntValue() : null;
    }

    /**
     * The strings of an array, the parser on its opening bracket; null (the value skipped) when it holds
     * anything else. A string equal to the one {@code sent} has at its place is that very string.
     */
    private static List<String> stringsIn(JsonParser parser, JsonToken value, List<String> sent) {
        if (value != JsonToken.START_ARRAY) {
            parser.skipChildren();
            return null;
        }
        List<String> strings = new ArrayList<>();
        for (JsonToken element = parser.nextToken(); element != JsonToken.END_ARRAY; element = parser.nextToken()) {
            if (element == null) { // the body ended inside the array
                return null;
            }
            if (element != JsonToken.VALUE_STRING) {
                parser.skipChildren();
                strings = null;
            } else if (strings != null) {
                String atItsPlace = strings.size() < sent.size() ? sent.get(strings.size()) : null;
                strings.add(atItsPlace != null && isCurrentString(parser, atItsPlace) ? atItsPlace : parser.getString());
            }
        }
        return strings;
    }

    /** Whether the parser's current string value is {@code text}, read from the parser's buffer without a copy. */
    private static boolean isCurrentString(JsonParser parser, String text) {
        int length = parser.getStringLength();
        if (length != text.length()) {
            return false;
        }
        char[] buffer = parser.getStringCharacters();
        int offset = parser.getStringOffset();
        for (int i = 0; i < length; i++) {
            if (buffer[offset + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
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

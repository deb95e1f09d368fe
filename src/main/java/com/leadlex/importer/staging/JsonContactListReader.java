package com.leadlex.importer.staging;

import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.StringJoiner;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.JacksonIOException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.core.json.JsonFactory;

/**
 * Reads JSON lists token by token (never a tree of the whole document), in three shapes: an array
 * of IDs, {@code {"contact_ids": [...]}} (other top-level fields ignored), or an array of objects
 * carrying the ID in a field named as in {@link IdFieldNames}, or, without one, an {@code email}
 * (with {@code full_name}, or {@code first_name} and {@code last_name}, for creating a missing
 * contact). A string with an {@code @} is an e-mail address. An array may mix strings and objects.
 * The line of a row is the line where its array element starts.
 */
final class JsonContactListReader implements ContactListReader {

    private static final String SHAPES = "Accepted shapes: an array of IDs (or e-mail addresses) [\"…\", …], an"
            + " object {\"contact_ids\": [\"…\", …]}, or an array of objects [{\"contact_id\": \"…\"}, …] or"
            + " [{\"email\": \"…\"}, …].";
    private static final JsonFactory FACTORY = new JsonFactory();

    private final IdFieldNames idNames;

    JsonContactListReader(IdFieldNames idNames) {
        this.idNames = idNames;
    }

    @Override
    public void read(InputStream utf8, ContactRowSink sink) {
        try (JsonParser parser = FACTORY.createParser(ObjectReadContext.empty(), utf8)) {
            JsonToken first = parser.nextToken();
            if (first == JsonToken.START_ARRAY) {
                readArray(parser, sink);
            } else if (first == JsonToken.START_OBJECT) {
                readWrapper(parser, sink);
            } else {
                throw new ContactListRejectedException(first == null
                        ? "The JSON file holds no value (only whitespace). " + SHAPES
                        : "The JSON document is a single " + describe(first) + ", not a list. " + SHAPES);
            }
            if (parser.nextToken() != null) {
                throw new ContactListRejectedException("Malformed JSON: unexpected content after the end of the"
                        + " list at " + where(parser.currentTokenLocation()) + ". Send one JSON document per file.");
            }
        } catch (JacksonIOException e) {
            throw new UncheckedIOException("Could not read the contact list", e.getCause());
        } catch (StreamReadException e) {
            throw new ContactListRejectedException("Malformed JSON at " + where(e.getLocation()) + ": "
                    + e.getOriginalMessage() + ". Fix the file (a JSON validator shows the spot) and send it again.", e);
        } catch (JacksonException e) {
            throw new ContactListRejectedException("Malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    private void readWrapper(JsonParser parser, ContactRowSink sink) {
        boolean found = false;
        FieldNames names = new FieldNames();
        for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            names.add(name);
            JsonToken value = parser.nextToken();
            if (!found && "contact_ids".equalsIgnoreCase(name.strip())) {
                if (value != JsonToken.START_ARRAY) {
                    throw new ContactListRejectedException("\"contact_ids\" at " + where(parser.currentTokenLocation())
                            + " is " + withArticle(value) + ", not an array. " + SHAPES);
                }
                readArray(parser, sink);
                found = true;
            } else {
                parser.skipChildren();
            }
        }
        if (!found) {
            throw new ContactListRejectedException("The JSON object has no \"contact_ids\" array (its fields: "
                    + names + "). " + SHAPES);
        }
    }

    private void readArray(JsonParser parser, ContactRowSink sink) {
        long elements = 0;
        for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
            long line = parser.currentTokenLocation().getLineNr();
            elements++;
            switch (token) {
                case VALUE_STRING -> acceptString(line, parser.getString(), sink);
                case START_OBJECT -> readObject(parser, line, sink);
                case VALUE_NULL -> sink.reject(line, "null", ContactIdValidator.EMPTY);
                case START_ARRAY -> {
                    parser.skipChildren();
                    sink.reject(line, "[…]", "a nested array, not a contact ID");
                }
                default -> sink.reject(line, parser.getString(), ContactIdValidator.NOT_A_UUID);
            }
        }
        if (elements == 0) {
            throw new ContactListRejectedException("The JSON list is empty: its array holds no contact IDs.");
        }
    }

    private static void acceptString(long line, String value, ContactRowSink sink) {
        if (EmailAddresses.looksLikeAddress(value)) {
            sink.acceptEmail(line, value, null);
        } else {
            sink.accept(line, value);
        }
    }

    /**
     * Emits the object's ID field, when several accepted names are present the most specific; an object
     * without an ID (or with an empty one) goes by its e-mail field.
     */
    private void readObject(JsonParser parser, long line, ContactRowSink sink) {
        ObjectFields object = new ObjectFields(idNames);
        FieldNames fields = new FieldNames();
        for (JsonToken token = parser.nextToken(); token == JsonToken.PROPERTY_NAME; token = parser.nextToken()) {
            String name = parser.currentName();
            fields.add(name);
            JsonToken value = parser.nextToken();
            object.offer(name, value, value.isScalarValue() ? parser.getString() : null);
            parser.skipChildren();
        }
        JsonToken bestToken = object.idToken;
        String best = object.id;
        boolean emptyId = bestToken == JsonToken.VALUE_NULL || (bestToken == JsonToken.VALUE_STRING && best.isBlank());
        if ((bestToken == null || emptyId) && object.emailToken == JsonToken.VALUE_STRING) {
            sink.acceptEmail(line, object.email, IdFieldNames.fullName(object.fullName, object.firstName,
                    object.lastName));
        } else if (bestToken == null) {
            sink.reject(line, "{" + fields + "}", object.emailToken == null ? "no contact ID or email field in object"
                    : "the email field holds " + withArticle(object.emailToken) + ", not a string");
        } else if (bestToken == JsonToken.VALUE_STRING) {
            sink.accept(line, best);
        } else if (bestToken == JsonToken.VALUE_NULL) {
            sink.reject(line, "null", ContactIdValidator.EMPTY);
        } else if (best != null) {
            sink.reject(line, best, ContactIdValidator.NOT_A_UUID);
        } else {
            sink.reject(line, describe(bestToken), "the contact ID field holds " + withArticle(bestToken)
                    + ", not a string");
        }
    }

    /** The fields of one object that matter: the best ID, the best address, the name parts. */
    private static final class ObjectFields {

        private final IdFieldNames names;
        private int idRank = Integer.MAX_VALUE;
        private int emailRank = Integer.MAX_VALUE;
        JsonToken idToken;
        String id;
        JsonToken emailToken;
        String email;
        String fullName;
        String firstName;
        String lastName;

        ObjectFields(IdFieldNames names) {
            this.names = names;
        }

        void offer(String name, JsonToken token, String text) {
            int rank = names.rank(name);
            if (rank >= 0 && rank < idRank) {
                idRank = rank;
                idToken = token;
                id = text;
            }
            int byEmail = names.emailRank(name);
            if (byEmail >= 0 && byEmail < emailRank) {
                emailRank = byEmail;
                emailToken = token;
                email = text;
            }
            String string = token == JsonToken.VALUE_STRING ? text : null;
            switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
                case IdFieldNames.FULL_NAME -> fullName = string;
                case IdFieldNames.FIRST_NAME -> firstName = string;
                case IdFieldNames.LAST_NAME -> lastName = string;
                default -> {
                    // not a field that identifies or names the contact
                }
            }
        }
    }

    private static String describe(JsonToken token) {
        return switch (token) {
            case START_ARRAY -> "array";
            case START_OBJECT -> "object";
            case VALUE_STRING -> "string";
            case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> "number";
            case VALUE_TRUE, VALUE_FALSE -> "boolean";
            case VALUE_NULL -> "null";
            default -> token.name();
        };
    }

    /** The first few field names of an object, for messages; bounded however many there are. */
    private static final class FieldNames {

        private static final int MAX = 10;
        private final StringJoiner joined = new StringJoiner(", ");
        private int count;

        void add(String name) {
            if (count++ < MAX) {
                joined.add(name);
            } else if (count == MAX + 1) {
                joined.add("…");
            }
        }

        @Override
        public String toString() {
            return joined.toString();
        }
    }

    private static String withArticle(JsonToken token) {
        String noun = describe(token);
        return (noun.startsWith("a") || noun.startsWith("o") ? "an " : "a ") + noun;
    }

    private static String where(TokenStreamLocation location) {
        return location == null ? "an unknown position"
                : "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}

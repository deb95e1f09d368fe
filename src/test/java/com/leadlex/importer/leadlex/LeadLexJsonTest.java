package com.leadlex.importer.leadlex;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import tools.jackson.databind.json.JsonMapper;

class LeadLexJsonTest {

    private final LeadLexJson json = new LeadLexJson();

    @Test
    void theRequestBodyListsTheIdsAndTheSourceWithJsonEscaping() {
        byte[] body = json.requestBody(new AddContactsRequest("cmp_1", List.of("ct_1", "ct_\"2\""), "nightly é"))
                .bytes();

        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo("{\"contact_ids\":[\"ct_1\",\"ct_\\\"2\\\"\"],\"source\":\"nightly é\"}");
    }

    @Test
    void aRequestWithoutASourceCarriesNone() {
        byte[] body = json.requestBody(new AddContactsRequest("cmp_1", List.of("ct_1"), null)).bytes();

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"contact_ids\":[\"ct_1\"]}");
    }

    @Test
    void aPlainBodyIsCopiedByteForByteAsJacksonWritesIt() {
        List<String> ids = IntStream.range(0, 500)
                .mapToObj(i -> i % 2 == 0 ? UUID.randomUUID().toString() : "ct_" + i + "~ !#$%&'()*+/:;<=>?@[]^`{|}")
                .toList();
        for (String source : Arrays.asList("nightly-sftp", "", null)) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("contact_ids", ids);
            if (source != null) {
                fields.put("source", source);
            }
            String jackson = JsonMapper.builder().build().writeValueAsString(fields);

            // the copy itself, not the facade: a copy that gave up would still pass through Jackson
            LeadLexJson.RequestBody copied = PlainRequestBody.of(ids, source);

            assertThat(copied).as("source %s", source).isNotNull();
            assertThat(new String(copied.bytes(), StandardCharsets.UTF_8)).isEqualTo(jackson);
            assertThat(copied.idsEnd()).isEqualTo(jackson.indexOf("]" + (source == null ? "}" : ",\"source\"")) + 1);
            assertThat(json.requestBody(new AddContactsRequest("cmp_1", ids, source)).bytes())
                    .isEqualTo(copied.bytes());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = { "ct_\"1", "ct\\2", "ct\u00013", "ct\u007f4", "ct_é5", "ct_\u20ac6" })
    void anIdJsonEscapesIsNotCopiedButLeftToJackson(String id) {
        assertThat(PlainRequestBody.of(List.of("ct_0", id), "s")).isNull();
        assertThat(PlainRequestBody.of(List.of("ct_0"), id)).isNull();
    }

    @Test
    void anIdToEscapeFallsBackToJacksonForTheWholeBody() {
        LeadLexJson.RequestBody body = json.requestBody(new AddContactsRequest("cmp_1",
                List.of("ct_1", "ct\\2", "ct\u00013"), "s"));

        String text = new String(body.bytes(), StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("{\"contact_ids\":[\"ct_1\",\"ct\\\\2\",\"ct\\u00013\"],\"source\":\"s\"}");
        assertThat(text.substring(body.idsFrom(), body.idsEnd())).isEqualTo("[\"ct_1\",\"ct\\\\2\",\"ct\\u00013\"]");
    }

    @Test
    void theDocumentedAnswerIsReadWhateverElseItCarries() {
        LeadLexJson.Added added = json.parseAdded("""
                {"meta": {"page": [1, {"x": null}]}, "data": {"skipped": 1, "note": {"a": [true]},
                 "contact_ids": ["ct_1", "ct_2"], "added": 2}, "links": []}""", List.of());

        assertThat(added).isEqualTo(new LeadLexJson.Added(2, 1, List.of("ct_1", "ct_2")));
    }

    @Test
    void anIdListedWhereTheRequestHadItIsTheRequestsOwnStringAndAnyOtherIsReadAsWritten() {
        List<String> sent = List.of(new String("ct_1"), new String("ct_2"), new String("ct_3"));

        LeadLexJson.Added added = json.parseAdded("""
                {"data": {"added": 3, "skipped": 0, "contact_ids": ["ct_1", "ct_3", "ct_2", "ct_\\u0034", "ct_1x"]}}""",
                sent);

        assertThat(added.contactIds()).containsExactly("ct_1", "ct_3", "ct_2", "ct_4", "ct_1x");
        assertThat(added.contactIds().get(0)).isSameAs(sent.get(0));
        assertThat(added.contactIds().get(1)).isNotSameAs(sent.get(2));
        assertThat(added.contactIds().get(2)).isNotSameAs(sent.get(1));
    }

    @Test
    void anAnswerListingBackEveryIdSentAsTheRequestWroteThemListsTheRequestsOwnIds() {
        List<String> sent = List.of("ct_1", "ct_2");
        LeadLexJson.RequestBody request = json.requestBody(new AddContactsRequest("cmp_1", sent, "s"));

        for (String answer : List.of("""
                {"data":{"added":2,"skipped":0,"contact_ids":["ct_1","ct_2"]}}""", """
                { "meta": {"n": [1]}, "data" : { "contact_ids" :	["ct_1","ct_2"] ,"added": 2, "skipped": 0 } }""")) {
            LeadLexJson.Added added = json.parseAdded(reply(answer), request, sent);

            assertThat(added).as(answer).isEqualTo(new LeadLexJson.Added(2, 0, sent));
            assertThat(added.contactIds()).as(answer).isSameAs(sent);
        }
    }

    @Test
    void anyOtherAnswerIsReadIdById() {
        List<String> sent = List.of("ct_1", "ct_2");
        LeadLexJson.RequestBody request = json.requestBody(new AddContactsRequest("cmp_1", sent, null));

        // written otherwise: the same IDs, read one by one
        assertThat(json.parseAdded(reply("""
                {"data": {"added": 2, "skipped": 0, "contact_ids": ["ct_1", "ct_2"]}}"""), request, sent))
                .isEqualTo(new LeadLexJson.Added(2, 0, sent));
        // every ID listed back, yet not every one added: the answer's own figures stand
        assertThat(json.parseAdded(reply("""
                {"data":{"added":1,"skipped":1,"contact_ids":["ct_1","ct_2"]}}"""), request, sent))
                .isEqualTo(new LeadLexJson.Added(1, 1, sent));
        assertThat(json.parseAdded(reply("""
                {"data":{"added":2,"skipped":0,"contact_ids":["ct_1"]}}"""), request, sent))
                .isEqualTo(new LeadLexJson.Added(2, 0, List.of("ct_1")));
        assertThat(json.parseAdded(reply("""
                {"data":{"added":2,"skipped":0,"contact_ids":["ct_1","ct_2","ct_9"]}}"""), request, sent))
                .isEqualTo(new LeadLexJson.Added(2, 0, List.of("ct_1", "ct_2", "ct_9")));
        // the key twice: the list echoed is not the one read
        assertThat(json.parseAdded(reply("""
                {"meta":{"contact_ids":["ct_1","ct_2"]},"data":{"added":2,"skipped":0,"contact_ids":[]}}"""),
                request, sent)).isEqualTo(new LeadLexJson.Added(2, 0, List.of()));
        // the key spelled with an escape: the echoed list belongs to another field
        assertThat(json.parseAdded(reply("""
                {"data":{"added":2,"skipped":0,"contact\\u005fids":[],"x":{"contact_ids":["ct_1","ct_2"]}}}"""),
                request, sent)).isEqualTo(new LeadLexJson.Added(2, 0, List.of()));
        // cut short, or not JSON around the echoed list
        assertThat(json.parseAdded(reply("""
                {"data":{"added":2,"skipped":0,"contact_ids":["ct_1","ct_2"]}"""), request, sent)).isNull();
        assertThat(json.parseAdded(reply("""
                {"data":{"added":2,"skipped":0,"contact_ids":["ct_1","ct_2"]}} trailing"""), request, sent)).isNull();
        assertThat(json.parseAdded(reply("""
                "contact_ids":["ct_1","ct_2"]"""), request, sent)).isNull();
    }

    @Test
    void anAnswerInAnotherCharsetIsReadInIt() {
        List<String> sent = List.of("ct_é");
        LeadLexJson.RequestBody request = json.requestBody(new AddContactsRequest("cmp_1", sent, null));
        byte[] answer = "{\"data\":{\"added\":1,\"skipped\":0,\"contact_ids\":[\"ct_é\"]}}"
                .getBytes(StandardCharsets.UTF_8);

        LeadLexJson.Added added = json.parseAdded(
                new HttpReply(200, answer, StandardCharsets.ISO_8859_1, Map.of()), request, sent);

        // the same bytes as the request's, but in ISO-8859-1 they spell another ID
        assertThat(added.contactIds()).containsExactly("ct_Ã©");
    }

    private static HttpReply reply(String body) {
        return new HttpReply(200, body, Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "",
            "not json",
            "[]",
            "{}",
            "{\"data\": []}",
            "{\"data\": {\"added\": 1, \"skipped\": 0}}",
            "{\"data\": {\"added\": 1.0, \"skipped\": 0, \"contact_ids\": [\"ct_1\"]}}",
            "{\"data\": {\"added\": \"1\", \"skipped\": 0, \"contact_ids\": [\"ct_1\"]}}",
            "{\"data\": {\"added\": 4294967296, \"skipped\": 0, \"contact_ids\": [\"ct_1\"]}}",
            "{\"data\": {\"added\": 1, \"skipped\": 0, \"contact_ids\": [\"ct_1\", 2]}}",
            "{\"data\": {\"added\": 1, \"skipped\": 0, \"contact_ids\": {\"ct_1\": true}}}",
            "{\"data\": {\"added\": 1, \"skipped\": 0, \"contact_ids\": [\"ct_1\"]}} trailing",
            "{\"data\": {\"added\": 1, \"skipped\": 0, \"contact_ids\": [\"ct_1\"]",
            "{\"data\": {\"added\": 1, \"skipped\": 0, \"contact_ids\": [\"ct_1\"",
            "{\"error\": {\"code\": \"invalid_key\", \"message\": \"no\"}}" })
    void anythingElseIsNotUnderstood(String body) {
        assertThat(json.parseAdded(body, List.of())).isNull();
    }
}

package com.leadlex.importer.leadlex;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LeadLexJsonTest {

    private final LeadLexJson json = new LeadLexJson();

    @Test
    void theRequestBodyListsTheIdsAndTheSourceWithJsonEscaping() {
        byte[] body = json.requestBody(new AddContactsRequest("cmp_1", List.of("ct_1", "ct_\"2\""), "nightly é"));

        assertThat(new String(body, StandardCharsets.UTF_8))
                .isEqualTo("{\"contact_ids\":[\"ct_1\",\"ct_\\\"2\\\"\"],\"source\":\"nightly é\"}");
    }

    @Test
    void aRequestWithoutASourceCarriesNone() {
        byte[] body = json.requestBody(new AddContactsRequest("cmp_1", List.of("ct_1"), null));

        assertThat(new String(body, StandardCharsets.UTF_8)).isEqualTo("{\"contact_ids\":[\"ct_1\"]}");
    }

    @Test
    void theDocumentedAnswerIsReadWhateverElseItCarries() {
        LeadLexJson.Added added = json.parseAdded("""
                {"meta": {"page": [1, {"x": null}]}, "data": {"skipped": 1, "note": {"a": [true]},
                 "contact_ids": ["ct_1", "ct_2"], "added": 2}, "links": []}""");

        assertThat(added).isEqualTo(new LeadLexJson.Added(2, 1, List.of("ct_1", "ct_2")));
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
        assertThat(json.parseAdded(body)).isNull();
    }
}

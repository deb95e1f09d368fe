package com.leadlex.importer.sandbox;

import static com.leadlex.importer.sandbox.SandboxHttp.errorCode;
import static com.leadlex.importer.sandbox.SandboxHttp.json;
import static com.leadlex.importer.sandbox.SandboxHttp.randomIds;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.JsonNode;

class AddContactsEndpointTest extends SandboxEndpointTestBase {

    private static final String KEY = "wbk_sandbox_unmetered";

    @Test
    void enrollsContactsAndAnswersLikeLeadLex() {
        List<String> ids = randomIds(3);

        HttpResponse<String> response = http.addContacts(KEY, "cmp_demo", ids);

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode data = json(response).path("data");
        assertThat(data.path("added").asInt()).isEqualTo(3);
        assertThat(data.path("skipped").asInt()).isZero();
        assertThat(data.path("contact_ids").values()).extracting(JsonNode::asString).containsExactlyElementsOf(ids);
        assertThat(response.headers().firstValue("X-Request-ID")).hasValueSatisfying(
                id -> assertThat(id).matches("req_[0-9a-f]{8,}"));
        assertThat(sandbox.enrolledCount("cmp_demo")).isEqualTo(3);
        assertThat(sandbox.isEnrolled("cmp_demo", ids.get(0))).isTrue();
    }
}

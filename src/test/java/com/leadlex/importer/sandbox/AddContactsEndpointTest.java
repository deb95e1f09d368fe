package com.leadlex.importer.sandbox;

import static com.leadlex.importer.sandbox.SandboxHttp.errorCode;
import static com.leadlex.importer.sandbox.SandboxHttp.json;
import static com.leadlex.importer.sandbox.SandboxHttp.randomIds;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;
import com.leadlex.importer.system.ManualClock;

import tools.jackson.databind.JsonNode;

/** The endpoint over real HTTP: enrollment, dedupe, the 500 cap, and every documented refusal. */
class AddContactsEndpointTest extends SandboxEndpointTestBase {

    private static final String KEY = "wbk_sandbox_unmetered";
    private static final String ID = "123e4567-e89b-12d3-a456-426614174000";

    @Autowired
    ApplicationContext context;

    @Test
    void enrollsContactsAndAnswersLikeLeadLex() {
        List<String> ids = randomIds(3);

        HttpResponse<String> response = http.addContacts(KEY, "cmp_demo", ids);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/json"));
        JsonNode data = json(response).path("data");
        assertThat(data.path("added").asInt()).isEqualTo(3);
        assertThat(data.path("skipped").asInt()).isZero();
        assertThat(contactIds(response)).containsExactlyElementsOf(ids);
        assertThat(response.headers().firstValue("X-Request-ID")).hasValueSatisfying(
                id -> assertThat(id).matches("req_[0-9a-f]{24}"));
        assertThat(response.headers().firstValue("X-RateLimit-Limit")).as("unmetered key").isEmpty();
        assertThat(sandbox.enrolledCount("cmp_demo")).isEqualTo(3);
        assertThat(sandbox.isEnrolled("cmp_demo", ids.get(0))).isTrue();
        assertThat(sandbox.isEnrolled("cmp_abc123", ids.get(0))).as("other campaign").isFalse();
    }

    @Test
    void sameIdsTwiceAreAllSkippedTheSecondTime() {
        List<String> ids = randomIds(5);
        http.addContacts(KEY, "cmp_demo", ids);

        HttpResponse<String> second = http.addContacts(KEY, "cmp_demo", ids);

        assertThat(second.statusCode()).isEqualTo(200);
        assertThat(json(second).path("data").path("added").asInt()).isZero();
        assertThat(json(second).path("data").path("skipped").asInt()).isEqualTo(5);
        assertThat(contactIds(second)).isEmpty();
        assertThat(sandbox.enrolledCount("cmp_demo")).isEqualTo(5);
    }

    @Test
    void dedupesCaseInsensitivelyAndAnswersInLowerCase() {
        String upper = ID.toUpperCase(Locale.ROOT);

        HttpResponse<String> response = http.addContacts(KEY, "cmp_demo", List.of(upper, ID, upper));

        assertThat(json(response).path("data").path("added").asInt()).isEqualTo(1);
        assertThat(json(response).path("data").path("skipped").asInt()).isEqualTo(2);
        assertThat(contactIds(response)).containsExactly(ID);
        assertThat(sandbox.isEnrolled("cmp_demo", upper)).isTrue();
    }

    @Test
    void takesFiveHundredContactsAndRefusesFiveHundredAndOne() {
        assertThat(http.addContacts(KEY, "cmp_demo", randomIds(500)).statusCode()).isEqualTo(200);

        HttpResponse<String> tooMany = http.addContacts(KEY, "cmp_demo", randomIds(501));

        assertError(tooMany, 400, "too_many_contacts");
        assertThat(sandbox.enrolledCount("cmp_demo")).isEqualTo(500);
    }

    @ParameterizedTest(name = "{0} -> 401")
    @CsvSource({ "no Authorization header,", "unknown key,wbk_not_a_key", "built-in revoked key,wbk_sandbox_revoked" })
    void refusesKeysItDoesNotAccept(String what, String key) {
        HttpResponse<String> response = http.addContacts(key, "cmp_demo", List.of(ID));

        assertError(response, 401, "invalid_key");
        assertThat(sandbox.enrolledCount("cmp_demo")).isZero();
    }

    @Test
    void refusesAKeyOnceRevoked() {
        assertThat(http.addContacts(KEY, "cmp_demo", List.of(ID)).statusCode()).isEqualTo(200);

        sandbox.revokeKey(KEY);

        assertError(http.addContacts(KEY, "cmp_demo", randomIds(1)), 401, "invalid_key");
    }

    @Test
    void refusesAKeyWithoutWritePermission() {
        assertError(http.addContacts("wbk_sandbox_readonly", "cmp_demo", List.of(ID)), 403, "insufficient_permissions");
    }

    @Test
    void refusesAnUnknownCampaignUntilItIsCreated() {
        assertError(http.addContacts(KEY, "cmp_new", List.of(ID)), 404, "campaign_not_found");

        sandbox.createCampaign("cmp_new");

        assertThat(http.addContacts(KEY, "cmp_new", List.of(ID)).statusCode()).isEqualTo(200);
        assertThat(sandbox.enrolledCount("cmp_new")).isEqualTo(1);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "no contact_ids      | {\"source\": \"x\"}                   | missing_required_field | contact_ids is required",
            "null contact_ids    | {\"contact_ids\": null}               | missing_required_field | contact_ids is required",
            "not an array        | {\"contact_ids\": \"" + ID + "\"}     | missing_required_field | must be an array",
            "empty array         | {\"contact_ids\": []}                 | missing_required_field | must not be empty",
            "malformed JSON      | {\"contact_ids\": [                   | missing_required_field | not valid JSON",
            "not an object       | [\"" + ID + "\"]                      | missing_required_field | JSON object",
            "empty body          | ''                                    | missing_required_field | empty",
            "not a UUID          | {\"contact_ids\": [\"" + ID + "\", \"nope\"]} | invalid_contact_id | contact_ids[1]",
            "lenient UUID form   | {\"contact_ids\": [\"1-2-3-4-5\"]}    | invalid_contact_id | contact_ids[0]",
            "number              | {\"contact_ids\": [42]}               | invalid_contact_id | contact_ids[0]" })
    void refusesBodiesWithoutUsableContactIds(String what, String body, String code, String messagePart) {
        HttpResponse<String> response = http.post(KEY, "cmp_demo", body);

        assertError(response, 400, code);
        assertThat(json(response).path("error").path("message").asString()).contains(messagePart);
        assertThat(sandbox.enrolledCount("cmp_demo")).isZero();
    }

    @Test
    void checksKeyThenPermissionThenCampaignThenBody() {
        String badBody = "{\"contact_ids\": []}";
        assertError(http.post("wbk_sandbox_revoked", "cmp_nowhere", badBody), 401, "invalid_key");
        assertError(http.post("wbk_sandbox_readonly", "cmp_nowhere", badBody), 403, "insufficient_permissions");
        assertError(http.post(KEY, "cmp_nowhere", badBody), 404, "campaign_not_found");
        assertError(http.post(KEY, "cmp_demo", badBody), 400, "missing_required_field");
    }

    @Test
    void logsEveryRequestWithAMaskedKey() {
        http.addContacts(KEY, "cmp_demo", randomIds(2));
        http.addContacts("wbk_sandbox_readonly", "cmp_test", randomIds(3));

        List<ReceivedRequest> log = sandbox.receivedRequests();

        assertThat(log).extracting(ReceivedRequest::maskedKey, ReceivedRequest::campaignId,
                ReceivedRequest::contactCount, ReceivedRequest::source, ReceivedRequest::status)
                .containsExactly(
                        tuple("wbk_…ered", "cmp_demo", 2, "test", 200),
                        tuple("wbk_…only", "cmp_test", 3, "test", 403));
        assertThat(log).allSatisfy(request -> {
            assertThat(request.receivedAt()).isEqualTo(SandboxTestClock.START);
            assertThat(request.requestId()).startsWith("req_");
        });
        assertThat(log.toString()).doesNotContain(KEY);

        sandbox.clearReceivedRequests();

        assertThat(sandbox.receivedRequests()).isEmpty();
    }

    @Test
    void answersOtherMethodsAndPathsUnderSandboxWithAnErrorBody() {
        HttpResponse<String> get = http.send("GET", "/sandbox/v1/campaigns/cmp_demo/contacts");
        HttpResponse<String> wrongBase = http.send("POST", "/sandbox/functions/v1/api-gateway/v1/campaigns/cmp_demo/contacts");

        assertError(get, 405, "method_not_allowed");
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertError(wrongBase, 404, "not_found");
        assertThat(json(wrongBase).path("error").path("message").asString())
                .contains("/sandbox/v1/campaigns/{id}/contacts");
    }

    @Test
    void runsOnTheManualClockInsteadOfTheSystemClock() {
        assertThat(context.getBeansOfType(Clock.class)).hasSize(1)
                .allSatisfy((name, clock) -> assertThat(clock).isInstanceOf(ManualClock.class));
    }

    static void assertError(HttpResponse<String> response, int status, String code) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(errorCode(response)).isEqualTo(code);
        assertThat(json(response).path("error").path("message").asString()).isNotBlank();
        assertThat(response.headers().firstValue("X-Request-ID")).hasValueSatisfying(
                id -> assertThat(id).startsWith("req_"));
    }

    private static List<String> contactIds(HttpResponse<String> response) {
        return json(response).path("data").path("contact_ids").valueStream().map(JsonNode::asString).toList();
    }
}

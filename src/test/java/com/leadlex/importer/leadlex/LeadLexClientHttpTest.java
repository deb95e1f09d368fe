package com.leadlex.importer.leadlex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The client end to end over real HTTP: Camel route, camel-http, a scripted LeadLex on a local port. */
class LeadLexClientHttpTest {

    static final String KEY = "wbk_test_secret_key_9f3a";
    static final String OK = "{\"data\":{\"added\":2,\"skipped\":1,\"contact_ids\":[\"id-0\",\"id-1\"]}}";

    ScriptedLeadLexServer server;
    CamelClientRig rig;

    @BeforeEach
    void startServer() throws Exception {
        server = new ScriptedLeadLexServer();
    }

    @AfterEach
    void stop() {
        if (rig != null) {
            rig.close();
        }
        server.close();
    }

    LeadLexClient client(TestProperties properties) throws Exception {
        rig = new CamelClientRig(properties.baseUrl(server.baseUrl()).apiKey(KEY).build());
        return rig.client;
    }

    LeadLexClient client() throws Exception {
        return client(TestProperties.defaults());
    }

    static List<String> ids(int count) {
        return IntStream.range(0, count).mapToObj(i -> "id-" + i).toList();
    }

    static String error(String code, String message) {
        return "{\"error\":{\"code\":\"" + code + "\",\"message\":\"" + message + "\"}}";
    }

    Duration elapsed() {
        return Duration.between(CamelClientRig.START, rig.clock.instant());
    }

    static void assertNoKey(Throwable thrown) {
        for (Throwable t = thrown; t != null; t = t.getCause()) {
            assertThat(String.valueOf(t.getMessage())).doesNotContain(KEY);
            assertThat(t.toString()).doesNotContain(KEY);
        }
    }

    @Test
    void sendsTheDocumentedRequestAndParsesTheAnswer() throws Exception {
        server.then(201, OK, "X-Request-ID", "req_42");

        ChunkResponse response = client().addContacts("cmp_abc123", ids(3), "list:cold-outreach-q2");

        assertThat(response).isEqualTo(new ChunkResponse(2, 1, List.of("id-0", "id-1"), 201, "req_42", 1));
        ScriptedLeadLexServer.Received request = server.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/sandbox/v1/campaigns/cmp_abc123/contacts");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.header("Content-Type")).isEqualTo("application/json");
        assertThat(request.header("Accept")).isEqualTo("application/json");
        assertThat(request.headers().keySet()).map(String::toLowerCase)
                .allMatch(name -> List.of("authorization", "content-type", "accept", "host", "content-length",
                        "connection", "user-agent", "accept-encoding").contains(name));
        JsonNode body = JsonMapper.builder().build().readTree(request.body());
        assertThat(body.toString()).isEqualTo("{\"contact_ids\":[\"id-0\",\"id-1\",\"id-2\"],\"source\":\"list:cold-outreach-q2\"}");
    }

    @Test
    void omitsSourceWhenNullAndEncodesTheCampaignId() throws Exception {
        server.then(200, OK);

        client().addContacts("cmp abc+ü?x=1#y%z&w", ids(1), null);

        ScriptedLeadLexServer.Received request = server.received().get(0);
        assertThat(request.rawPath()).isEqualTo("/sandbox/v1/campaigns/cmp%20abc%2B%C3%BC%3Fx%3D1%23y%25z%26w/contacts");
        assertThat(request.body()).isEqualTo("{\"contact_ids\":[\"id-0\"]}");
    }

    @ParameterizedTest
    @CsvSource({
            "400, too_many_contacts, TOO_MANY_CONTACTS",
            "400, missing_required_field, MISSING_REQUIRED_FIELD",
            "400, brand_new_code, UNEXPECTED_RESPONSE",
            "401, invalid_key, INVALID_KEY",
            "403, insufficient_permissions, INSUFFICIENT_PERMISSIONS",
            "404, campaign_not_found, CAMPAIGN_NOT_FOUND" })
    void documentedErrorsStopAtOnceWithOneRequest(int status, String code, LeadLexError expected) throws Exception {
        server.then(status, error(code, "LeadLex says " + code), "X-Request-ID", "req_err");

        LeadLexException thrown = catchThrowableOfType(LeadLexException.class,
                () -> client().addContacts("cmp_abc123", ids(2), null));

        assertThat(thrown.error()).isEqualTo(expected);
        assertThat(thrown.httpStatus()).isEqualTo(status);
        assertThat(thrown.requestId()).isEqualTo("req_err");
        assertThat(thrown.attempts()).isEqualTo(1);
        assertThat(thrown.getMessage()).contains("HTTP " + status, code, "LeadLex says " + code, "req_err",
                "cmp_abc123");
        assertThat(server.requestCount()).isEqualTo(1);
        assertThat(elapsed()).isZero();
        assertThat(expected.stopsImport()).isEqualTo(status >= 401 && status <= 404);
        assertNoKey(thrown);
    }

    @Test
    void rateLimitWithRetryAfterSecondsIsRiddenOutByTheClientNotByHttpClient() throws Exception {
        server.then(429, error("rate_limited", "slow down"), "Retry-After", "1").then(200, OK);

        ChunkResponse response = client().addContacts("cmp_abc123", ids(2), null);

        // HttpClient's own retry would have re-sent after a real second and returned 200 on attempt 1
        assertThat(response.attempts()).isEqualTo(2);
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(elapsed()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void rateLimitWithRetryAfterHttpDateIsRiddenOut() throws Exception {
        String inFiveSeconds = DateTimeFormatter.RFC_1123_DATE_TIME
                .format(CamelClientRig.START.plusSeconds(5).atZone(ZoneOffset.UTC));
        server.then(429, error("rate_limited", "slow down"), "Retry-After", inFiveSeconds).then(200, OK);

        ChunkResponse response = client().addContacts("cmp_abc123", ids(2), null);

        assertThat(response.attempts()).isEqualTo(2);
        assertThat(server.requestCount()).isEqualTo(2);
        assertThat(elapsed()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void rateLimitWithoutRetryAfterBacksOffWithJitter() throws Exception {
        server.then(429, error("rate_limited", "slow down")).then(429, error("rate_limited", "slow down"))
                .then(200, OK);

        ChunkResponse response = client().addContacts("cmp_abc123", ids(2), null);

        assertThat(response.attempts()).isEqualTo(3);
        assertThat(server.requestCount()).isEqualTo(3);
        assertThat(elapsed()).isLessThanOrEqualTo(Duration.ofMillis(500 + 1000));
    }

    @Test
    void rateLimitWithRemainingZeroWaitsForTheReset() throws Exception {
        long reset = CamelClientRig.START.getEpochSecond() + 42;
        server.then(429, error("rate_limited", "slow down"), "X-RateLimit-Limit", "10", "X-RateLimit-Remaining", "0",
                "X-RateLimit-Reset", Long.toString(reset)).then(200, OK);

        ChunkResponse response = client().addContacts("cmp_abc123", ids(2), null);

        assertThat(response.attempts()).isEqualTo(2);
        assertThat(elapsed()).isEqualTo(Duration.ofSeconds(42));
    }

    @Test
    void endlessRateLimitsGiveUpAfterTheBound() throws Exception {
        server.otherwise(request -> ScriptedLeadLexServer.answer(429, error("rate_limited", "slow down")));

        LeadLexException thrown = catchThrowableOfType(LeadLexException.class,
                () -> client(TestProperties.defaults().maxRateLimitRetries(3)).addContacts("cmp_abc123", ids(2), null));

        assertThat(thrown.error()).isEqualTo(LeadLexError.RATE_LIMITED);
        assertThat(thrown.attempts()).isEqualTo(4);
        assertThat(server.requestCount()).isEqualTo(4);
        assertNoKey(thrown);
    }

    @Test
    void serviceUnavailableTwiceThenSuccess() throws Exception {
        server.then(503, error("unavailable", "try later")).then(503, "").then(200, OK);

        ChunkResponse response = client().addContacts("cmp_abc123", ids(2), null);

        // HttpClient's own retry would have answered attempt 1 with the second 503 and attempt 2 with 200
        assertThat(response.attempts()).isEqualTo(3);
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void serverErrorsForeverGiveUpAfterMaxAttempts() throws Exception {
        server.otherwise(request -> ScriptedLeadLexServer.answer(500, error("boom", "internal"), "X-Request-ID", "r5"));

        LeadLexException thrown = catchThrowableOfType(LeadLexException.class,
                () -> client().addContacts("cmp_abc123", ids(2), null));

        assertThat(thrown.error()).isEqualTo(LeadLexError.SERVER_ERROR);
        assertThat(thrown.attempts()).isEqualTo(5);
        assertThat(thrown.httpStatus()).isEqualTo(500);
        assertThat(thrown.getMessage()).contains("HTTP 500", "internal", "r5", "5 attempts");
        assertThat(server.requestCount()).isEqualTo(5);
        assertNoKey(thrown);
    }

    @Test
    void successWithoutTheDocumentedBodyIsUnexpected() throws Exception {
        server.then(200, "<html>maintenance</html>", "X-Request-ID", "r1");

        LeadLexException thrown = catchThrowableOfType(LeadLexException.class,
                () -> client().addContacts("cmp_abc123", ids(2), null));

        assertThat(thrown.error()).isEqualTo(LeadLexError.UNEXPECTED_RESPONSE);
        assertThat(thrown.getMessage()).contains("HTTP 200", "r1");
        assertThat(server.requestCount()).isEqualTo(1);
    }

    @Test
    void missingApiKeySendsNothing() throws Exception {
        rig = new CamelClientRig(TestProperties.defaults().baseUrl(server.baseUrl()).apiKey(null).build());

        assertThatThrownBy(() -> rig.client.addContacts("cmp_abc123", ids(2), null))
                .isInstanceOfSatisfying(LeadLexException.class, e -> {
                    assertThat(e.error()).isEqualTo(LeadLexError.INVALID_KEY);
                    assertThat(e.attempts()).isZero();
                })
                .hasMessage("LEADLEX_API_KEY is not set");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void anUnresolvableBaseUrlIsReportedWithoutSending() throws Exception {
        rig = new CamelClientRig(TestProperties.defaults().baseUrl("http://127.0.0.1:${local.server.port}/sandbox")
                .apiKey(KEY).build());

        LeadLexException thrown = catchThrowableOfType(LeadLexException.class,
                () -> rig.client.addContacts("cmp_abc123", ids(1), null));

        assertThat(thrown.error()).isEqualTo(LeadLexError.UNREACHABLE);
        assertThat(thrown.getMessage()).contains("leadlex.base-url", "local.server.port");
        assertThat(thrown.attempts()).isZero();
    }

    @Test
    void invalidRequestsAreRefusedLocally() throws Exception {
        LeadLexClient client = client();

        assertThatThrownBy(() -> client.addContacts("cmp_abc123", ids(501), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("500");
        assertThatThrownBy(() -> client.addContacts("cmp_abc123", List.of(), null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.addContacts(" ", ids(1), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.addContacts("a/b", ids(1), null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> client.addContacts("..", ids(1), null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(server.requestCount()).isZero();
    }
}

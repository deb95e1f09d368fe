package com.leadlex.importer.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;

import com.leadlex.importer.webhook.auth.BasicAuthenticator;
import com.leadlex.importer.webhook.auth.BodyHmacAuthenticator;
import com.leadlex.importer.webhook.auth.HubSpotSignatureV3Authenticator;
import com.leadlex.importer.webhook.auth.PathTokenAuthenticator;
import com.leadlex.importer.webhook.auth.StandardWebhooksAuthenticator;

/**
 * Each authenticator against signatures made by {@link IndependentSigner} from the published
 * algorithms, and Standard Webhooks against the specification's own test vector.
 */
class WebhookSignatureVerificationTest {

    // The Standard Webhooks reference vector (svix-webhooks go/webhook_test.go, TestWebhookSign).
    private static final String VECTOR_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String VECTOR_ID = "msg_p5jXN8AQM9LWM0D4loKWxJek";
    private static final long VECTOR_TIMESTAMP = 1614265330;
    private static final String VECTOR_BODY = "{\"test\": 2432232314}";
    private static final String VECTOR_SIGNATURE = "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=";

    private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    private static final String URL = "https://importer.example.com/webhooks/hubspot";

    private final WebhookProperties properties = new WebhookProperties(Map.of(), 500, Duration.ofSeconds(60),
            Duration.ofSeconds(5), Duration.ofMinutes(2), Duration.ofMinutes(5), DataSize.ofMegabytes(1));

    @Test
    void standardWebhooksAcceptsThePublishedTestVectorAndNamesTheDelivery() {
        assertThat(IndependentSigner.standardWebhooks(VECTOR_SECRET, VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_BODY))
                .as("our test signer reproduces the published vector").isEqualTo(VECTOR_SIGNATURE);
        var authenticator = new StandardWebhooksAuthenticator(clockAt(Instant.ofEpochSecond(VECTOR_TIMESTAMP)),
                properties);

        var deliveryId = authenticator.verify(standardRequest(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_SIGNATURE,
                VECTOR_BODY), source(WebhookAuthKind.STANDARD_WEBHOOKS, VECTOR_SECRET));

        assertThat(deliveryId).contains(VECTOR_ID);
    }

    @Test
    void standardWebhooksAcceptsAnyOfSeveralSignaturesAndSeveralKeysWhileRotating() {
        long ts = NOW.getEpochSecond();
        String oldKey = "whsec_" + java.util.Base64.getEncoder().encodeToString("an-old-key-of-24-bytes!!".getBytes());
        String signed = IndependentSigner.standardWebhooks(VECTOR_SECRET, "msg_1", ts, "{}");
        var authenticator = new StandardWebhooksAuthenticator(clockAt(NOW), properties);

        assertThat(authenticator.verify(standardRequest("msg_1", ts, "v1,AAAA v1a,xyz " + signed, "{}"),
                source(WebhookAuthKind.STANDARD_WEBHOOKS, VECTOR_SECRET))).contains("msg_1");
        assertThat(authenticator.verify(standardRequest("msg_1", ts, signed, "{}"),
                source(WebhookAuthKind.STANDARD_WEBHOOKS, oldKey + " " + VECTOR_SECRET))).contains("msg_1");
    }

    @Test
    void standardWebhooksRefusesATamperedBodyAWrongKeyAndAStaleOrFutureTimestamp() {
        var authenticator = new StandardWebhooksAuthenticator(clockAt(Instant.ofEpochSecond(VECTOR_TIMESTAMP)),
                properties);
        WebhookSource right = source(WebhookAuthKind.STANDARD_WEBHOOKS, VECTOR_SECRET);
        WebhookSource wrong = source(WebhookAuthKind.STANDARD_WEBHOOKS, "whsec_" + java.util.Base64.getEncoder()
                .encodeToString("some-other-key-24-bytes!".getBytes()));

        assertRefused(() -> authenticator.verify(standardRequest(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_SIGNATURE,
                "{\"test\": 2432232315}"), right));
        assertRefused(() -> authenticator.verify(standardRequest(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_SIGNATURE,
                VECTOR_BODY), wrong));
        var sixMinutesLater = new StandardWebhooksAuthenticator(
                clockAt(Instant.ofEpochSecond(VECTOR_TIMESTAMP + 360)), properties);
        assertRefused(() -> sixMinutesLater.verify(standardRequest(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_SIGNATURE,
                VECTOR_BODY), right));
        var sixMinutesEarlier = new StandardWebhooksAuthenticator(
                clockAt(Instant.ofEpochSecond(VECTOR_TIMESTAMP - 360)), properties);
        assertRefused(() -> sixMinutesEarlier.verify(standardRequest(VECTOR_ID, VECTOR_TIMESTAMP, VECTOR_SIGNATURE,
                VECTOR_BODY), right));
    }

    @Test
    void hubspotV3AcceptsTheDocumentedSignatureAndRefusesForgedOrOlderThanFiveMinutes() {
        String body = "[{\"eventId\":1,\"objectId\":123,\"propertyName\":\"leadlex_id\"}]";
        long ts = NOW.toEpochMilli();
        String signature = IndependentSigner.hubspotV3("client-secret", "POST", URL, body, ts);
        var authenticator = new HubSpotSignatureV3Authenticator(clockAt(NOW), properties);
        WebhookSource source = source(WebhookAuthKind.HUBSPOT_V3, "client-secret");

        assertThat(authenticator.verify(hubspotRequest(signature, ts, body), source)).isEmpty();
        assertRefused(() -> authenticator.verify(hubspotRequest(signature, ts, body + " "), source));
        assertRefused(() -> authenticator.verify(hubspotRequest(signature, ts, body),
                source(WebhookAuthKind.HUBSPOT_V3, "another-secret")));
        long old = NOW.minusSeconds(301).toEpochMilli();
        assertRefused(() -> authenticator.verify(hubspotRequest(
                IndependentSigner.hubspotV3("client-secret", "POST", URL, body, old), old, body), source));
    }

    @Test
    void hubspotV3SignsTheUriWithTheCharactersHubSpotListsDecoded() {
        long ts = NOW.toEpochMilli();
        String decoded = URL + "?contact=a@b.com:1";
        String signature = IndependentSigner.hubspotV3("client-secret", "POST", decoded, "{}", ts);
        var request = new WebhookRequest("hubspot", "POST", URL + "?contact=a%40b.com%3A1", null,
                Map.of("x-hubspot-signature-v3", List.of(signature),
                        "x-hubspot-request-timestamp", List.of(String.valueOf(ts))), "{}".getBytes());

        assertThat(new HubSpotSignatureV3Authenticator(clockAt(NOW), properties)
                .verify(request, source(WebhookAuthKind.HUBSPOT_V3, "client-secret"))).isEmpty();
    }

    @Test
    void bodyHmacBasicAndPathTokenAcceptTheRightCredentialsOnly() {
        String body = "{\"campaign_id\":\"cmp_x\",\"contact_ids\":[]}";
        WebhookSource hmacSource = source(WebhookAuthKind.BODY_HMAC, "body-secret");
        var hmacRequest = new WebhookRequest("s", "POST", URL, null,
                Map.of("x-leadlex-signature", List.of(IndependentSigner.bodyHmac("body-secret", body))), bytes(body));
        assertThat(new BodyHmacAuthenticator().verify(hmacRequest, hmacSource)).isEmpty();
        assertRefused(() -> new BodyHmacAuthenticator().verify(new WebhookRequest("s", "POST", URL, null,
                Map.of("x-leadlex-signature", List.of(IndependentSigner.bodyHmac("guess", body))), bytes(body)),
                hmacSource));

        WebhookSource basicSource = new WebhookSource(WebhookFormat.PIPEDRIVE_V2, WebhookAuthKind.BASIC, "pw",
                "user", "cmp_x", null, null, null, null, null, null, null);
        assertThat(new BasicAuthenticator().verify(new WebhookRequest("p", "POST", URL, null,
                Map.of("authorization", List.of(IndependentSigner.basic("user", "pw"))), bytes("{}")), basicSource))
                .isEmpty();
        assertRefused(() -> new BasicAuthenticator().verify(new WebhookRequest("p", "POST", URL, null,
                Map.of("authorization", List.of(IndependentSigner.basic("user", "pw2"))), bytes("{}")), basicSource));

        WebhookSource tokenSource = source(WebhookAuthKind.PATH_TOKEN, "tok-123");
        assertThat(new PathTokenAuthenticator().verify(new WebhookRequest("sf", "POST", URL, "tok-123", Map.of(),
                bytes("")), tokenSource)).isEmpty();
        assertRefused(() -> new PathTokenAuthenticator().verify(new WebhookRequest("sf", "POST", URL, "tok-124",
                Map.of(), bytes("")), tokenSource));
    }

    @Test
    void aSourceWithoutASecretRefusesEverythingAndNeverPrintsItsSecret() {
        assertRefused(() -> new BodyHmacAuthenticator().verify(new WebhookRequest("s", "POST", URL, null,
                Map.of("x-leadlex-signature", List.of("sha256=00")), bytes("{}")),
                source(WebhookAuthKind.BODY_HMAC, "")));
        assertThat(source(WebhookAuthKind.BODY_HMAC, "top-secret-value").toString()).doesNotContain("top-secret");
    }

    private static WebhookSource source(WebhookAuthKind auth, String secret) {
        return new WebhookSource(WebhookFormat.GENERIC_JSON, auth, secret, null, null, null, null, null, null, null,
                null, null);
    }

    private static WebhookRequest standardRequest(String id, long ts, String signature, String body) {
        return new WebhookRequest("standard", "POST", URL, null, Map.of("webhook-id", List.of(id),
                "webhook-timestamp", List.of(String.valueOf(ts)), "webhook-signature", List.of(signature)), bytes(body));
    }

    private static WebhookRequest hubspotRequest(String signature, long ts, String body) {
        return new WebhookRequest("hubspot", "POST", URL, null, Map.of("x-hubspot-signature-v3", List.of(signature),
                "x-hubspot-request-timestamp", List.of(String.valueOf(ts))), bytes(body));
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static Clock clockAt(Instant instant) {
        return Clock.fixed(instant, ZoneOffset.UTC);
    }

    private static void assertRefused(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        assertThatThrownBy(call).isInstanceOf(WebhookRefusedException.class)
                .satisfies(e -> assertThat(((WebhookRefusedException) e).status()).isEqualTo(HttpStatus.UNAUTHORIZED));
    }
}

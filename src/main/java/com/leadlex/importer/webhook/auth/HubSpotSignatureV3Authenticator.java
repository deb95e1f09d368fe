package com.leadlex.importer.webhook.auth;

import java.net.URI;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.leadlex.importer.webhook.WebhookAuthKind;
import com.leadlex.importer.webhook.WebhookProperties;
import com.leadlex.importer.webhook.WebhookRefusedException;
import com.leadlex.importer.webhook.WebhookRequest;
import com.leadlex.importer.webhook.WebhookSource;

/**
 * HubSpot's request signature v3: {@code X-HubSpot-Signature-v3} is the base64 HMAC-SHA256, keyed
 * with the app's client secret, of {@code method + URI + body + X-HubSpot-Request-Timestamp}; the
 * timestamp is in milliseconds and a request older than 5 minutes is refused. The URI is the full
 * URL HubSpot called, with the URL-encoded characters HubSpot lists decoded ({@code %3A} and the
 * like); {@code public-url} gives it when a proxy rewrites scheme or host.
 */
@Component
public class HubSpotSignatureV3Authenticator implements WebhookAuthenticator {

    static final String SIGNATURE_HEADER = "X-HubSpot-Signature-v3";
    static final String TIMESTAMP_HEADER = "X-HubSpot-Request-Timestamp";

    private static final String[][] DECODED = {{"%3A", ":"}, {"%2F", "/"}, {"%3F", "?"}, {"%40", "@"},
        {"%21", "!"}, {"%24", "$"}, {"%27", "'"}, {"%28", "("}, {"%29", ")"}, {"%2A", "*"}, {"%2C", ","},
        {"%3B", ";"}};

    private final Clock clock;
    private final WebhookProperties properties;

    public HubSpotSignatureV3Authenticator(Clock clock, WebhookProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public WebhookAuthKind kind() {
        return WebhookAuthKind.HUBSPOT_V3;
    }

    @Override
    public Optional<String> verify(WebhookRequest request, WebhookSource source) {
        if (!source.hasSecret()) {
            throw WebhookRefusedException.unauthorized("source has no secret configured");
        }
        String signature = request.header(SIGNATURE_HEADER);
        String timestamp = request.header(TIMESTAMP_HEADER);
        if (signature == null) {
            throw WebhookRefusedException.unauthorized("no " + SIGNATURE_HEADER + " header");
        }
        SignedTimestamp.requireFresh(timestamp, true, clock, properties.timestampTolerance());
        byte[] expected = Hmac.sha256(Hmac.utf8(source.secret()), Hmac.utf8(request.method()),
                Hmac.utf8(signedUri(request, source)), request.body(), Hmac.utf8(timestamp.strip()));
        if (!Hmac.sameBytes(expected, decode(signature))) {
            throw WebhookRefusedException.unauthorized(SIGNATURE_HEADER + " does not match");
        }
        return Optional.empty();
    }

    static String signedUri(WebhookRequest request, WebhookSource source) {
        String uri = request.url();
        if (source.publicUrl() != null && !source.publicUrl().isBlank()) {
            String query = URI.create(request.url()).getRawQuery();
            uri = source.publicUrl() + (query == null ? "" : "?" + query);
        }
        for (String[] pair : DECODED) {
            uri = uri.replace(pair[0], pair[1]).replace(pair[0].toLowerCase(), pair[1]);
        }
        return uri;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

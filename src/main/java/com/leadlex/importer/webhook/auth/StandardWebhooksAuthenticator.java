package com.leadlex.importer.webhook.auth;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.leadlex.importer.webhook.WebhookAuthKind;
import com.leadlex.importer.webhook.WebhookProperties;
import com.leadlex.importer.webhook.WebhookRefusedException;
import com.leadlex.importer.webhook.WebhookRequest;
import com.leadlex.importer.webhook.WebhookSource;

/**
 * The Standard Webhooks scheme (standardwebhooks.com, spec 1.0): HMAC-SHA256 over
 * {@code webhook-id.webhook-timestamp.body}, keyed with the base64 bytes after {@code whsec_};
 * {@code webhook-signature} holds space-separated {@code v1,<base64>} entries, any of which may match
 * (senders rotating keys sign twice). The secret may also hold several keys, space separated, for
 * rotation on our side. The timestamp is in seconds; the ID is the idempotency key.
 */
@Component
public class StandardWebhooksAuthenticator implements WebhookAuthenticator {

    private final Clock clock;
    private final WebhookProperties properties;

    public StandardWebhooksAuthenticator(Clock clock, WebhookProperties properties) {
        this.clock = clock;
        this.properties = properties;
    }

    @Override
    public WebhookAuthKind kind() {
        return WebhookAuthKind.STANDARD_WEBHOOKS;
    }

    @Override
    public Optional<String> verify(WebhookRequest request, WebhookSource source) {
        List<byte[]> keys = keys(source);
        String id = request.header("webhook-id");
        String timestamp = request.header("webhook-timestamp");
        String signatures = request.header("webhook-signature");
        if (id == null || id.isBlank() || signatures == null) {
            throw WebhookRefusedException.unauthorized("webhook-id or webhook-signature header missing");
        }
        SignedTimestamp.requireFresh(timestamp, false, clock, properties.timestampTolerance());
        byte[][] signed = {Hmac.utf8(id + "." + timestamp.strip() + "."), request.body()};
        for (byte[] key : keys) {
            byte[] expected = Hmac.sha256(key, signed);
            for (String entry : signatures.strip().split("\\s+")) {
                if (entry.startsWith("v1,") && Hmac.sameBytes(expected, decode(entry.substring(3)))) {
                    return Optional.of(id);
                }
            }
        }
        throw WebhookRefusedException.unauthorized("no v1 entry of webhook-signature matches");
    }

    private static List<byte[]> keys(WebhookSource source) {
        if (!source.hasSecret()) {
            throw WebhookRefusedException.unauthorized("source has no secret configured");
        }
        List<byte[]> keys = new ArrayList<>();
        for (String secret : source.secret().split("\\s+")) {
            String encoded = secret.startsWith("whsec_") ? secret.substring("whsec_".length()) : secret;
            byte[] key = decode(encoded);
            if (key == null) {
                throw WebhookRefusedException.unauthorized("a configured secret is not whsec_<base64>");
            }
            keys.add(key);
        }
        return keys;
    }

    private static byte[] decode(String base64) {
        try {
            return Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

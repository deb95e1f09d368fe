package com.leadlex.importer.webhook.auth;

import java.util.HexFormat;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.leadlex.importer.webhook.WebhookAuthKind;
import com.leadlex.importer.webhook.WebhookRefusedException;
import com.leadlex.importer.webhook.WebhookRequest;
import com.leadlex.importer.webhook.WebhookSource;

/**
 * A plain body signature, {@code sha256=<hex>} of HMAC-SHA256(secret, raw body) in one header
 * ({@code signature-header}, default {@code X-LeadLex-Signature}), the way LeadLex signs its own
 * webhooks and many internal senders do. It has no timestamp: replays are caught by delivery ID.
 */
@Component
public class BodyHmacAuthenticator implements WebhookAuthenticator {

    private static final String PREFIX = "sha256=";

    @Override
    public WebhookAuthKind kind() {
        return WebhookAuthKind.BODY_HMAC;
    }

    @Override
    public Optional<String> verify(WebhookRequest request, WebhookSource source) {
        if (!source.hasSecret()) {
            throw WebhookRefusedException.unauthorized("source has no secret configured");
        }
        String header = request.header(source.signatureHeader());
        if (header == null || !header.strip().startsWith(PREFIX)) {
            throw WebhookRefusedException.unauthorized("no " + source.signatureHeader() + ": sha256=<hex> header");
        }
        byte[] expected = Hmac.sha256(Hmac.utf8(source.secret()), request.body());
        if (!Hmac.sameBytes(expected, hex(header.strip().substring(PREFIX.length())))) {
            throw WebhookRefusedException.unauthorized(source.signatureHeader() + " does not match");
        }
        return Optional.empty();
    }

    private static byte[] hex(String hex) {
        try {
            return HexFormat.of().parseHex(hex.toLowerCase());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}

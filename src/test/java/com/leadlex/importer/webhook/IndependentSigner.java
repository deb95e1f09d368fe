package com.leadlex.importer.webhook;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signs requests the way each protocol's documentation says, with javax.crypto only and none of
 * the importer's code, so a passing verification is checked against the published algorithm and
 * not against itself.
 */
public final class IndependentSigner {

    private IndependentSigner() {
    }

    /** HubSpot v3: base64(HMAC-SHA256(client secret, UTF-8 of method + URI + body + timestamp)). */
    public static String hubspotV3(String clientSecret, String method, String uri, String body, long timestampMillis) {
        String source = method + uri + body + timestampMillis;
        return Base64.getEncoder().encodeToString(hmac(clientSecret.getBytes(StandardCharsets.UTF_8),
                source.getBytes(StandardCharsets.UTF_8)));
    }

    /** Standard Webhooks: "v1," + base64(HMAC-SHA256(base64-decoded key after whsec_, id.timestamp.body)). */
    public static String standardWebhooks(String whsecSecret, String id, long timestampSeconds, String body) {
        byte[] key = Base64.getDecoder().decode(whsecSecret.substring("whsec_".length()));
        String content = id + "." + timestampSeconds + "." + body;
        return "v1," + Base64.getEncoder().encodeToString(hmac(key, content.getBytes(StandardCharsets.UTF_8)));
    }

    /** "sha256=" + hex(HMAC-SHA256(secret, body)). */
    public static String bodyHmac(String secret, String body) {
        return "sha256=" + HexFormat.of().formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8),
                body.getBytes(StandardCharsets.UTF_8)));
    }

    /** RFC 7617: "Basic " + base64(user ":" password). */
    public static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] hmac(byte[] key, byte[] message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac.doFinal(message);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}

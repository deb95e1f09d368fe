package com.leadlex.importer.webhook;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collection;
import java.util.HexFormat;

/**
 * Delivery IDs for protocols whose resends carry no stable ID in a header: derived from what a
 * resend keeps (HubSpot event IDs, Salesforce notification IDs), or else from the body itself.
 */
public final class DeliveryIds {

    private DeliveryIds() {
    }

    /** {@code prefix:} + SHA-256 of the sorted parts: the same set of IDs gives the same delivery ID. */
    public static String ofParts(String prefix, Collection<String> parts) {
        return prefix + ":" + sha256Hex(String.join("\n", parts.stream().sorted().toList())
                .getBytes(StandardCharsets.UTF_8));
    }

    public static String ofBody(byte[] body) {
        return "body:" + sha256Hex(body);
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available in this JVM", e);
        }
    }
}

package com.leadlex.importer.leadlex;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * How the importer's tables name an API key: its SHA-256 in hex, never the key itself (the quota
 * tables and the contact directory alike).
 */
public final class ApiKeyHash {

    private ApiKeyHash() {
    }

    public static String of(String apiKey) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(apiKey.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

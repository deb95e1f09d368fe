package com.leadlex.importer.staging;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * The 128-bit stand-in an e-mail row travels with through staging until the import resolves it: a
 * name-based UUID (version 8) of the normalized address. Staging de-duplicates, spills and hashes
 * IDs as two longs; giving every address such a key lets e-mail rows go the same bounded-memory way
 * (a repeat of an address is a repeat of its key) and makes the import's content hash cover its
 * addresses as well as its IDs. A key is never sent to LeadLex: the spool entries of e-mail rows are
 * resolved first, through {@code emails.csv}.
 */
public final class EmailKeys {

    private static final byte[] PREFIX = "leadlex-importer:email:".getBytes(StandardCharsets.UTF_8);

    private EmailKeys() {
    }

    /** The key of a normalized address. */
    public static UUID of(String normalizedEmail) {
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(PREFIX);
            byte[] digest = sha256.digest(normalizedEmail.getBytes(StandardCharsets.UTF_8));
            ByteBuffer bytes = ByteBuffer.wrap(digest, 0, 16);
            long msb = (bytes.getLong() & ~0xF000L) | 0x8000L;
            long lsb = (bytes.getLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
            return new UUID(msb, lsb);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}

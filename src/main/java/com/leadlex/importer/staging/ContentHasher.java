package com.leadlex.importer.staging;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.leadlex.importer.staging.dedupe.SortedIdConsumer;

/**
 * The identity of a list's content: SHA-256 over the set of valid IDs, each as its canonical
 * lower-case text plus {@code \n}, in ascending order. It depends on the set only, not on the order
 * of the rows, their duplicates, the file format or the partition count, and an operator can
 * reproduce it: {@code LC_ALL=C sort spool.txt | sha256sum}. IDs must be added in ascending order.
 */
final class ContentHasher implements SortedIdConsumer {

    private static final int LINE = ContactId.TEXT_LENGTH + 1;

    private final MessageDigest digest;
    private final byte[] buffer = new byte[LINE * 2048];
    private int position;

    ContentHasher() {
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    @Override
    public void accept(long msb, long lsb) {
        if (position == buffer.length) {
            digest.update(buffer, 0, position);
            position = 0;
        }
        ContactId.writeAscii(msb, lsb, buffer, position);
        buffer[position + ContactId.TEXT_LENGTH] = '\n';
        position += LINE;
    }

    /** The hash in lower-case hex; the hasher cannot be used afterwards. */
    String hex() {
        digest.update(buffer, 0, position);
        return HexFormat.of().formatHex(digest.digest());
    }
}

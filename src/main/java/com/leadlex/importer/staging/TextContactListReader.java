package com.leadlex.importer.staging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Reads one ID, or one e-mail address (a line with an {@code @}), per line. Blank lines are skipped;
 * a first non-blank line that is just an ID or e-mail column name ({@code contact_id}, {@code email},
 * ...) is taken as a header and skipped too.
 */
final class TextContactListReader implements ContactListReader {

    private final IdFieldNames idNames;

    TextContactListReader(IdFieldNames idNames) {
        this.idNames = idNames;
    }

    @Override
    public void read(InputStream utf8, ContactRowSink sink) {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(utf8, StandardCharsets.UTF_8), 1 << 16)) {
            long line = 0;
            boolean first = true;
            for (String text = reader.readLine(); text != null; text = reader.readLine()) {
                line++;
                if (text.isBlank()) {
                    continue;
                }
                if (first && (idNames.rank(text) >= 0 || idNames.emailRank(text) >= 0)) {
                    first = false;
                    continue;
                }
                first = false;
                if (EmailAddresses.looksLikeAddress(text)) {
                    sink.acceptEmail(line, text, null);
                } else {
                    sink.accept(line, text);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the contact list", e);
        }
    }
}

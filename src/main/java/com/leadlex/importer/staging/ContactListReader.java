package com.leadlex.importer.staging;

import java.io.InputStream;

/** Reads one list format and emits its rows; one implementation per {@link ContactListFormat}. */
interface ContactListReader {

    /**
     * Reads {@code utf8} to the end, emitting every data row to {@code sink}.
     *
     * @param utf8 the list's content: decompressed, byte order mark removed, validated as UTF-8
     * @throws ContactListRejectedException when the list as a whole is unusable
     */
    void read(InputStream utf8, ContactRowSink sink);
}

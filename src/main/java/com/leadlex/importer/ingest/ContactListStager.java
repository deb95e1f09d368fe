package com.leadlex.importer.ingest;

import java.io.InputStream;
import java.nio.file.Path;

import org.springframework.stereotype.Component;

/** PLACEHOLDER, replaced by the staging branch. */
@Component
public class ContactListStager {

    /**
     * Stages one list into {@code stagingDirectory} (created if missing), streaming.
     *
     * @throws ContactListRejectedException when the list as a whole cannot be staged
     */
    public StagedList stage(InputStream content, String fileName, Path stagingDirectory) {
        throw new UnsupportedOperationException("replaced by the staging branch");
    }
}

package com.leadlex.importer.sources;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.apache.camel.component.file.GenericFile;
import org.apache.camel.component.file.GenericFileFilter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The file filter of every source route ({@code filter: "#contactListFileFilter"}), local or SFTP:
 * takes contact lists (.csv, .tsv, .txt, .json, optionally .gz), never descends into the done/ and
 * failed/ folders a source moves files to, skips done-marker files silently, and logs any other
 * file once (not on every poll) so a stray spreadsheet causes one line, not an error storm.
 */
@Component
public class ContactListFileFilter<T> implements GenericFileFilter<T> {

    private static final Logger log = LoggerFactory.getLogger(ContactListFileFilter.class);
    private static final Set<String> LIST_EXTENSIONS = Set.of(".csv", ".tsv", ".txt", ".json", ".csv.gz", ".tsv.gz",
            ".txt.gz", ".json.gz");
    private static final Set<String> SOURCE_FOLDERS = Set.of("done", "failed");
    private static final Set<String> MARKER_EXTENSIONS = Set.of(".done", ".ready", ".ok", ".part", ".tmp");
    private static final int REMEMBERED = 10_000;

    /** Files already reported as ignored, by path, size and time; oldest forgotten first. */
    private final Set<String> reported = Collections.newSetFromMap(new LinkedHashMap<String, Boolean>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED;
        }
    });

    @Override
    public boolean accept(GenericFile<T> file) {
        String name = file.getFileNameOnly().toLowerCase(Locale.ROOT);
        if (file.isDirectory()) {
            return !SOURCE_FOLDERS.contains(name);
        }
        if (isContactList(name)) {
            return true;
        }
        if (MARKER_EXTENSIONS.stream().noneMatch(name::endsWith)) {
            reportOnce(file);
        }
        return false;
    }

    /** Whether a file of this name is a contact list a source takes. */
    static boolean isContactList(String fileName) {
        String name = fileName.toLowerCase(Locale.ROOT);
        return LIST_EXTENSIONS.stream().anyMatch(name::endsWith);
    }

    private void reportOnce(GenericFile<T> file) {
        String key = file.getAbsoluteFilePath() + ":" + file.getFileLength() + ":" + file.getLastModified();
        boolean first;
        synchronized (reported) {
            first = reported.add(key);
        }
        if (first) {
            log.info("Ignoring {}: not a contact list (lists are .csv, .tsv, .txt or .json, optionally .gz); "
                    + "it stays where it is", file.getAbsoluteFilePath());
        }
    }
}

package com.leadlex.importer.staging;

import java.nio.file.Path;

/**
 * A list after staging: everything the import job needs, on local disk, independent of where the
 * list came from.
 *
 * @param directory      the staging directory that holds the files below
 * @param spoolFile      one canonical (lower-case) UUID per line, valid and unique, in source order
 * @param spoolLinesFile one decimal number per line: the source line of the spool's line at the same position
 * @param rejectsFile    CSV {@code line,value,reason} of every row that held no valid contact ID
 * @param duplicatesFile CSV {@code line,contact_id,first_line} of every repeat of an ID already seen
 * @param contentHash    hex SHA-256 of the set of valid IDs, independent of their order in the list
 * @param rowsRead       data rows read (a CSV header row is not counted)
 * @param validUnique    lines in the spool
 * @param invalid        rows in the rejects file
 * @param duplicates     rows in the duplicates file
 */
public record StagedList(
        Path directory,
        Path spoolFile,
        Path spoolLinesFile,
        Path rejectsFile,
        Path duplicatesFile,
        String contentHash,
        ContactListFormat format,
        long rowsRead,
        long validUnique,
        long invalid,
        long duplicates) {
}

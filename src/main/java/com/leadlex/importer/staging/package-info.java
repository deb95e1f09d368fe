/**
 * Staging: turns a contact list from any source into a spool of valid, unique, canonical IDs plus
 * a record of every rejected row, whatever the source. {@link com.leadlex.importer.staging.ImportFiles} owns
 * the names of an import's files; the bounded-memory de-duplication (an external sort) is in {@code dedupe}.
 * The files are kept in the database that every node shares
 * ({@link com.leadlex.importer.staging.StoredImportFiles}); a node's import directory is a working copy
 * that it restores from there ({@link com.leadlex.importer.staging.ImportDirectories}).
 *
 * <p>What callers can rely on ({@link com.leadlex.importer.staging.ContactListStager}):
 * <ul>
 * <li>Lines are 1-based physical lines of the (decompressed) file, counting CR, LF and CRLF
 * alike; a CSV row spanning lines (a quoted line break) has the line where it starts; a JSON row
 * has the line where its array element starts, so a minified JSON list has every row on line 1.
 * A CSV header row is not a row; blank lines (and CSV rows whose fields are all blank) are
 * skipped and counted nowhere.</li>
 * <li>{@code spool.txt}/{@code spool.lines} and {@code rejects.csv} and {@code duplicates.csv} are
 * all in source order. A duplicate's {@code first_line} is the line of the ID's first valid
 * occurrence, which is the one in the spool.</li>
 * <li>The content hash is SHA-256 of the sorted set of IDs, one lower-case ID and {@code \n} each:
 * {@code LC_ALL=C sort spool.txt | sha256sum}. It does not depend on row order, repeats, invalid
 * rows, format, compression or {@code importer.staging.partitions}.</li>
 * <li>A list whose rows are all invalid is staged (empty spool, everything in rejects.csv), not
 * refused; the caller decides whether that is an error.</li>
 * <li>A row without an ID but with an e-mail address ({@link com.leadlex.importer.staging.EmailAddresses}:
 * trimmed, lower case, checked offline) is in the spool as the address's key
 * ({@link com.leadlex.importer.staging.EmailKeys}), so repeats after normalization are duplicates, and in
 * {@code emails.csv} ({@code line,email,full_name}, source order, repeats included) with its name. The
 * content hash then covers the addresses as well as the IDs. Such keys are never contact IDs: the
 * import resolves them through the contact directory before anything is sent.</li>
 * </ul>
 */
package com.leadlex.importer.staging;

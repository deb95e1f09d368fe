package com.leadlex.importer.leadlex;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the CSV of LeadLex's contacts export ({@code id,full_name,email,phone,job_title,company_name,
 * linkedin_url,tags,created_at}, header first). Columns are taken by name, so LeadLex may add or
 * reorder some; a header without {@code id}, {@code email} and {@code created_at}, a body without a
 * header, or a row whose ID or time cannot be read is an error naming what was found, never an
 * empty page: an empty directory would call every address unknown. Rows without an address are
 * counted and skipped.
 */
final class ContactExportCsv {

    static final String DOCUMENTED_HEADER = "id,full_name,email,phone,job_title,company_name,linkedin_url,tags,"
            + "created_at";
    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).get();

    private ContactExportCsv() {
    }

    /** @throws UnreadableExport naming the problem */
    static ContactExportPage parse(String body, String requestId) {
        String text = body.startsWith("\uFEFF") ? body.substring(1) : body;
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(FORMAT).get()) {
            Iterator<CSVRecord> records = parser.iterator();
            if (!records.hasNext()) {
                throw new UnreadableExport("The contacts export came back empty, without its header row ("
                        + DOCUMENTED_HEADER + ")");
            }
            Columns columns = Columns.of(records.next().toList());
            List<ExportedContact> contacts = new ArrayList<>();
            Instant newest = null;
            int rows = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                if (record.size() == 1 && record.get(0).isBlank()) {
                    continue;
                }
                rows++;
                Instant createdAt = columns.createdAt(record, rows);
                newest = newest == null || createdAt.isAfter(newest) ? createdAt : newest;
                ExportedContact contact = columns.contact(record, rows, createdAt);
                if (contact != null) {
                    contacts.add(contact);
                }
            }
            return new ContactExportPage(contacts, rows, newest, requestId);
        } catch (CSVException e) {
            throw new UnreadableExport("The contacts export is not well-formed CSV: " + e.getMessage());
        } catch (UncheckedIOException e) {
            throw new UnreadableExport("The contacts export is not well-formed CSV: " + e.getCause().getMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Where the three columns we read are. */
    private record Columns(int id, int email, int fullName, int createdAt) {

        static Columns of(List<String> header) {
            List<String> names = header.stream().map(name -> name.strip().toLowerCase(Locale.ROOT)).toList();
            int id = names.indexOf("id");
            int email = names.indexOf("email");
            int createdAt = names.indexOf("created_at");
            if (id < 0 || email < 0 || createdAt < 0) {
                throw new UnreadableExport("The contacts export's header is '" + shorten(String.join(",", header))
                        + "', without the column(s) " + missing(id, email, createdAt) + " that finding contacts by "
                        + "e-mail reads (LeadLex documents '" + DOCUMENTED_HEADER + "')");
            }
            return new Columns(id, email, names.indexOf("full_name"), createdAt);
        }

        Instant createdAt(CSVRecord record, int row) {
            return instant(field(record, createdAt()), row);
        }

        ExportedContact contact(CSVRecord record, int row, Instant createdAt) {
            String email = field(record, email());
            if (email.isBlank()) {
                return null;
            }
            String id = field(record, id()).toLowerCase(Locale.ROOT);
            if (!isUuid(id)) {
                throw new UnreadableExport("Row " + row + " of the contacts export has the ID '" + shorten(id)
                        + "', not a contact UUID");
            }
            return new ExportedContact(id, email, fullName() < 0 ? "" : field(record, fullName()), createdAt);
        }

        private static String field(CSVRecord record, int index) {
            return index < record.size() ? record.get(index) : "";
        }

        private static String missing(int id, int email, int createdAt) {
            List<String> missing = new ArrayList<>();
            if (id < 0) {
                missing.add("id");
            }
            if (email < 0) {
                missing.add("email");
            }
            if (createdAt < 0) {
                missing.add("created_at");
            }
            return String.join(", ", missing);
        }
    }

    private static Instant instant(String text, int row) {
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException e) {
            throw new UnreadableExport("Row " + row + " of the contacts export has the created_at '" + shorten(text)
                    + "', not an ISO 8601 date-time");
        }
    }

    private static boolean isUuid(String text) {
        if (text.length() != 36) {
            return false;
        }
        try {
            return UUID.fromString(text).toString().equals(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String shorten(String text) {
        return text.length() <= 200 ? text : text.substring(0, 200) + "…";
    }

    /** The export's body is not what LeadLex documents; the message says how. */
    static final class UnreadableExport extends RuntimeException {

        UnreadableExport(String message) {
            super(message);
        }
    }
}

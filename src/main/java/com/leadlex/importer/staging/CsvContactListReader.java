package com.leadlex.importer.staging;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.List;

import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads delimited files. The first non-blank row is a header when it names an ID column or an
 * e-mail column ({@link IdFieldNames}); otherwise it is data when one of its fields is a UUID (a
 * headerless list, the ID column being that field) or else a valid e-mail address (a headerless list
 * of addresses); otherwise the list is refused. A row with an ID keeps it; a row without one goes by
 * its address, with the name its {@code full_name} (or {@code first_name}, {@code last_name}) columns
 * give. Rows whose fields are all blank (blank lines, spreadsheet leftovers like {@code ,,}) are
 * skipped, not rejected.
 */
final class CsvContactListReader implements ContactListReader {

    private final IdFieldNames idNames;

    CsvContactListReader(IdFieldNames idNames) {
        this.idNames = idNames;
    }

    @Override
    public void read(InputStream utf8, ContactRowSink sink) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(utf8, StandardCharsets.UTF_8), 1 << 16);
        long lastLine = 0;
        try {
            char delimiter = CsvDelimiterDetector.detect(reader);
            CSVFormat format = CSVFormat.DEFAULT.builder()
                    .setDelimiter(delimiter)
                    .setIgnoreEmptyLines(false)
                    .setIgnoreSurroundingSpaces(true)
                    .get();
            CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get();
            Iterator<CSVRecord> records = parser.iterator();
            List<String> header = null;
            Columns columns = null;
            long dataRows = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = lastLine + 1;
                lastLine = parser.getCurrentLineNumber();
                if (isBlank(record)) {
                    continue;
                }
                if (columns == null) {
                    List<String> fields = record.toList();
                    columns = Columns.fromHeader(fields, idNames);
                    if (columns != null) {
                        header = fields;
                        continue;
                    }
                    columns = Columns.fromFirstRow(fields);
                    if (columns == null) {
                        throw noIdColumn(fields);
                    }
                }
                dataRows++;
                columns.emit(record, line, delimiter, sink);
            }
            if (header != null && dataRows == 0) {
                throw new ContactListRejectedException("The CSV file has a header row (" + describe(header)
                        + ") but no data rows.");
            }
        } catch (UncheckedIOException e) {
            if (e.getCause() instanceof CSVException malformed) {
                throw malformed(lastLine + 1, malformed);
            }
            throw e;
        } catch (CSVException e) {
            throw malformed(lastLine + 1, e);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the contact list", e);
        }
    }

    private static ContactListRejectedException malformed(long line, CSVException e) {
        return new ContactListRejectedException("Malformed CSV in the row starting at line " + line + ": "
                + e.getMessage() + ". Check the quoting: a field that starts with \" must end with \".", e);
    }

    /** Where a row's ID, address and name are; -1 for a column the list does not have. */
    private record Columns(int id, int email, int fullName, int firstName, int lastName) {

        static Columns fromHeader(List<String> fields, IdFieldNames names) {
            int id = names.bestIndex(fields);
            int email = names.bestEmailIndex(fields);
            if (id < 0 && email < 0) {
                return null;
            }
            return new Columns(id, email, IdFieldNames.nameIndex(fields, IdFieldNames.FULL_NAME),
                    IdFieldNames.nameIndex(fields, IdFieldNames.FIRST_NAME),
                    IdFieldNames.nameIndex(fields, IdFieldNames.LAST_NAME));
        }

        /** A headerless list: its ID column is its first UUID field, else its first address. */
        static Columns fromFirstRow(List<String> fields) {
            for (int i = 0; i < fields.size(); i++) {
                if (ContactIdValidator.parseOrNull(fields.get(i)) != null) {
                    return new Columns(i, -1, -1, -1, -1);
                }
            }
            for (int i = 0; i < fields.size(); i++) {
                if (EmailAddresses.isValid(EmailAddresses.normalize(fields.get(i)))) {
                    return new Columns(-1, i, -1, -1, -1);
                }
            }
            return null;
        }

        void emit(CSVRecord record, long line, char delimiter, ContactRowSink sink) {
            String idValue = field(record, id);
            String emailValue = field(record, email);
            if (idValue != null && (!idValue.isBlank() || emailValue == null)) {
                sink.accept(line, idValue);
            } else if (emailValue != null && (!emailValue.isBlank() || idValue == null)) {
                sink.acceptEmail(line, emailValue, IdFieldNames.fullName(field(record, fullName),
                        field(record, firstName), field(record, lastName)));
            } else if (idValue != null) {
                sink.reject(line, String.join(String.valueOf(delimiter), record.toList()), ContactIdValidator.EMPTY_ROW);
            } else {
                sink.reject(line, String.join(String.valueOf(delimiter), record.toList()),
                        "row has " + record.size() + (record.size() == 1 ? " field" : " fields") + "; the "
                                + (id >= 0 ? "ID" : "e-mail") + " column is field " + (Math.max(id, email) + 1));
            }
        }

        private static String field(CSVRecord record, int index) {
            return index >= 0 && index < record.size() ? record.get(index) : null;
        }
    }

    private static boolean isBlank(CSVRecord record) {
        for (String field : record) {
            if (!field.isBlank()) {
                return false;
            }
        }
        return true;
    }

    private ContactListRejectedException noIdColumn(List<String> fields) {
        return new ContactListRejectedException("The CSV header has no contact ID column and no e-mail column. "
                + "Columns found: " + describe(fields) + ". Accepted names: " + idNames.describe()
                + ". (A file without a header must hold a UUID or an e-mail address in its first row.)");
    }

    private static String describe(List<String> columns) {
        int shown = Math.min(columns.size(), 30);
        return String.join(", ", columns.subList(0, shown))
                + (shown < columns.size() ? ", … (" + columns.size() + " columns)" : "");
    }
}

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
 * Reads delimited files. The first non-blank row is a header when it names an ID column
 * ({@link IdFieldNames}); otherwise it is data when one of its fields is a UUID (a headerless
 * list, the ID column being that field); otherwise the list is refused. Rows whose fields are all
 * blank (blank lines, spreadsheet leftovers like {@code ,,}) are skipped, not rejected.
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
            int idColumn = -1;
            long dataRows = 0;
            while (records.hasNext()) {
                CSVRecord record = records.next();
                long line = lastLine + 1;
                lastLine = parser.getCurrentLineNumber();
                if (isBlank(record)) {
                    continue;
                }
                if (idColumn < 0) {
                    List<String> fields = record.toList();
                    idColumn = idNames.bestIndex(fields);
                    if (idColumn >= 0) {
                        header = fields;
                        continue;
                    }
                    idColumn = firstUuidField(fields);
                    if (idColumn < 0) {
                        throw noIdColumn(fields);
                    }
                }
                dataRows++;
                emit(record, line, idColumn, delimiter, sink);
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

    private static void emit(CSVRecord record, long line, int idColumn, char delimiter, ContactRowSink sink) {
        if (record.size() <= idColumn) {
            sink.reject(line, String.join(String.valueOf(delimiter), record.toList()),
                    "row has " + record.size() + (record.size() == 1 ? " field" : " fields")
                            + "; the ID column is field " + (idColumn + 1));
        } else {
            sink.accept(line, record.get(idColumn));
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

    private static int firstUuidField(List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (ContactIdValidator.parseOrNull(fields.get(i)) != null) {
                return i;
            }
        }
        return -1;
    }

    private ContactListRejectedException noIdColumn(List<String> fields) {
        return new ContactListRejectedException("The CSV header has no contact ID column. Columns found: "
                + describe(fields) + ". Accepted names: " + idNames.describe()
                + ". (A file without a header must hold a UUID in its first row.)");
    }

    private static String describe(List<String> columns) {
        int shown = Math.min(columns.size(), 30);
        return String.join(", ", columns.subList(0, shown))
                + (shown < columns.size() ? ", … (" + columns.size() + " columns)" : "");
    }
}

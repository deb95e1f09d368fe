package com.leadlex.importer.sources;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;

import org.apache.camel.Exchange;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.springframework.stereotype.Component;

import com.leadlex.importer.staging.ContactListRejectedException;

/**
 * For sources whose lists name their own campaign in a column ({@code campaign-column}): reads
 * that column of a CSV list (streamed, gzip too) and returns its one campaign. A list naming no
 * campaign or several is refused with a reason, so it lands in failed/ with a report.
 */
@Component
public class CampaignColumnReader {

    public String campaignOf(Exchange exchange, String column) throws IOException {
        String fileName = exchange.getMessage().getHeader(Exchange.FILE_NAME_ONLY, "list", String.class);
        String lower = fileName.toLowerCase(Locale.ROOT);
        if (!(lower.endsWith(".csv") || lower.endsWith(".tsv") || lower.endsWith(".csv.gz"))) {
            throw new ContactListRejectedException("this source takes the campaign from column '" + column
                    + "', which only CSV lists have: " + fileName + " is not a CSV list");
        }
        // a file body gives a fresh stream on every conversion, so staging still reads it from the start
        try (InputStream raw = exchange.getMessage().getMandatoryBody(InputStream.class);
                InputStream content = lower.endsWith(".gz") ? new GZIPInputStream(raw) : raw) {
            return single(column, fileName, distinctValues(content, column, fileName));
        } catch (org.apache.camel.InvalidPayloadException e) {
            throw new IOException(e);
        }
    }

    private static Set<String> distinctValues(InputStream content, String column, String fileName)
            throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8));
        reader.mark(64 * 1024);
        String header = reader.readLine();
        reader.reset();
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiterOf(header)).setHeader()
                .setSkipHeaderRecord(true).setIgnoreHeaderCase(true).setTrim(true).get();
        Set<String> values = new TreeSet<>();
        try (CSVParser parser = CSVParser.parse(reader, format)) {
            if (!parser.getHeaderMap().containsKey(column)
                    && parser.getHeaderNames().stream().noneMatch(column::equalsIgnoreCase)) {
                throw new ContactListRejectedException("no '" + column + "' column in " + fileName
                        + ": this source takes each list's campaign from that column");
            }
            for (CSVRecord row : parser) {
                String value = row.isMapped(column) && row.isSet(column) ? row.get(column) : "";
                if (!value.isBlank()) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    private static String single(String column, String fileName, Set<String> values) {
        if (values.size() != 1) {
            throw new ContactListRejectedException(fileName + " names " + (values.isEmpty() ? "no campaign"
                    : values.size() + " campaigns " + values) + " in column '" + column
                    + "'; a list for this source must name exactly one");
        }
        return values.iterator().next();
    }

    private static char delimiterOf(String header) {
        if (header == null) {
            return ',';
        }
        char best = ',';
        long most = -1;
        for (char candidate : new char[] {',', ';', '\t'}) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > most) {
                most = count;
                best = candidate;
            }
        }
        return best;
    }
}

package com.leadlex.importer.sandbox;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import com.leadlex.importer.sandbox.ContactEndpointFlow.Outcome;
import com.leadlex.importer.sandbox.ContactRequestLog.Endpoint;
import com.leadlex.importer.sandbox.ExportWindows.Decision;
import com.leadlex.importer.sandbox.SandboxAdmission.Admission;

/**
 * {@code GET /sandbox/v1/contacts/export?limit=&created_after=&created_before=}: the workspace's
 * contacts as CSV, header first, oldest first, at most {@code limit} (up to {@value #MAX_LIMIT},
 * {@value #DEFAULT_LIMIT} when not given). Needs {@code contacts:read}; besides the key's quota, the
 * workspace may export only {@code leadlex.sandbox.exports-per-hour} times per clock hour (429
 * {@code rate_limited} with {@code Retry-After} until the next hour). Times are ISO 8601; both bounds
 * are exclusive.
 */
class ContactsExportHandler {

    static final String[] COLUMNS = {"id", "full_name", "email", "phone", "job_title", "company_name",
        "linkedin_url", "tags", "created_at"};
    static final int MAX_LIMIT = 50_000;
    static final int DEFAULT_LIMIT = 1_000;
    private static final CSVFormat CSV = CSVFormat.DEFAULT.builder().setRecordSeparator("\n").setHeader(COLUMNS).get();

    private final ContactEndpointFlow flow;
    private final SandboxContacts contacts;
    private final ExportWindows exports;
    private final RetryAfterMode retryAfter;

    ContactsExportHandler(ContactEndpointFlow flow, SandboxContacts contacts, ExportWindows exports,
            RetryAfterMode retryAfter) {
        this.flow = flow;
        this.contacts = contacts;
        this.exports = exports;
        this.retryAfter = retryAfter;
    }

    ServerResponse export(ServerRequest request) throws InterruptedException {
        return flow.handle(request, Endpoint.EXPORT, SandboxProperties.Key::canReadContacts,
                SandboxError.lacksPermission(SandboxProperties.READ_CONTACTS_PERMISSION),
                (admitted, now) -> export(request, admitted, now));
    }

    private Outcome export(ServerRequest request, Admission admitted, Instant now) {
        Query query;
        try {
            query = Query.of(request);
        } catch (InvalidParameter e) {
            return Outcome.of(SandboxAnswer.error(e.error).rateLimit(admitted.quota()));
        }
        Decision decision = exports.admit(now);
        if (!decision.allowed()) {
            return Outcome.of(SandboxAnswer.error(SandboxError.exportRateLimited(decision.limit()))
                    .rateLimit(admitted.quota())
                    .header(HttpHeaders.RETRY_AFTER, retryAfter.headerValue(now, decision.reset())));
        }
        List<SandboxContact> page = contacts.export(query.after(), query.before(), query.limit());
        return new Outcome(SandboxAnswer.csv(csv(page)).rateLimit(admitted.quota()), 0, page.size());
    }

    static String csv(List<SandboxContact> page) {
        StringWriter text = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(text, CSV)) {
            for (SandboxContact contact : page) {
                printer.printRecord(contact.id(), contact.fullName(), contact.email(), contact.phone(),
                        contact.jobTitle(), contact.companyName(), contact.linkedinUrl(),
                        String.join(",", contact.tags()), contact.createdAt());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /** The export's query parameters, checked. */
    private record Query(int limit, Instant after, Instant before) {

        static Query of(ServerRequest request) {
            int limit = request.param("limit").map(Query::limit).orElse(DEFAULT_LIMIT);
            return new Query(limit, time(request, "created_after"), time(request, "created_before"));
        }

        private static int limit(String text) {
            try {
                int limit = Integer.parseInt(text.strip());
                if (limit >= 1 && limit <= MAX_LIMIT) {
                    return limit;
                }
            } catch (NumberFormatException e) {
                // answered below
            }
            throw new InvalidParameter(SandboxError.invalidParameter("limit",
                    "must be a whole number from 1 to " + MAX_LIMIT + ", was '" + text + "'"));
        }

        private static Instant time(ServerRequest request, String name) {
            Optional<String> value = request.param(name);
            if (value.isEmpty() || value.get().isBlank()) {
                return null;
            }
            try {
                return OffsetDateTime.parse(value.get().strip()).toInstant();
            } catch (DateTimeParseException e) {
                throw new InvalidParameter(SandboxError.invalidParameter(name,
                        "must be an ISO 8601 date-time such as 2026-11-26T10:00:00Z, was '" + value.get() + "'"));
            }
        }
    }

    /** A query parameter the sandbox refuses; carries the 400 to answer. */
    static final class InvalidParameter extends RuntimeException {

        final transient SandboxError error;

        InvalidParameter(SandboxError error) {
            super(error.message(), null, false, false);
            this.error = error;
        }
    }
}

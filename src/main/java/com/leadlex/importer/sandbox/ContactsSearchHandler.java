package com.leadlex.importer.sandbox;

import java.util.List;

import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.leadlex.importer.sandbox.ContactEndpointFlow.Outcome;
import com.leadlex.importer.sandbox.ContactRequestLog.Endpoint;
import com.leadlex.importer.sandbox.ContactsExportHandler.InvalidParameter;
import com.leadlex.importer.sandbox.SandboxAdmission.Admission;
import com.leadlex.importer.sandbox.SandboxContacts.SearchPage;

/**
 * {@code GET /sandbox/v1/contacts?search=&page=&per_page=}: contacts whose address or name contains
 * the term (any case), oldest first, {@code per_page} up to {@value #MAX_PER_PAGE} (default
 * {@value #DEFAULT_PER_PAGE}), pages from 1; {@code data.contacts[]} and {@code meta.total}. Needs
 * {@code contacts:read}. A term that matches part of an address (a search for {@code bob@x.com} finds
 * {@code jimbob@x.com}) is LeadLex's full-text search as the docs leave it: callers pick exact matches.
 */
class ContactsSearchHandler {

    static final int MAX_PER_PAGE = 100;
    static final int DEFAULT_PER_PAGE = 25;

    private final ContactEndpointFlow flow;
    private final SandboxContacts contacts;

    ContactsSearchHandler(ContactEndpointFlow flow, SandboxContacts contacts) {
        this.flow = flow;
        this.contacts = contacts;
    }

    ServerResponse search(ServerRequest request) throws InterruptedException {
        return flow.handle(request, Endpoint.SEARCH, SandboxProperties.Key::canReadContacts,
                SandboxError.lacksPermission(SandboxProperties.READ_CONTACTS_PERMISSION),
                (admitted, now) -> search(request, admitted));
    }

    private Outcome search(ServerRequest request, Admission admitted) {
        int page;
        int perPage;
        try {
            page = number(request, "page", 1, Integer.MAX_VALUE, 1);
            perPage = number(request, "per_page", 1, MAX_PER_PAGE, DEFAULT_PER_PAGE);
        } catch (InvalidParameter e) {
            return Outcome.of(SandboxAnswer.error(e.error).rateLimit(admitted.quota()));
        }
        SearchPage found = contacts.search(request.param("search").orElse(""), page, perPage);
        SearchResponse body = new SearchResponse(new Data(found.contacts().stream().map(ContactJson::of).toList()),
                new Meta(found.total(), page, perPage));
        return new Outcome(SandboxAnswer.json(200, body).rateLimit(admitted.quota()), 0, found.contacts().size());
    }

    private static int number(ServerRequest request, String name, int min, int max, int absent) {
        String text = request.param(name).orElse(null);
        if (text == null || text.isBlank()) {
            return absent;
        }
        try {
            int value = Integer.parseInt(text.strip());
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new InvalidParameter(SandboxError.invalidParameter(name, "must be a whole number from " + min
                + (max == Integer.MAX_VALUE ? " up" : " to " + max) + ", was '" + text + "'"));
    }

    record SearchResponse(Data data, Meta meta) {
    }

    record Data(List<ContactJson> contacts) {
    }

    record Meta(int total, int page, @JsonProperty("per_page") int perPage) {
    }

    /** A contact as LeadLex's JSON shows one. */
    record ContactJson(String id, @JsonProperty("full_name") String fullName, String email, String phone,
            @JsonProperty("job_title") String jobTitle, @JsonProperty("company_name") String companyName,
            @JsonProperty("linkedin_url") String linkedinUrl, List<String> tags,
            @JsonProperty("created_at") String createdAt) {

        static ContactJson of(SandboxContact contact) {
            return new ContactJson(contact.id().toString(), contact.fullName(), contact.email(), contact.phone(),
                    contact.jobTitle(), contact.companyName(), contact.linkedinUrl(), contact.tags(),
                    contact.createdAt().toString());
        }
    }
}

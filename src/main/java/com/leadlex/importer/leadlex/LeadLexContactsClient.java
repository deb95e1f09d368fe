package com.leadlex.importer.leadlex;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.leadlex.importer.leadlex.LeadLexRequestSender.Sent;
import com.leadlex.importer.system.Sleeper;

/**
 * LeadLex's contacts requests that finding contacts by e-mail needs: the CSV export (a whole
 * workspace in a few calls, so look-ups never cost a request per address), the search (for the few
 * addresses the export cannot settle) and the bulk creation of missing contacts. Each is one request
 * on the key's quota, sent like an enrollment ({@link LeadLexRequestSender}); answers that are not
 * the documented ones fail with a message naming what came instead.
 */
@Component
public class LeadLexContactsClient {

    /** The most contacts one bulk creation takes. */
    public static final int MAX_CONTACTS_PER_CREATION = 500;
    /** The most contacts one search page holds. */
    public static final int MAX_PER_PAGE = 100;

    private final LeadLexProperties properties;
    private final LeadLexBaseUrl baseUrl;
    private final LeadLexRequestSender sender;
    private final LeadLexJson errors = new LeadLexJson();
    private final ContactsJson json = new ContactsJson();

    public LeadLexContactsClient(LeadLexProperties properties, LeadLexBaseUrl baseUrl, LeadLexTransport transport,
            QuotaGateRegistry gates, BackoffPolicy backoff, Clock clock, Sleeper sleeper) {
        this(properties, baseUrl, transport, gates, backoff, clock, sleeper, LeadLexWatchers.NONE);
    }

    /** @param watchers told of every answer, retry and quota wait (metrics, the health check's last sighting) */
    @Autowired
    public LeadLexContactsClient(LeadLexProperties properties, LeadLexBaseUrl baseUrl, LeadLexTransport transport,
            QuotaGateRegistry gates, BackoffPolicy backoff, Clock clock, Sleeper sleeper,
            ObjectProvider<LeadLexActivity> watchers) {
        this(properties, baseUrl, transport, gates, backoff, clock, sleeper, new LeadLexWatchers(watchers));
    }

    private LeadLexContactsClient(LeadLexProperties properties, LeadLexBaseUrl baseUrl, LeadLexTransport transport,
            QuotaGateRegistry gates, BackoffPolicy backoff, Clock clock, Sleeper sleeper, LeadLexWatchers watchers) {
        this.properties = properties;
        this.baseUrl = baseUrl;
        this.sender = new LeadLexRequestSender(properties, transport, gates, backoff, clock, sleeper, watchers);
    }

    /**
     * One call of the contacts export.
     *
     * @throws ExportRateLimitedException when the export's own hourly limit refused it
     * @throws LeadLexException           when it failed for good, or its CSV is not LeadLex's
     * @throws QuotaExhaustedException    when the key's next request is further than max-wait away
     */
    public ContactExportPage exportContacts(ContactExportQuery query) {
        StringJoiner parameters = new StringJoiner("&", "?", "");
        parameters.add("limit=" + query.limit());
        if (query.createdAfter() != null) {
            parameters.add("created_after=" + encode(query.createdAfter()));
        }
        if (query.createdBefore() != null) {
            parameters.add("created_before=" + encode(query.createdBefore()));
        }
        ContactsRequestKind kind = ContactsRequestKind.EXPORT;
        String apiKey = apiKey();
        ContactsCallFailures failures = new ContactsCallFailures(kind, apiKey, errors);
        Sent sent = sender.send(kind, HttpCall.get(url("/v1/contacts/export" + parameters), headers(apiKey, "text/csv")),
                apiKey, failures, QuotaWaitListener.NONE);
        try {
            return ContactExportCsv.parse(sent.reply().body(), sent.reply().requestId());
        } catch (ContactExportCsv.UnreadableExport e) {
            throw failures.unexpected(sent.reply(), sent.attempts(), e.getMessage());
        }
    }

    /**
     * One page (from 1) of a contacts search for {@code term}.
     *
     * @throws LeadLexException        when it failed for good, or the answer is not LeadLex's
     * @throws QuotaExhaustedException when the key's next request is further than max-wait away
     */
    public ContactSearchPage searchContacts(String term, int page, int perPage) {
        if (page < 1 || perPage < 1 || perPage > MAX_PER_PAGE) {
            throw new IllegalArgumentException("A search page is from 1, with 1 to " + MAX_PER_PAGE
                    + " contacts, not page " + page + " of " + perPage);
        }
        ContactsRequestKind kind = ContactsRequestKind.SEARCH;
        String apiKey = apiKey();
        ContactsCallFailures failures = new ContactsCallFailures(kind, apiKey, errors);
        String query = "?search=" + URLEncoder.encode(term, StandardCharsets.UTF_8) + "&page=" + page + "&per_page="
                + perPage;
        Sent sent = sender.send(kind, HttpCall.get(url("/v1/contacts" + query), headers(apiKey, "application/json")),
                apiKey, failures, QuotaWaitListener.NONE);
        ContactSearchPage found = json.parseSearch(sent.reply().body());
        if (found == null) {
            throw failures.unexpected(sent.reply(), sent.attempts(),
                    "its body has no data.contacts[] with an id each and meta.total");
        }
        return found;
    }

    /**
     * Creates up to 500 contacts. LeadLex skips addresses it has (and may leave them out of the
     * answer), so the answer names only the contacts it created.
     *
     * @throws LeadLexException        when it failed for good (the contacts may then exist or not), or the
     *                                 answer is not LeadLex's
     * @throws QuotaExhaustedException when the key's next request is further than max-wait away: nothing sent
     */
    public CreatedContacts createContacts(List<NewContact> contacts) {
        if (contacts.isEmpty() || contacts.size() > MAX_CONTACTS_PER_CREATION) {
            throw new IllegalArgumentException("A bulk creation takes 1 to " + MAX_CONTACTS_PER_CREATION
                    + " contacts, not " + contacts.size());
        }
        ContactsRequestKind kind = ContactsRequestKind.BULK_CREATE;
        String apiKey = apiKey();
        ContactsCallFailures failures = new ContactsCallFailures(kind, apiKey, errors);
        Map<String, String> headers = Map.of("Authorization", "Bearer " + apiKey, "Content-Type", "application/json",
                "Accept", "application/json");
        Sent sent = sender.send(kind, new HttpCall(url("/v1/contacts/bulk"), headers, json.bulkBody(contacts)), apiKey,
                failures, QuotaWaitListener.NONE);
        CreatedContacts created = json.parseCreated(sent.reply().body(), sent.reply().requestId(), sent.attempts());
        if (created == null) {
            throw failures.unexpected(sent.reply(), sent.attempts(), "its body has no data.created and data.contacts[] "
                    + "with an id and email each; the contacts may or may not have been created");
        }
        return created;
    }

    private String apiKey() {
        String apiKey = properties.apiKey();
        if (apiKey == null) {
            throw new LeadLexException(LeadLexError.INVALID_KEY, 0, "LEADLEX_API_KEY is not set. "
                    + LeadLexError.INVALID_KEY.action(), null, 0, null);
        }
        return apiKey;
    }

    private String url(String pathAndQuery) {
        try {
            return baseUrl.resolve() + pathAndQuery;
        } catch (IllegalArgumentException e) {
            throw new LeadLexException(LeadLexError.UNREACHABLE, 0, "leadlex.base-url cannot be resolved yet: "
                    + e.getMessage() + ". " + LeadLexError.UNREACHABLE.action(), null, 0, e);
        }
    }

    private static Map<String, String> headers(String apiKey, String accept) {
        return Map.of("Authorization", "Bearer " + apiKey, "Accept", accept);
    }

    private static String encode(Instant instant) {
        return URLEncoder.encode(instant.toString(), StandardCharsets.UTF_8);
    }
}

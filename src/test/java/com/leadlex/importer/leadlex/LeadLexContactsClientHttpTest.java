package com.leadlex.importer.leadlex;

import static com.leadlex.importer.leadlex.LeadLexClientHttpTest.assertNoKey;
import static com.leadlex.importer.leadlex.LeadLexClientHttpTest.error;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

import com.leadlex.importer.system.ManualClock;

/**
 * The contacts client over real HTTP (Camel route, camel-http) against a scripted LeadLex, for the
 * answers the sandbox never gives: an export whose header is not LeadLex's, an empty one, a row that
 * cannot be read, JSON of another shape, a 429 on the export without any hint. The sandbox itself is
 * exercised in {@code ContactsClientEndToEndTest}.
 */
class LeadLexContactsClientHttpTest {

    static final String KEY = LeadLexClientHttpTest.KEY;
    static final Instant START = CamelClientRig.START;
    static final String HEADER = "id,full_name,email,phone,job_title,company_name,linkedin_url,tags,created_at";
    static final String ID = "123e4567-e89b-12d3-a456-426614174000";

    ScriptedLeadLexServer server;
    DefaultCamelContext camel;
    ManualClock clock;
    LeadLexContactsClient client;

    @BeforeEach
    void start() throws Exception {
        server = new ScriptedLeadLexServer();
        LeadLexProperties properties = TestProperties.defaults().baseUrl(server.baseUrl()).apiKey(KEY).maxAttempts(3)
                .build();
        clock = new ManualClock(START);
        camel = new DefaultCamelContext();
        camel.addRoutes(new SendContactChunkRoute(properties));
        camel.start();
        client = new LeadLexContactsClient(properties, new LeadLexBaseUrl(properties, new MockEnvironment()),
                new CamelLeadLexTransport(camel.createProducerTemplate(), camel), new QuotaGateRegistry(clock, properties),
                new BackoffPolicy(properties.backoffBase(), properties.backoffCap(), new Random(7)), clock,
                clock.sleeper());
    }

    @AfterEach
    void stop() {
        camel.stop();
        server.close();
    }

    @Test
    void exportsWithAGetNamingLimitAndCreatedAfterAndReadsColumnsByName() {
        server.then(200, "email,created_at,id,extra\n"
                + "Ada@Example.com,2026-11-01T08:00:00Z," + ID.toUpperCase() + ",x\n"
                + ",2026-11-01T08:01:00Z,223e4567-e89b-12d3-a456-426614174001,y\n", "X-Request-ID", "req_export");

        ContactExportPage page = client.exportContacts(new ContactExportQuery(Instant.parse("2026-10-01T00:00:00Z"), null,
                50_000));

        ScriptedLeadLexServer.Received request = server.received().get(0);
        assertThat(request.method()).isEqualTo("GET");
        assertThat(request.rawPath()).isEqualTo("/sandbox/v1/contacts/export");
        assertThat(request.rawQuery()).isEqualTo("limit=50000&created_after=2026-10-01T00%3A00%3A00Z");
        assertThat(request.header("Authorization")).isEqualTo("Bearer " + KEY);
        assertThat(request.body()).isEmpty();
        assertThat(page.contacts()).containsExactly(
                new ExportedContact(ID, "Ada@Example.com", "", Instant.parse("2026-11-01T08:00:00Z")));
        assertThat(page.rows()).as("the row without an address counts towards the limit").isEqualTo(2);
        assertThat(page.requestId()).isEqualTo("req_export");
    }

    @Test
    void anExportWithoutTheColumnsItNeedsIsAnErrorNamingThem() {
        server.then(200, "contact,mail,created\n" + ID + ",a@example.com,2026-11-01T08:00:00Z\n");

        LeadLexException thrown = catchThrowableOfType(LeadLexException.class,
                () -> client.exportContacts(ContactExportQuery.after(null)));

        assertThat(thrown.error()).isEqualTo(LeadLexError.UNEXPECTED_RESPONSE);
        assertThat(thrown.getMessage()).contains("'contact,mail,created'", "id, email, created_at", HEADER,
                "leadlex.base-url");
    }

    @Test
    void anEmptyExportOrOneWithAnUnreadableRowIsAnErrorNeverAnEmptyPage() {
        server.then(200, "");
        server.then(200, HEADER + "\nnot-an-id,Ada,ada@example.com,,,,,,2026-11-01T08:00:00Z\n");
        server.then(200, HEADER + "\n" + ID + ",Ada,ada@example.com,,,,,,last tuesday\n");

        assertThat(catchThrowableOfType(LeadLexException.class, () -> client.exportContacts(ContactExportQuery.after(null))))
                .hasMessageContaining("came back empty, without its header row");
        assertThat(catchThrowableOfType(LeadLexException.class, () -> client.exportContacts(ContactExportQuery.after(null))))
                .hasMessageContaining("Row 1", "'not-an-id', not a contact UUID");
        assertThat(catchThrowableOfType(LeadLexException.class, () -> client.exportContacts(ContactExportQuery.after(null))))
                .hasMessageContaining("Row 1", "'last tuesday', not an ISO 8601 date-time");
    }

    @Test
    void a403OnTheExportNamesTheReadPermissionAndStopsTheImport() {
        server.then(403, error("insufficient_permissions", "This API key lacks the contacts:read permission " + KEY));

        LeadLexException thrown = catchThrowableOfType(LeadLexException.class,
                () -> client.exportContacts(ContactExportQuery.after(null)));

        assertThat(thrown.error()).isEqualTo(LeadLexError.CONTACTS_NOT_READABLE);
        assertThat(thrown.error().stopsImport()).isTrue();
        assertThat(thrown.getMessage()).contains("the contacts export", "HTTP 403", "contacts:read",
                "or put LeadLex contact IDs in the list");
        assertThat(server.requestCount()).isEqualTo(1);
        assertNoKey(thrown);
    }

    @Test
    void a429OnTheExportWhileTheKeyHasRoomIsTheExportsOwnLimitAndHoldsNothingElseBack() {
        server.then(429, error("rate_limited", "The contacts export is limited"), "Retry-After", "1800",
                "X-RateLimit-Limit", "50", "X-RateLimit-Remaining", "48", "X-RateLimit-Reset",
                Long.toString(START.plusSeconds(60).getEpochSecond()));
        server.then(429, error("rate_limited", "The contacts export is limited"));
        server.then(200, "{\"data\":{\"contacts\":[],\"total\":0},\"meta\":{\"total\":0}}");

        ExportRateLimitedException limited = catchThrowableOfType(ExportRateLimitedException.class,
                () -> client.exportContacts(ContactExportQuery.after(null)));
        ExportRateLimitedException withoutHint = catchThrowableOfType(ExportRateLimitedException.class,
                () -> client.exportContacts(ContactExportQuery.after(null)));
        ContactSearchPage search = client.searchContacts("ada@example.com", 1, 100);

        assertThat(limited.retryAt()).isEqualTo(START.plusSeconds(1800));
        assertThat(withoutHint.retryAt()).as("no Retry-After: an hour").isEqualTo(START.plus(Duration.ofHours(1)));
        assertThat(search.total()).isZero();
        assertThat(clock.instant()).as("the key was not blocked for the export's limit").isEqualTo(START);
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void a429OnTheExportWithTheKeysQuotaUsedUpWaitsLikeAnyRequestThenGoesOn() {
        server.then(429, error("rate_limited", "Rate limit exceeded"), "Retry-After", "30", "X-RateLimit-Remaining",
                "0", "X-RateLimit-Reset", Long.toString(START.plusSeconds(30).getEpochSecond()));
        server.then(200, HEADER + "\n" + ID + ",Ada,ada@example.com,,,,,,2026-11-01T08:00:00Z\n");

        ContactExportPage page = client.exportContacts(ContactExportQuery.after(null));

        assertThat(page.contacts()).hasSize(1);
        assertThat(clock.instant()).isEqualTo(START.plusSeconds(30));
        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void retriesServerErrorsThenGivesUpWithTheReason() {
        server.then(503, error("service_unavailable", "busy"));
        server.then(200, "{\"data\":{\"contacts\":[{\"id\":\"" + ID.toUpperCase() + "\",\"email\":\"ada@example.com\","
                + "\"full_name\":\"Ada\"},{\"id\":\"223e4567-e89b-12d3-a456-426614174001\",\"email\":null}]},"
                + "\"meta\":{\"total\":2}}");
        server.otherwise(request -> ScriptedLeadLexServer.answer(502, "bad gateway"));

        ContactSearchPage found = client.searchContacts("ada@example.com", 1, 100);
        LeadLexException failed = catchThrowableOfType(LeadLexException.class,
                () -> client.searchContacts("ada@example.com", 2, 100));

        assertThat(found.contacts()).containsExactly(new FoundContact(ID, "ada@example.com", "Ada"));
        assertThat(found.total()).isEqualTo(2);
        assertThat(server.received().get(0).rawQuery()).isEqualTo("search=ada%40example.com&page=1&per_page=100");
        assertThat(failed.error()).isEqualTo(LeadLexError.SERVER_ERROR);
        assertThat(failed.getMessage()).contains("the contacts search", "HTTP 502", "3 attempts");
        assertThat(server.requestCount()).isEqualTo(2 + 3);
    }

    @Test
    void createsWithTheDocumentedBodyAndNamesOnlyWhatTheListHas() {
        server.then(201, "{\"data\":{\"created\":1,\"contacts\":[{\"id\":\"" + ID + "\",\"full_name\":\"Ada Lovelace\","
                + "\"email\":\"ada@example.com\"}]}}", "X-Request-ID", "req_bulk");

        CreatedContacts created = client.createContacts(List.of(new NewContact("ada@example.com", " Ada Lovelace "),
                new NewContact("known@example.com", null)));

        ScriptedLeadLexServer.Received request = server.received().get(0);
        assertThat(request.method()).isEqualTo("POST");
        assertThat(request.rawPath()).isEqualTo("/sandbox/v1/contacts/bulk");
        assertThat(request.body()).isEqualTo("{\"contacts\":[{\"full_name\":\"Ada Lovelace\",\"email\":\"ada@example.com\"},"
                + "{\"email\":\"known@example.com\"}]}");
        assertThat(created).isEqualTo(new CreatedContacts(1, List.of(new FoundContact(ID, "ada@example.com",
                "Ada Lovelace")), "req_bulk", 1));
    }

    @Test
    void aRefusedCreationSaysWhichFieldAndWhatToDo() {
        server.then(400, error("missing_required_field", "contacts[0].full_name is required"));
        server.then(403, error("insufficient_permissions", "lacks contacts:write"));
        server.then(200, "{\"data\":{\"added\":1}}");

        LeadLexException refused = catchThrowableOfType(LeadLexException.class,
                () -> client.createContacts(List.of(new NewContact("a@example.com", null))));
        LeadLexException forbidden = catchThrowableOfType(LeadLexException.class,
                () -> client.createContacts(List.of(new NewContact("a@example.com", null))));
        LeadLexException unexpected = catchThrowableOfType(LeadLexException.class,
                () -> client.createContacts(List.of(new NewContact("a@example.com", null))));

        assertThat(refused.error()).isEqualTo(LeadLexError.CONTACTS_REFUSED);
        assertThat(refused.getMessage()).contains("contacts[0].full_name is required", "fix that column");
        assertThat(forbidden.error()).isEqualTo(LeadLexError.CONTACTS_NOT_WRITABLE);
        assertThat(forbidden.getMessage()).contains("contacts:write", "importer.contacts.create-missing off");
        assertThat(unexpected.error()).isEqualTo(LeadLexError.UNEXPECTED_RESPONSE);
        assertThat(unexpected.getMessage()).contains("may or may not have been created");
    }

    @Test
    void a404MeansTheBaseUrlNotACampaign() {
        server.then(404, "<html>Not Found</html>");

        LeadLexException thrown = catchThrowableOfType(LeadLexException.class,
                () -> client.searchContacts("a@example.com", 1, 10));

        assertThat(thrown.error()).isEqualTo(LeadLexError.UNEXPECTED_RESPONSE);
        assertThat(thrown.getMessage()).contains("HTTP 404", "check leadlex.base-url").doesNotContain("campaign");
    }
}

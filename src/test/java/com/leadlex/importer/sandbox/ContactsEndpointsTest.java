package com.leadlex.importer.sandbox;

import static com.leadlex.importer.sandbox.AddContactsEndpointTest.assertError;
import static com.leadlex.importer.sandbox.SandboxHttp.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import com.leadlex.importer.sandbox.ContactRequestLog.ContactRequest;
import com.leadlex.importer.sandbox.ContactRequestLog.Endpoint;
import com.leadlex.importer.sandbox.SandboxProperties.Key;

import tools.jackson.databind.JsonNode;

/**
 * The contacts endpoints over real HTTP: the CSV export with its paging bounds and hourly limit,
 * the search with its pages, bulk creation with silent duplicate detection, and the key's quota and
 * permissions on all three.
 */
class ContactsEndpointsTest extends SandboxEndpointTestBase {

    private static final String KEY = "wbk_sandbox_unmetered";
    private static final String HEADER = "id,full_name,email,phone,job_title,company_name,linkedin_url,tags,created_at";

    @Test
    void exportsTheSeededContactsAsCsvHeaderFirstOldestFirst() {
        HttpResponse<String> response = http.get(KEY, "/contacts/export?limit=50000");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/csv"));
        assertThat(response.body()).startsWith(HEADER + "\n");
        List<CSVRecord> rows = rows(response);
        assertThat(rows).hasSize(SandboxProperties.DEFAULT_SEEDED_CONTACTS);
        SandboxContact first = SeededContacts.number(1);
        assertThat(rows.get(0).get("id")).isEqualTo(first.id().toString());
        assertThat(rows.get(0).get("email")).isEqualTo(first.email());
        assertThat(rows.get(0).get("full_name")).isEqualTo(first.fullName());
        assertThat(rows.get(0).get("created_at")).isEqualTo(first.createdAt().toString());
        assertThat(rows).extracting(row -> Instant.parse(row.get("created_at"))).isSorted();
        assertThat(rows).extracting(row -> row.get("email")).doesNotHaveDuplicates();
    }

    @Test
    void pagesWithLimitAndExclusiveCreatedAfterAndCreatedBefore() {
        Instant tenth = SeededContacts.number(10).createdAt();
        Instant twentieth = SeededContacts.number(20).createdAt();

        List<CSVRecord> firstFive = rows(http.get(KEY, "/contacts/export?limit=5"));
        List<CSVRecord> between = rows(http.get(KEY, "/contacts/export?created_after=" + tenth
                + "&created_before=" + twentieth));
        List<CSVRecord> inOtherOffset = rows(http.get(KEY, "/contacts/export?limit=1&created_after="
                + tenth.atOffset(java.time.ZoneOffset.ofHours(2)).toString().replace("+", "%2B")));

        assertThat(firstFive).extracting(row -> row.get("email")).containsExactlyElementsOf(
                SeededContacts.first(5).stream().map(SandboxContact::email).toList());
        assertThat(between).extracting(row -> row.get("email")).containsExactlyElementsOf(
                SeededContacts.first(19).subList(10, 19).stream().map(SandboxContact::email).toList());
        assertThat(inOtherOffset).extracting(row -> row.get("email")).containsExactly(SeededContacts.number(11).email());
    }

    @Test
    void refusesALimitOverFiftyThousandAndATimeThatIsNotIso8601() {
        assertError(http.get(KEY, "/contacts/export?limit=50001"), 400, "invalid_parameter");
        HttpResponse<String> badTime = http.get(KEY, "/contacts/export?created_after=yesterday");

        assertError(badTime, 400, "invalid_parameter");
        assertThat(json(badTime).path("error").path("message").asString()).contains("created_after", "ISO 8601");
    }

    @Test
    void allowsTenExportsAnHourPerWorkspaceThen429UntilTheNextHour() {
        clock.set(Instant.parse("2026-11-26T10:20:00Z"));
        for (int i = 0; i < 10; i++) {
            assertThat(http.get(i % 2 == 0 ? KEY : "wbk_sandbox_pro", "/contacts/export?limit=1").statusCode())
                    .as("export %d", i + 1).isEqualTo(200);
        }

        HttpResponse<String> eleventh = http.get("wbk_sandbox_pro", "/contacts/export?limit=1");

        assertError(eleventh, 429, "rate_limited");
        assertThat(json(eleventh).path("error").path("message").asString()).contains("10 calls per hour");
        assertThat(eleventh.headers().firstValue("Retry-After")).as("40 minutes to 11:00").hasValue("2400");
        assertThat(eleventh.headers().firstValue("X-RateLimit-Remaining")).as("the key's own quota is not used up")
                .hasValueSatisfying(remaining -> assertThat(Integer.parseInt(remaining)).isPositive());
        assertThat(http.get(KEY, "/contacts?search=ada").statusCode()).as("search has no hourly limit").isEqualTo(200);

        clock.set(Instant.parse("2026-11-26T11:00:00Z"));
        assertThat(http.get(KEY, "/contacts/export?limit=1").statusCode()).isEqualTo(200);
    }

    @Test
    void countsEveryContactsCallAgainstTheKeysQuota() {
        String starter = "wbk_sandbox_starter";
        http.get(starter, "/contacts/export?limit=1");
        http.get(starter, "/contacts?search=x");
        http.postTo(starter, "/contacts/bulk", bulk("new.person@example.org"));
        for (int i = 0; i < 7; i++) {
            assertThat(http.get(starter, "/contacts?search=x").statusCode()).isEqualTo(200);
        }

        HttpResponse<String> eleventh = http.get(starter, "/contacts?search=x");

        assertError(eleventh, 429, "rate_limited");
        assertThat(eleventh.headers().firstValue("X-RateLimit-Remaining")).hasValue("0");
        assertThat(eleventh.headers().firstValue("Retry-After")).hasValue("60");
    }

    @Test
    void refusesKeysWithoutTheContactsPermissions() {
        sandbox.addKey(new Key("wbk_sandbox_campaigns_only", List.of(SandboxProperties.WRITE_PERMISSION), 0, 0));

        HttpResponse<String> export = http.get("wbk_sandbox_campaigns_only", "/contacts/export");
        HttpResponse<String> create = http.postTo("wbk_sandbox_readonly", "/contacts/bulk", bulk("a@example.org"));

        assertError(export, 403, "insufficient_permissions");
        assertThat(json(export).path("error").path("message").asString()).contains("contacts:read");
        assertError(create, 403, "insufficient_permissions");
        assertThat(json(create).path("error").path("message").asString()).contains("contacts:write");
        assertThat(http.get("wbk_sandbox_readonly", "/contacts/export?limit=1").statusCode()).isEqualTo(200);
        assertError(http.get("wbk_sandbox_revoked", "/contacts?search=a"), 401, "invalid_key");
        assertError(http.get(null, "/contacts/export"), 401, "invalid_key");
        assertThat(sandbox.contacts().findByEmail("a@example.org")).isEmpty();
    }

    @Test
    void searchesAddressesAndNamesAnyCaseInPages() {
        SandboxContact grace = SeededContacts.number(2);

        HttpResponse<String> exact = http.get(KEY, "/contacts?search=" + grace.email().toUpperCase());
        HttpResponse<String> page2 = http.get(KEY, "/contacts?search=example.com&page=2&per_page=100");

        JsonNode found = json(exact);
        assertThat(found.path("data").path("contacts")).hasSize(1);
        assertThat(found.path("data").path("contacts").get(0).path("id").asString()).isEqualTo(grace.id().toString());
        assertThat(found.path("data").path("contacts").get(0).path("email").asString()).isEqualTo(grace.email());
        assertThat(found.path("meta").path("total").asInt()).isEqualTo(1);
        assertThat(json(page2).path("data").path("contacts")).hasSize(100);
        assertThat(json(page2).path("data").path("contacts").get(0).path("email").asString())
                .isEqualTo(SeededContacts.number(101).email());
        assertThat(json(page2).path("meta").path("total").asInt()).isEqualTo(SandboxProperties.DEFAULT_SEEDED_CONTACTS);
        assertError(http.get(KEY, "/contacts?search=a&per_page=101"), 400, "invalid_parameter");
    }

    @Test
    void createsNewContactsAndSkipsKnownAddressesSilently() {
        clock.set(Instant.parse("2026-11-26T10:30:00Z"));
        String known = "  " + SeededContacts.number(7).email().toUpperCase() + " ";
        String body = "{\"contacts\": [{\"full_name\": \"New One\", \"email\": \"new.one@example.org\"},"
                + "{\"full_name\": \"Known\", \"email\": \"" + known + "\"},"
                + "{\"email\": \"NEW.ONE@example.org\"},"
                + "{\"full_name\": \"New Two\", \"email\": \"new.two@example.org\", \"tags\": [\"a\", \"b\"]}]}";

        HttpResponse<String> response = http.postTo(KEY, "/contacts/bulk", body);

        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        JsonNode data = json(response).path("data");
        assertThat(data.path("created").asInt()).isEqualTo(2);
        assertThat(data.path("contacts").valueStream().map(c -> c.path("email").asString()).toList())
                .containsExactly("new.one@example.org", "new.two@example.org");
        String newId = data.path("contacts").get(0).path("id").asString();
        assertThat(sandbox.contacts().findByEmail("new.one@example.org")).hasValueSatisfying(contact -> {
            assertThat(contact.id().toString()).isEqualTo(newId);
            assertThat(contact.fullName()).isEqualTo("New One");
            assertThat(contact.createdAt()).isEqualTo(clock.instant());
        });
        assertThat(sandbox.contacts().count()).isEqualTo(SandboxProperties.DEFAULT_SEEDED_CONTACTS + 2);
        List<CSVRecord> newest = rows(http.get(KEY, "/contacts/export?created_after="
                + SeededContacts.number(SandboxProperties.DEFAULT_SEEDED_CONTACTS).createdAt()));
        assertThat(newest).extracting(row -> row.get("email"), row -> row.get("created_at"), row -> row.get("tags"))
                .containsExactly(tuple("new.one@example.org", "2026-11-26T10:30:00Z", ""),
                        tuple("new.two@example.org", "2026-11-26T10:30:00Z", "a,b"));

        HttpResponse<String> again = http.postTo(KEY, "/contacts/bulk", bulk("new.two@example.org"));
        assertThat(json(again).path("data").path("created").asInt()).isZero();
        assertThat(json(again).path("data").path("contacts")).isEmpty();
    }

    @Test
    void refusesBulkBodiesItCannotCreateFromAndCreatesNothing() {
        StringBuilder tooMany = new StringBuilder("{\"contacts\": [");
        for (int i = 0; i < 501; i++) {
            tooMany.append(i == 0 ? "" : ",").append("{\"email\": \"p").append(i).append("@example.org\"}");
        }
        tooMany.append("]}");

        assertError(http.postTo(KEY, "/contacts/bulk", tooMany.toString()), 400, "too_many_contacts");
        assertError(http.postTo(KEY, "/contacts/bulk", "{\"contacts\": []}"), 400, "missing_required_field");
        assertError(http.postTo(KEY, "/contacts/bulk", "{\"contacts\": [{\"email\": \"ok@example.org\"}, "
                + "{\"full_name\": \"No Address\"}]}"), 400, "missing_required_field");
        assertError(http.postTo(KEY, "/contacts/bulk", "[1"), 400, "missing_required_field");
        assertThat(sandbox.contacts().count()).isEqualTo(SandboxProperties.DEFAULT_SEEDED_CONTACTS);
    }

    @Test
    void logsContactsRequestsApartFromEnrollments() {
        clock.set(Instant.parse("2026-11-26T10:00:05Z"));
        http.get(KEY, "/contacts/export?limit=3");
        http.get(KEY, "/contacts?search=ada");
        http.postTo(KEY, "/contacts/bulk", bulk("logged@example.org"));

        assertThat(sandbox.contactRequests()).extracting(ContactRequest::endpoint, ContactRequest::query,
                ContactRequest::sent, ContactRequest::returned, ContactRequest::status, ContactRequest::maskedKey)
                .containsExactly(
                        tuple(Endpoint.EXPORT, "limit=3", 0, 3, 200, "wbk_…ered"),
                        tuple(Endpoint.SEARCH, "search=ada", 0, 25, 200, "wbk_…ered"),
                        tuple(Endpoint.BULK_CREATE, null, 1, 1, 201, "wbk_…ered"));
        assertThat(sandbox.receivedRequests()).as("the add-contacts log").isEmpty();

        sandbox.reset();

        assertThat(sandbox.contactRequests()).isEmpty();
        assertThat(sandbox.contacts().findByEmail("logged@example.org")).isEmpty();
        assertThat(sandbox.contacts().count()).isEqualTo(SandboxProperties.DEFAULT_SEEDED_CONTACTS);
    }

    @Test
    void scriptedFaultsReachTheContactsEndpointsToo() {
        sandbox.failNext(1, ScriptedFault.status(503));
        sandbox.failNext(1, ScriptedFault.dropAfterProcessing());

        assertError(http.get(KEY, "/contacts/export"), 503, "service_unavailable");
        assertThat(catchDropped(() -> http.postTo(KEY, "/contacts/bulk", bulk("dropped@example.org"))))
                .as("no complete answer").isTrue();
        assertThat(sandbox.contacts().findByEmail("dropped@example.org")).as("created all the same").isPresent();
    }

    @Test
    void answersOtherMethodsOnTheContactsPathsWith405() {
        HttpResponse<String> postExport = http.postTo(KEY, "/contacts/export", "{}");

        assertError(postExport, 405, "method_not_allowed");
        assertThat(postExport.headers().firstValue("Allow")).hasValue("GET");
        assertError(http.get(KEY, "/contacts/bulk"), 405, "method_not_allowed");
    }

    private static boolean catchDropped(Runnable call) {
        try {
            call.run();
            return false;
        } catch (UncheckedIOException e) {
            return true;
        }
    }

    private static String bulk(String email) {
        return "{\"contacts\": [{\"full_name\": \"Someone\", \"email\": \"" + email + "\"}]}";
    }

    static List<CSVRecord> rows(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(response.body()))
                .setFormat(CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()).get()) {
            assertThat(parser.getHeaderNames()).containsExactly(HEADER.split(","));
            return parser.getRecords();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

}

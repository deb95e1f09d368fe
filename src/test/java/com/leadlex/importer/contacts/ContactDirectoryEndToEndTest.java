package com.leadlex.importer.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

import com.leadlex.importer.importjob.ImportIntegrationTest;
import com.leadlex.importer.leadlex.BackoffPolicy;
import com.leadlex.importer.leadlex.FoundContact;
import com.leadlex.importer.leadlex.LeadLexBaseUrl;
import com.leadlex.importer.leadlex.LeadLexContactsClient;
import com.leadlex.importer.leadlex.LeadLexError;
import com.leadlex.importer.leadlex.LeadLexException;
import com.leadlex.importer.leadlex.LeadLexProperties;
import com.leadlex.importer.leadlex.LeadLexTransport;
import com.leadlex.importer.leadlex.QuotaGateRegistry;
import com.leadlex.importer.sandbox.ContactRequestLog.ContactRequest;
import com.leadlex.importer.sandbox.ContactRequestLog.Endpoint;
import com.leadlex.importer.sandbox.NewSandboxContact;
import com.leadlex.importer.sandbox.SandboxContact;
import com.leadlex.importer.sandbox.SandboxProperties;
import com.leadlex.importer.sandbox.SandboxProperties.Key;
import com.leadlex.importer.sandbox.ScriptedFault;
import com.leadlex.importer.sandbox.SeededContacts;
import com.leadlex.importer.system.IndependentWrites;
import com.leadlex.importer.system.Sleeper;
import com.leadlex.importer.system.TestDatabase;

/**
 * The contact directory against the sandbox over real HTTP, on the database of this run: filled by
 * one export, refreshed incrementally, paced to the export's hourly limit, waiting for LeadLex's
 * Retry-After, shared between two nodes that never export at once. Each test has a key (and so a
 * directory) of its own; "nodes" are directories with different owners on the one database.
 */
@Tag(TestDatabase.TAG)
class ContactDirectoryEndToEndTest extends ImportIntegrationTest {

    private static final AtomicInteger KEYS = new AtomicInteger();
    private static final List<String> ALL = List.of(SandboxProperties.WRITE_PERMISSION,
            SandboxProperties.READ_CONTACTS_PERMISSION, SandboxProperties.WRITE_CONTACTS_PERMISSION);

    @Autowired
    ContactDirectoryRepository repository;
    @Autowired
    LeadLexProperties leadLex;
    @Autowired
    LeadLexTransport transport;
    @Autowired
    QuotaGateRegistry gates;
    @Autowired
    Environment environment;
    @Autowired
    Sleeper sleeper;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    IndependentWrites writes;

    String key;
    ContactDirectory directory;

    @BeforeEach
    void ownKeyAndDirectory() {
        key = "wbk_directory_test_" + KEYS.incrementAndGet();
        sandbox.addKey(new Key(key, ALL, 0, 0));
        directory = node("node-a", ContactsProperties.defaults(), sleeper);
        clock.advance(Duration.ofDays(1));
    }

    @Test
    void theFirstRefreshFillsTheDirectoryFromOneExportCall() {
        List<SandboxContact> seeded = SeededContacts.first(SandboxProperties.DEFAULT_SEEDED_CONTACTS);
        List<String> emails = seeded.stream().map(SandboxContact::email).toList();
        assertThat(directory.lookUp(emails)).isEmpty();

        RefreshResult result = directory.refresh(clock.instant());

        assertThat(result).isEqualTo(new RefreshResult(1, SandboxProperties.DEFAULT_SEEDED_CONTACTS));
        Map<String, DirectoryEntry> found = directory.lookUp(emails);
        assertThat(found).hasSize(seeded.size());
        assertThat(found.get(seeded.get(41).email())).satisfies(entry -> {
            assertThat(entry.contactId()).isEqualTo(seeded.get(41).id().toString());
            assertThat(entry.source()).isEqualTo(DirectorySource.EXPORT);
            assertThat(entry.createdAt()).isEqualTo(seeded.get(41).createdAt());
            assertThat(entry.seenAt()).isEqualTo(clock.instant());
        });
        assertThat(exports()).extracting(ContactRequest::query).containsExactly("limit=50000");
        assertThat(directory.state().highWater()).isEqualTo(seeded.get(seeded.size() - 1).createdAt());
        assertThat(directory.state().refreshedAt()).isEqualTo(clock.instant());
    }

    @Test
    void laterRefreshesAskOnlyForContactsCreatedSinceTheNewestSeen() {
        directory.refresh(clock.instant());
        clock.advance(Duration.ofMinutes(5));
        sandbox.contacts().create(List.of(NewSandboxContact.of("New One", "New.One@Example.org"),
                NewSandboxContact.of("New Two", "new.two@example.org")), clock.instant());
        Instant newest = SeededContacts.number(SandboxProperties.DEFAULT_SEEDED_CONTACTS).createdAt();

        RefreshResult result = directory.refresh(clock.instant());

        assertThat(exports()).hasSize(2);
        assertThat(exports().get(1).query()).isEqualTo("limit=50000&created_after="
                + newest.minus(DirectoryRefresh.INCREMENTAL_OVERLAP).toString().replace(":", "%3A"));
        assertThat(result.exportCalls()).isEqualTo(1);
        assertThat(result.rows()).as("the last minute of seeded contacts again, and the two new ones").isEqualTo(1 + 2);
        assertThat(directory.lookUp(List.of("new.one@example.org", "new.two@example.org")))
                .extractingByKey("new.one@example.org").extracting(DirectoryEntry::contactId)
                .isEqualTo(sandbox.contacts().findByEmail("new.one@example.org").orElseThrow().id().toString());
        assertThat(directory.size()).isEqualTo(SandboxProperties.DEFAULT_SEEDED_CONTACTS + 2);
    }

    @Test
    void aRefreshThatStartedAfterTheNeedServesItWithoutAnotherExport() {
        Instant needed = clock.instant();
        clock.advance(Duration.ofSeconds(10));
        directory.refresh(clock.instant());

        RefreshResult again = directory.refresh(needed);

        assertThat(again).isEqualTo(RefreshResult.ALREADY_FRESH);
        assertThat(exports()).hasSize(1);
    }

    @Test
    void pacesExportsToTheHourlyLimitAndDefersWhatCannotWaitInThread() {
        ContactDirectory paced = node("node-a", new ContactsProperties(false, 2, Duration.ofMinutes(5),
                Duration.ofSeconds(2)), sleeper);
        Instant first = clock.instant();
        paced.refresh(clock.instant());
        clock.advance(Duration.ofMinutes(10));
        paced.refresh(clock.instant());
        clock.advance(Duration.ofMinutes(10));

        DirectoryRefreshDeferredException deferred = catchThrowableOfType(DirectoryRefreshDeferredException.class,
                () -> paced.refresh(clock.instant()));

        assertThat(deferred.until()).isEqualTo(first.plus(Duration.ofHours(1)));
        assertThat(deferred.getMessage()).contains("2 contacts exports in the last hour",
                "importer.contacts.exports-per-hour", "rather than call addresses unknown");
        assertThat(exports()).hasSize(2);

        clock.set(deferred.until());
        assertThat(paced.refresh(clock.instant()).exportCalls()).isEqualTo(1);
        assertThat(exports()).hasSize(3);
    }

    @Test
    void waitsForTheExportsOwnLimitAndEveryNodeKeepsToItsRetryAfter() {
        ContactsProperties generous = new ContactsProperties(false, 50, Duration.ofMinutes(5), Duration.ofSeconds(2));
        ContactDirectory nodeA = node("node-a", generous, sleeper);
        ContactDirectory nodeB = node("node-b", generous, sleeper);
        Instant nextHour = clock.instant().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofHours(2));
        clock.set(nextHour.minus(Duration.ofMinutes(10)));
        for (int i = 0; i < SandboxProperties.DEFAULT_EXPORTS_PER_HOUR; i++) {
            nodeA.refresh(clock.instant());
            clock.advance(Duration.ofSeconds(30));
        }

        DirectoryRefreshDeferredException deferred = catchThrowableOfType(DirectoryRefreshDeferredException.class,
                () -> nodeA.refresh(clock.instant()));
        DirectoryRefreshDeferredException otherNode = catchThrowableOfType(DirectoryRefreshDeferredException.class,
                () -> nodeB.refresh(clock.instant()));

        assertThat(deferred.until()).as("the sandbox's Retry-After: the next hour").isEqualTo(nextHour);
        assertThat(deferred.getMessage()).contains("LeadLex's Retry-After for the contacts export");
        assertThat(otherNode.until()).isEqualTo(nextHour);
        assertThat(exports()).extracting(ContactRequest::status)
                .as("ten exports, one 429, and node B sent nothing")
                .containsExactly(200, 200, 200, 200, 200, 200, 200, 200, 200, 200, 429);

        clock.set(nextHour);
        assertThat(nodeB.refresh(clock.instant()).exportCalls()).isEqualTo(1);
    }

    @Test
    void twoNodesNeverExportAtOnceAndTheSecondTakesTheFirstsResult() throws Exception {
        ContactsProperties quickPoll = new ContactsProperties(false, 10, Duration.ofMinutes(5), Duration.ofMillis(50));
        ContactDirectory nodeA = node("node-a", quickPoll, sleeper);
        ContactDirectory nodeB = node("node-b", quickPoll, Sleeper.threadSleeper());
        Instant needed = clock.instant();
        sandbox.failNext(1, ScriptedFault.delay(Duration.ofSeconds(2)));

        CompletableFuture<RefreshResult> first = CompletableFuture.supplyAsync(() -> nodeA.refresh(needed));
        await().atMost(20, TimeUnit.SECONDS).until(() -> !exports().isEmpty());
        assertThat(directory.state().refreshingBy()).isEqualTo("node-a");
        RefreshResult second = nodeB.refresh(needed);

        assertThat(first.get(20, TimeUnit.SECONDS).exportCalls()).isEqualTo(1);
        assertThat(second).as("node B waited for node A's export instead of making its own")
                .isEqualTo(RefreshResult.ALREADY_FRESH);
        assertThat(exports()).hasSize(1);
        assertThat(nodeB.lookUp(List.of(SeededContacts.number(1).email()))).hasSize(1);
    }

    /**
     * Node A finishes its refresh (and gives its claim back) right between node B's look at the
     * directory and B's claim: B's claim then succeeds, and B must still take A's result rather than
     * export again. Seen under load in the test above; here the moment is made to happen every time.
     */
    @Test
    void aRefreshFinishedBetweenAnotherNodesLookAndItsClaimServesThatNodeToo() {
        ContactsProperties quickPoll = new ContactsProperties(false, 10, Duration.ofMinutes(5), Duration.ofMillis(50));
        ContactDirectory nodeA = node("node-a", quickPoll, sleeper);
        Instant needed = clock.instant();
        AtomicInteger claims = new AtomicInteger();
        ContactDirectoryRepository finishedJustBeforeTheClaim = new ContactDirectoryRepository(jdbc, writes) {
            @Override
            public boolean claimRefresh(String keyHash, String keyMask, String owner, Instant until, Instant now) {
                if (claims.incrementAndGet() == 1) {
                    assertThat(nodeA.refresh(needed).exportCalls()).isEqualTo(1);
                }
                return super.claimRefresh(keyHash, keyMask, owner, until, now);
            }
        };
        ContactDirectory nodeB = node("node-b", quickPoll, sleeper, finishedJustBeforeTheClaim);

        RefreshResult second = nodeB.refresh(needed);

        assertThat(claims).hasValue(1);
        assertThat(second).as("node B took node A's refresh instead of making its own")
                .isEqualTo(RefreshResult.ALREADY_FRESH);
        assertThat(exports()).hasSize(1);
        assertThat(directory.state().refreshingBy()).as("node B gave its claim back").isNull();
    }

    @Test
    void aDeadNodesRefreshIsTakenOverOnceItsClaimRunsOut() {
        Instant claimedUntil = clock.instant().plus(Duration.ofMinutes(5));
        assertThat(repository.claimRefresh(com.leadlex.importer.leadlex.ApiKeyHash.of(key), "wbk_…", "node-dead",
                claimedUntil, clock.instant())).isTrue();

        DirectoryRefreshDeferredException deferred = catchThrowableOfType(DirectoryRefreshDeferredException.class,
                () -> directory.refresh(clock.instant()));

        assertThat(deferred.until()).isEqualTo(claimedUntil);
        assertThat(deferred.getMessage()).contains("another importer (node-dead) is refreshing");
        assertThat(exports()).isEmpty();

        clock.set(claimedUntil.plusSeconds(1));
        assertThat(directory.refresh(clock.instant()).exportCalls()).isEqualTo(1);
        assertThat(directory.state().refreshingBy()).isNull();
    }

    @Test
    void aKeyWithoutTheReadPermissionFailsWithTheReasonAndLeavesNothingHalfDone() {
        sandbox.addKey(new Key(key, List.of(SandboxProperties.WRITE_PERMISSION), 0, 0));

        LeadLexException refused = catchThrowableOfType(LeadLexException.class, () -> directory.refresh(clock.instant()));

        assertThat(refused.error()).isEqualTo(LeadLexError.CONTACTS_NOT_READABLE);
        assertThat(refused.getMessage()).contains("HTTP 403", "contacts:read");
        DirectoryState state = directory.state();
        assertThat(state.refreshedAt()).isNull();
        assertThat(state.refreshingBy()).as("the claim is given back").isNull();
        assertThat(state.lastError()).contains("contacts:read");
        assertThat(directory.size()).isZero();
    }

    @Test
    void contactsLearntOtherwiseAreFoundByTheirNormalizedAddress() {
        directory.remember(List.of(new FoundContact("123e4567-e89b-12d3-a456-426614174000", " Made.Here@Example.org ",
                "Made Here")), DirectorySource.CREATED);

        assertThat(directory.lookUp(List.of("made.here@example.org"))).extractingByKey("made.here@example.org")
                .satisfies(entry -> {
                    assertThat(entry.contactId()).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
                    assertThat(entry.source()).isEqualTo(DirectorySource.CREATED);
                });
    }

    private List<ContactRequest> exports() {
        String masked = "wbk_…" + key.substring(key.length() - 4);
        return sandbox.contactRequests().stream()
                .filter(request -> request.endpoint() == Endpoint.EXPORT && request.maskedKey().equals(masked))
                .toList();
    }

    private ContactDirectory node(String owner, ContactsProperties properties, Sleeper waits) {
        return node(owner, properties, waits, repository);
    }

    private ContactDirectory node(String owner, ContactsProperties properties, Sleeper waits,
            ContactDirectoryRepository repository) {
        LeadLexProperties withKey = new LeadLexProperties(leadLex.baseUrl(), key, leadLex.plan(), null, null,
                leadLex.maxWait(), leadLex.connectTimeout(), leadLex.readTimeout(), leadLex.maxAttempts(),
                leadLex.backoffBase(), leadLex.backoffCap(), leadLex.maxRateLimitRetries());
        LeadLexContactsClient client = new LeadLexContactsClient(withKey, new LeadLexBaseUrl(withKey, environment),
                transport, gates, new BackoffPolicy(withKey.backoffBase(), withKey.backoffCap(), new Random(3)), clock,
                sleeper);
        return new ContactDirectory(repository, client, properties, withKey, owner, clock, waits);
    }
}

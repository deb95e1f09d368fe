package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.TestPropertySource;

import com.leadlex.importer.intake.IntakeResult;
import com.leadlex.importer.ledger.ImportEmailRepository;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.ContactRequestLog.ContactRequest;
import com.leadlex.importer.sandbox.ContactRequestLog.Endpoint;
import com.leadlex.importer.sandbox.SandboxProperties;
import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;
import com.leadlex.importer.sandbox.ScriptedFault;
import com.leadlex.importer.system.TestDatabase;

/**
 * E-mail keyed lists with importer.contacts.create-missing: unknown addresses created in bulk (500 per
 * call) and enrolled, and never created twice when the import goes on after a bulk call whose answer
 * was lost.
 */
@Tag(TestDatabase.TAG)
@TestPropertySource(properties = { "importer.contacts.create-missing=true",
        // a source that says otherwise for its own lists (not watched here: its lists are handed in as its)
        "importer.sources.careful-drop.kind=folder", "importer.sources.careful-drop.enabled=false",
        "importer.sources.careful-drop.directory=target/careful-drop", "importer.sources.careful-drop.campaign=cmp_x",
        "importer.sources.careful-drop.create-missing=false" })
class EmailListCreateMissingEndToEndTest extends ImportIntegrationTest {

    @Autowired
    ImportEmailRepository emails;

    @BeforeEach
    void laterThanTheLastRefresh() {
        clock.advance(Duration.ofMinutes(1));
    }

    @Test
    void theThreeHundredUnknownAreCreatedInOneBulkCallAndEighteenHundredEnrolledInFourRequests() {
        sandbox.createCampaign("cmp_email_create");

        ImportRecord done = importNow(write("emails-create.csv",
                EmailListImportEndToEndTest.twoThousandRows("created.example")), "cmp_email_create", false);

        assertThat(done.status()).as(done.lastError()).isEqualTo(ImportStatus.COMPLETED);
        List<ContactRequest> contactRequests = sandbox.contactRequests();
        assertThat(contactRequests).extracting(ContactRequest::endpoint).containsExactly(Endpoint.EXPORT,
                Endpoint.BULK_CREATE);
        assertThat(contactRequests.get(1).sent()).isEqualTo(300);
        assertThat(contactRequests.get(1).returned()).isEqualTo(300);
        assertThat(sandbox.contacts().count()).isEqualTo(SandboxProperties.DEFAULT_SEEDED_CONTACTS + 300);
        assertThat(sandbox.contacts().findByEmail("new.person7@created.example").orElseThrow().fullName())
                .isEqualTo("New Person 7");
        assertThat(requestsFor("cmp_email_create")).extracting(ReceivedRequest::contactCount)
                .containsExactly(500, 500, 500, 300);
        assertThat(sandbox.enrolledCount("cmp_email_create")).isEqualTo(1_800);
        List<String> results = lines(resultsFile(done));
        assertThat(results).filteredOn(l -> l.contains(",added,") && l.endsWith(",created")).hasSize(300);
        assertThat(results).filteredOn(l -> l.contains(",added,") && l.endsWith(",directory")).hasSize(1_500);
        assertThat(results).filteredOn(l -> l.contains(",unknown_email,")).isEmpty();
        assertThat(results).filteredOn(l -> l.contains(",invalid,invalid_email,")).hasSize(50);
        assertThat(emails.requests(done.id())).as("look-ups, creations").containsExactly(1, 1);
        assertThat(summaries.describe(done).oneLine()).contains("(and 1 look-up, 1 creation request(s)");
    }

    @Test
    void aSourceWhoseOwnSettingSaysNoCreatesNothingForItsLists() throws IOException {
        sandbox.createCampaign("cmp_email_careful");
        Path list = write("emails-careful.csv", EmailListImportEndToEndTest.twoThousandRows("careful.example"));

        IntakeResult result;
        try (InputStream content = Files.newInputStream(list)) {
            result = intake.accept(content, "emails-careful.csv", "cmp_email_careful", "careful-drop", false, true);
        }
        ImportRecord done = imports.findById(result.launch().importId()).orElseThrow();

        assertThat(done.status()).as(done.lastError()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(sandbox.contactRequests()).extracting(ContactRequest::endpoint).doesNotContain(Endpoint.BULK_CREATE);
        assertThat(sandbox.enrolledCount("cmp_email_careful")).isEqualTo(1_500);
        assertThat(lines(resultsFile(done))).filteredOn(l -> l.contains(",unknown_email,")).hasSize(300);
    }

    @Test
    void aBulkCallWhoseAnswerWasLostIsLookedUpWhenTheImportGoesOnNeverSentAgain() {
        sandbox.createCampaign("cmp_email_crash");
        String csv = "email,first_name,last_name\n" + "lost.one@crash.example,Lost,One\n"
                + "lost.two@crash.example,Lost,Two\n" + "Lost.Three@crash.example,Lost,Three\n";
        // the export is answered; every attempt of the bulk call is processed by LeadLex and its answer lost
        sandbox.failNext(1, ScriptedFault.delay(Duration.ofMillis(1)));
        sandbox.failNext(3, ScriptedFault.dropAfterProcessing());

        ImportRecord failed = importNow(write("emails-crash.csv", csv), "cmp_email_crash", false);

        assertThat(sandbox.pendingFaults()).isZero();
        assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
        long bulkCalls = sandbox.contactRequests().stream().filter(r -> r.endpoint() == Endpoint.BULK_CREATE).count();
        assertThat(bulkCalls).isPositive();
        assertThat(sandbox.contacts().count()).isEqualTo(SandboxProperties.DEFAULT_SEEDED_CONTACTS + 3);
        assertThat(emails.find(failed.id())).allSatisfy(row -> assertThat(row.bulkBatch()).isEqualTo(1));
        sandbox.clearContactRequests();
        clock.advance(Duration.ofMinutes(1));

        ImportRecord resumed = importNow(write("emails-crash.csv", csv), "cmp_email_crash", false);

        assertThat(resumed.id()).isEqualTo(failed.id());
        assertThat(resumed.status()).as(resumed.lastError()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(sandbox.contactRequests()).extracting(ContactRequest::endpoint)
                .as("looked up (an incremental export), not created again").containsExactly(Endpoint.EXPORT)
                .doesNotContain(Endpoint.BULK_CREATE);
        assertThat(sandbox.contacts().count()).isEqualTo(SandboxProperties.DEFAULT_SEEDED_CONTACTS + 3);
        assertThat(sandbox.enrolledCount("cmp_email_crash")).isEqualTo(3);
        assertThat(lines(resultsFile(resumed))).filteredOn(l -> l.contains(",added,") && l.endsWith(",created"))
                .hasSize(3);
    }
}

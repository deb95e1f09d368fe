package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import com.leadlex.importer.intake.DryRunReport;
import com.leadlex.importer.intake.ImportDryRun;
import com.leadlex.importer.ledger.ImportEmailRepository;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sandbox.ContactRequestLog.ContactRequest;
import com.leadlex.importer.sandbox.ContactRequestLog.Endpoint;
import com.leadlex.importer.sandbox.SandboxContact;
import com.leadlex.importer.sandbox.SandboxProperties;
import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;
import com.leadlex.importer.sandbox.ScriptedFault;
import com.leadlex.importer.sandbox.SeededContacts;
import com.leadlex.importer.system.TestDatabase;

/**
 * E-mail keyed lists against the sandbox over real HTTP, on the database of this run: resolved through
 * the contact directory before any add-contacts request, unknown and invalid addresses reported, a
 * rate-limited export waited for, a refused one failing the import with its reason. Contacts are not
 * created here (importer.contacts.create-missing is false): {@link EmailListCreateMissingEndToEndTest}.
 */
@Tag(TestDatabase.TAG)
class EmailListImportEndToEndTest extends ImportIntegrationTest {

    @Autowired
    ImportEmailRepository emails;
    @Autowired
    ImportDryRun dryRun;

    @BeforeEach
    void laterThanTheLastRefresh() {
        clock.advance(Duration.ofMinutes(1));
    }

    /** 1,500 known addresses (mixed case, stray spaces), 300 unknown, 150 repeats, 50 invalid: 2,000 rows. */
    static String twoThousandRows(String unknownDomain) {
        List<SandboxContact> seeded = SeededContacts.first(SandboxProperties.DEFAULT_SEEDED_CONTACTS);
        List<String> rows = new ArrayList<>();
        for (int i = 0; i < 1_500; i++) {
            String email = seeded.get(i).email();
            String mixed = i % 2 == 0 ? email.toUpperCase(Locale.ROOT) : Character.toUpperCase(email.charAt(0))
                    + email.substring(1);
            rows.add((i % 3 == 0 ? "  " + mixed + " " : mixed) + ",Known " + i);
        }
        for (int i = 0; i < 300; i++) {
            rows.add("New.Person" + i + "@" + unknownDomain + ",New Person " + i);
        }
        for (int i = 0; i < 50; i++) {
            rows.add("broken" + i + "@@example.com,Broken " + i);
        }
        Collections.shuffle(rows, new Random(15));
        // repeats come after the rows they repeat, so the first of each address is a known row
        for (int i = 0; i < 150; i++) {
            rows.add(" " + seeded.get(i * 7).email().toUpperCase(Locale.ROOT) + ",Again " + i);
        }
        return "email,full_name\n" + String.join("\n", rows) + "\n";
    }

    @Test
    void twoThousandRowsEnrollTheFifteenHundredKnownInThreeRequestsAndReportTheRest() {
        sandbox.createCampaign("cmp_email_2000");
        Path list = write("emails-2000.csv", twoThousandRows("unknown.example"));
        DryRunReport dry;
        try (var content = Files.newInputStream(list)) {
            dry = dryRun.check(content, "emails-2000.csv", "cmp_email_2000");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(dry.emailsToResolve()).isEqualTo(1_800);
        assertThat(dry.contactsToCreate()).as("create-missing is off").isZero();
        assertThat(dry.lookUpRequests()).as("one export").isEqualTo(1);
        assertThat(dry.createRequests()).isZero();
        assertThat(dry.text()).contains("1800 e-mail address(es) to resolve, 0 contact(s) to create: 1 export request");
        assertThat(sandbox.contactRequests()).as("a dry run calls nothing").isEmpty();

        ImportRecord done = importNow(list, "cmp_email_2000", false);

        assertThat(done.status()).as(done.lastError()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(requestsFor("cmp_email_2000")).extracting(ReceivedRequest::contactCount)
                .containsExactly(500, 500, 500);
        assertThat(sandbox.enrolledCount("cmp_email_2000")).isEqualTo(1_500);
        List<String> seededIds = SeededContacts.first(1_500).stream().map(c -> c.id().toString()).toList();
        assertThat(seededIds).as("the resolved IDs were enrolled, never an e-mail row's placeholder key")
                .allSatisfy(id -> assertThat(sandbox.isEnrolled("cmp_email_2000", id)).isTrue());
        assertThat(sandbox.contactRequests()).extracting(ContactRequest::endpoint)
                .as("one export fills the directory; nothing is created").containsExactly(Endpoint.EXPORT);

        List<String> results = lines(resultsFile(done));
        assertThat(results).hasSize(1 + 2_000);
        assertThat(results.get(0)).isEqualTo("line,contact_id,outcome,reason,chunk,email,found_by");
        assertThat(results).filteredOn(l -> l.contains(",added,") && l.endsWith(",directory")).hasSize(1_500);
        assertThat(results).filteredOn(l -> l.contains(",unknown_email,")).hasSize(300)
                .allSatisfy(l -> assertThat(l).contains("@unknown.example"));
        assertThat(results).filteredOn(l -> l.contains(",invalid,invalid_email,")).hasSize(50);
        assertThat(results).filteredOn(l -> l.contains(",duplicate_in_list,")).hasSize(150);
        SandboxContact first = SeededContacts.first(1).get(0);
        // the first repeat: the row after the 1,850 shuffled ones (line 1 is the header), with the resolved ID
        assertThat(results).anySatisfy(l -> assertThat(l).startsWith("1852," + first.id() + ",duplicate_in_list,repeats line ")
                .endsWith("," + first.email() + ","));
        assertThat(emails.find(done.id())).hasSize(1_800)
                .filteredOn(row -> ImportEmailRepository.DIRECTORY.equals(row.foundBy())).hasSize(1_500);
        assertThat(emails.requests(done.id())).as("look-ups, creations").containsExactly(1, 0);
        assertThat(summaries.describe(imports.findById(done.id()).orElseThrow()).chunksTotal()).isEqualTo(3);
    }

    @Test
    void aRateLimitedExportPausesTheImportWithTheReasonUntilItsRetryAfterThenItGoesOn() {
        sandbox.createCampaign("cmp_email_wait");
        List<SandboxContact> seeded = SeededContacts.first(40);
        StringBuilder csv = new StringBuilder("email\n");
        seeded.forEach(c -> csv.append(c.email().toUpperCase(Locale.ROOT)).append('\n'));
        sandbox.failNext(1, ScriptedFault.rateLimited(Duration.ofMinutes(30)));

        ImportRecord paused = importNow(write("emails-wait.csv", csv.toString()), "cmp_email_wait", false);

        assertThat(paused.status()).isEqualTo(ImportStatus.PAUSED);
        assertThat(paused.lastErrorCode()).isEqualTo("export_rate_limited");
        assertThat(paused.lastError()).contains("Retry-After");
        assertThat(requestsFor("cmp_email_wait")).as("nothing sent before the addresses are resolved").isEmpty();

        clock.advance(Duration.ofMinutes(31));
        await().atMost(30, TimeUnit.SECONDS).until(
                () -> imports.findById(paused.id()).orElseThrow().status() == ImportStatus.COMPLETED);

        assertThat(sandbox.enrolledCount("cmp_email_wait")).isEqualTo(40);
        assertThat(lines(resultsFile(imports.findById(paused.id()).orElseThrow())))
                .filteredOn(l -> l.contains(",added,")).hasSize(40);
    }

    @Test
    void anExportRefusedWith403FailsTheImportWithTheReasonAndTheAction() {
        sandbox.createCampaign("cmp_email_403");
        sandbox.failNext(1, ScriptedFault.status(403));

        ImportRecord failed = importNow(write("emails-403.csv", "email\nsomeone.new@refused.example\n"),
                "cmp_email_403", false);

        assertThat(failed.status()).isEqualTo(ImportStatus.FAILED);
        assertThat(failed.lastError()).contains("HTTP 403", "contacts:read", "give the key that permission");
        assertThat(requestsFor("cmp_email_403")).isEmpty();
        assertThat(lines(resultsFile(failed))).hasSize(2).last().asString()
                .as("the key is never shown as a contact ID").startsWith("2,,not_sent,");
    }
}

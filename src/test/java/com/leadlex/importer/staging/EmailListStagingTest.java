package com.leadlex.importer.staging;

import static com.leadlex.importer.staging.StagingFixture.duplicates;
import static com.leadlex.importer.staging.StagingFixture.rejects;
import static com.leadlex.importer.staging.StagingFixture.rows;
import static com.leadlex.importer.staging.StagingFixture.spool;
import static com.leadlex.importer.staging.StagingFixture.spoolLines;
import static com.leadlex.importer.staging.StagingFixture.stage;
import static com.leadlex.importer.staging.StagingFixture.utf8;
import static com.leadlex.importer.staging.StagingFixture.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Lists keyed by e-mail address: addresses validated and normalized offline, repeats after
 * normalization reported as duplicates, each address carried through the spool as its key and
 * written with its line and name to {@code emails.csv}; rows with an ID keep it.
 */
class EmailListStagingTest {

    @TempDir
    Path dir;

    @Test
    void stagesACsvOfAddressesNormalizedWithRepeatsAndInvalidRowsReported() {
        String csv = "full_name,Email\n"
                + "Ada Lovelace,  Ada@Example.COM \n"
                + "Grace Hopper,grace@example.com\n"
                + "Ada Again,ada@example.com\n"
                + "Nobody,not-an-address\n"
                + "Dot,.dot@example.com\n"
                + "Blank,\n";

        StagedList staged = stage(dir, "people.csv", csv);

        assertThat(spool(staged)).containsExactly(key("ada@example.com"), key("grace@example.com"));
        assertThat(spoolLines(staged)).containsExactly(2L, 3L);
        assertThat(duplicates(staged)).containsExactly(List.of("4", key("ada@example.com"), "2"));
        assertThat(rejects(staged)).containsExactly(
                List.of("5", "not-an-address", "invalid_email"),
                List.of("6", ".dot@example.com", "invalid_email"),
                List.of("7", "", "empty e-mail"));
        assertThat(emails(staged)).containsExactly(
                List.of("2", "ada@example.com", "Ada Lovelace"),
                List.of("3", "grace@example.com", "Grace Hopper"),
                List.of("4", "ada@example.com", "Ada Again"));
        assertThat(staged.rowsRead()).isEqualTo(6);
        assertThat(staged.validUnique()).isEqualTo(2);
        assertThat(staged.duplicates()).isEqualTo(1);
        assertThat(staged.invalid()).isEqualTo(3);
    }

    @Test
    void theContentHashIsTheSetOfNormalizedAddresses() {
        String one = stage(dir.resolve("1"), "a.csv", "email\nA@x.io\nb@x.io\n").contentHash();
        String sameSet = stage(dir.resolve("2"), "b.csv", "email\n b@X.io\na@x.io\na@x.io\n").contentHash();
        String other = stage(dir.resolve("3"), "c.csv", "email\na@x.io\nc@x.io\n").contentHash();

        assertThat(sameSet).isEqualTo(one);
        assertThat(other).isNotEqualTo(one);
    }

    @Test
    void rowsWithAnIdKeepItAndOnlyRowsWithoutOneGoByAddress() {
        String csv = "email,contact_id,first_name,last_name\n"
                + "ada@example.com," + uuid(1) + ",Ada,Lovelace\n"
                + "grace@example.com,,Grace,Hopper\n"
                + ",,Nobody,\n"
                + "alan@example.com,not-an-id,Alan,\n";

        StagedList staged = stage(dir, "crm.csv", csv);

        assertThat(spool(staged)).containsExactly(uuid(1), key("grace@example.com"));
        assertThat(emails(staged)).containsExactly(List.of("3", "grace@example.com", "Grace Hopper"));
        assertThat(rejects(staged)).containsExactly(
                List.of("4", ",,Nobody,", "no contact ID and no e-mail"),
                List.of("5", "not-an-id", "not a UUID"));
    }

    @Test
    void usesTheConfiguredEmailColumnFirst() {
        StagingProperties properties = new StagingProperties(null, 64, "Work Mail");
        StagedList staged = stage(properties, dir, "list.csv",
                utf8("email,work mail\nprivate@example.com,work@example.com\n"));

        assertThat(spool(staged)).containsExactly(key("work@example.com"));
    }

    @Test
    void readsAHeaderlessListOfAddresses() {
        StagedList staged = stage(dir, "list.csv", "Ada,ada@example.com\nGrace,grace@example.com\n");

        assertThat(spool(staged)).containsExactly(key("ada@example.com"), key("grace@example.com"));
        assertThat(spoolLines(staged)).containsExactly(1L, 2L);
    }

    @Test
    void textListsMixIdsAndAddressesUnderAnEmailHeader() {
        StagedList staged = stage(dir, "list.txt", "email\n" + uuid(1) + "\nAda@Example.com\nada@example.com\nbad@\n");

        assertThat(spool(staged)).containsExactly(uuid(1), key("ada@example.com"));
        assertThat(duplicates(staged)).containsExactly(List.of("4", key("ada@example.com"), "3"));
        assertThat(rejects(staged)).containsExactly(List.of("5", "bad@", "invalid_email"));
        assertThat(emails(staged)).extracting(row -> row.get(2)).containsOnly("");
    }

    @Test
    void jsonObjectsWithAnEmailAndNameFieldsAndAddressStrings() {
        String json = "[\n"
                + "{\"email\": \"ada@example.com\", \"full_name\": \"Ada Lovelace\"},\n"
                + "{\"Email\": \"grace@example.com\", \"first_name\": \"Grace\", \"last_name\": \"Hopper\"},\n"
                + "{\"contact_id\": null, \"email\": \"alan@example.com\"},\n"
                + "\"Katherine@Example.com\",\n"
                + "{\"email\": 42},\n"
                + "{\"email\": \"nope\"}\n"
                + "]";

        StagedList staged = stage(dir, "people.json", json);

        assertThat(spool(staged)).containsExactly(key("ada@example.com"), key("grace@example.com"),
                key("alan@example.com"), key("katherine@example.com"));
        assertThat(emails(staged)).containsExactly(
                List.of("2", "ada@example.com", "Ada Lovelace"),
                List.of("3", "grace@example.com", "Grace Hopper"),
                List.of("4", "alan@example.com", ""),
                List.of("5", "katherine@example.com", ""));
        assertThat(rejects(staged)).containsExactly(
                List.of("6", "{email}", "the email field holds a number, not a string"),
                List.of("7", "nope", "invalid_email"));
    }

    @Test
    void aListOfIdsOnlyWritesAnEmptyEmailsFile() {
        StagedList staged = stage(dir, "ids.csv", "contact_id\n" + uuid(1) + "\n");

        assertThat(emails(staged)).isEmpty();
        assertThat(new ImportFiles(staged.directory()).emails()).exists();
    }

    private static String key(String normalizedEmail) {
        return EmailKeys.of(normalizedEmail).toString();
    }

    private static List<List<String>> emails(StagedList staged) {
        return rows(new ImportFiles(staged.directory()).emails(), "line", "email", "full_name");
    }
}

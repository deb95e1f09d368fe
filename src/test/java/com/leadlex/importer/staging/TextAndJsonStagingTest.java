package com.leadlex.importer.staging;

import static com.leadlex.importer.staging.StagingFixture.rejects;
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

class TextAndJsonStagingTest {

    @TempDir
    Path dir;

    @Test
    void textSkipsBlankLinesAndTrimsWhitespace() {
        String text = "\uFEFF" + uuid(1) + "\r\n\r\n   \r\n\t " + uuid(2).toUpperCase() + "  \r\nbad\r\n" + uuid(3);

        StagedList staged = stage(dir, "ids.txt", text);

        assertThat(spool(staged)).containsExactly(uuid(1), uuid(2), uuid(3));
        assertThat(spoolLines(staged)).containsExactly(1L, 4L, 6L);
        assertThat(rejects(staged)).containsExactly(List.of("5", "bad", "not a UUID"));
        assertThat(staged.rowsRead()).isEqualTo(4);
        assertThat(staged.format()).isEqualTo(ContactListFormat.TEXT);
    }

    @Test
    void textTakesAFirstLineNamingTheIdColumnAsAHeader() {
        StagedList staged = stage(dir, "ids.txt", "\nContact_ID\n" + uuid(1) + "\n");

        assertThat(spool(staged)).containsExactly(uuid(1));
        assertThat(staged.rowsRead()).isEqualTo(1);
        assertThat(staged.invalid()).isZero();
    }

    @Test
    void jsonArrayOfIdsWithTheLineOfEachElement() {
        String json = "[\n  \"" + uuid(1) + "\",\n  \" " + uuid(2).toUpperCase() + " \",\n  \"\",\n  null, 42,\n  \"x\", \""
                + uuid(3) + "\"\n]";

        StagedList staged = stage(dir, "list.json", json);

        assertThat(spool(staged)).containsExactly(uuid(1), uuid(2), uuid(3));
        assertThat(spoolLines(staged)).containsExactly(2L, 3L, 6L);
        assertThat(rejects(staged)).containsExactly(
                List.of("4", "", "empty contact ID"),
                List.of("5", "null", "empty contact ID"),
                List.of("5", "42", "not a UUID"),
                List.of("6", "x", "not a UUID"));
        assertThat(staged.format()).isEqualTo(ContactListFormat.JSON);
    }

    @Test
    void jsonWrapperObjectIgnoresOtherTopLevelFields() {
        String json = "{\"source\": \"hubspot\", \"meta\": {\"contact_ids\": [\"nested, ignored\"], \"n\": [1, 2]},\n"
                + " \"contact_ids\": [\"" + uuid(1) + "\",\n \"" + uuid(2) + "\"],\n \"after\": true}";

        StagedList staged = stage(dir, "webhook.json", json);

        assertThat(spool(staged)).containsExactly(uuid(1), uuid(2));
        assertThat(spoolLines(staged)).containsExactly(2L, 3L);
        assertThat(staged.invalid()).isZero();
    }

    @Test
    void jsonArrayOfObjectsFindsTheIdFieldByName() {
        String json = "[\n"
                + "{\"email\": \"a@x.io\", \"Contact_Id\": \"" + uuid(1) + "\", \"tags\": [\"vip\"]},\n"
                + "{\"id\": 42, \"leadlex_id\": \"" + uuid(2) + "\"},\n"
                + "{\"email\": \"c@x.io\", \"name\": \"C\"},\n"
                + "{\"uuid\": null},\n"
                + "{\"uuid\": {\"value\": \"" + uuid(3) + "\"}},\n"
                + "{\"id\": 17}\n"
                + "]";

        StagedList staged = stage(dir, "crm.json", json);

        assertThat(spool(staged)).as("an object without an ID goes by its address").containsExactly(uuid(1), uuid(2),
                EmailKeys.of("c@x.io").toString());
        assertThat(spoolLines(staged)).containsExactly(2L, 3L, 4L);
        assertThat(rejects(staged)).containsExactly(
                List.of("5", "null", "empty contact ID"),
                List.of("6", "object", "the contact ID field holds an object, not a string"),
                List.of("7", "17", "not a UUID"));
    }

    @Test
    void jsonUsesTheConfiguredField() {
        StagingProperties properties = new StagingProperties("ref", 64);
        String json = "[{\"id\": \"crm-1\", \"ref\": \"" + uuid(5) + "\"}]";

        StagedList staged = stage(properties, dir, "crm.json", utf8(json));

        assertThat(spool(staged)).containsExactly(uuid(5));
    }

    @Test
    void minifiedJsonPutsEveryElementOnLineOne() {
        StagedList staged = stage(dir, "min.json", "[\"" + uuid(1) + "\",\"" + uuid(2) + "\",\"" + uuid(1) + "\"]");

        assertThat(spool(staged)).containsExactly(uuid(1), uuid(2));
        assertThat(spoolLines(staged)).containsExactly(1L, 1L);
        assertThat(StagingFixture.duplicates(staged)).containsExactly(List.of("1", uuid(1), "1"));
    }
}

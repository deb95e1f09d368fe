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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CsvStagingTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"contact_id", "ID", " uuid ", "LeadLex_Id", "Contact_ID"})
    void findsTheIdColumnByAnyUsualName(String name) {
        StagedList staged = stage(dir, "list.csv", "email," + name + "\na@x.io," + uuid(1) + "\nb@x.io," + uuid(2) + "\n");

        assertThat(spool(staged)).containsExactly(uuid(1), uuid(2));
        assertThat(spoolLines(staged)).containsExactly(2L, 3L);
        assertThat(staged.rowsRead()).isEqualTo(2);
        assertThat(staged.format()).isEqualTo(ContactListFormat.CSV);
    }

    @Test
    void prefersTheMostSpecificNameWhenSeveralArePresent() {
        StagedList staged = stage(dir, "crm.csv", "id,leadlex_id\n42," + uuid(1) + "\n");

        assertThat(spool(staged)).containsExactly(uuid(1));
        assertThat(staged.invalid()).isZero();
    }

    @Test
    void usesTheConfiguredColumnFirst() {
        StagingProperties properties = new StagingProperties("Customer Ref", 64);
        StagedList staged = stage(properties, dir, "list.csv",
                utf8("id,customer ref\n7," + uuid(3) + "\n8," + uuid(4) + "\n"));

        assertThat(spool(staged)).containsExactly(uuid(3), uuid(4));
    }

    @Test
    void readsAHeaderlessSingleColumnFile() {
        StagedList staged = stage(dir, "ids.csv", uuid(1) + "\n" + uuid(2) + "\nnope\n");

        assertThat(spool(staged)).containsExactly(uuid(1), uuid(2));
        assertThat(spoolLines(staged)).containsExactly(1L, 2L);
        assertThat(rejects(staged)).containsExactly(List.of("3", "nope", "not a UUID"));
        assertThat(staged.rowsRead()).isEqualTo(3);
    }

    @Test
    void readsAHeaderlessFileWhoseIdIsNotTheFirstColumn() {
        StagedList staged = stage(dir, "ids.csv", "a@x.io," + uuid(1) + "\nb@x.io," + uuid(2) + "\n");

        assertThat(spool(staged)).containsExactly(uuid(1), uuid(2));
    }

    @ParameterizedTest
    @ValueSource(strings = {",", ";", "\t"})
    void detectsTheDelimiterFromTheFirstLine(String delimiter) {
        String csv = String.join(delimiter, "name", "contact_id", "email") + "\n"
                + String.join(delimiter, "Ann", uuid(1), "a@x.io") + "\n"
                + String.join(delimiter, "Bob", uuid(2), "b@x.io") + "\n";

        StagedList staged = stage(dir, delimiter.equals("\t") ? "list.tsv" : "list.csv", csv);

        assertThat(spool(staged)).containsExactly(uuid(1), uuid(2));
        assertThat(staged.invalid()).isZero();
    }

    @Test
    void detectsTheDelimiterBelowLeadingBlankAndEmptyRows() {
        StagedList staged = stage(dir, "list.csv", "\r\n;;\r\nemail;contact_id\r\na@x.io;" + uuid(1) + "\r\n");

        assertThat(spool(staged)).containsExactly(uuid(1));
        assertThat(spoolLines(staged)).containsExactly(4L);
    }

    @Test
    void readsQuotedFieldsWithDelimitersAndLineBreaksInside() {
        String csv = "name;contact_id;note\n"
                + "\"Doe; Jane\";\"" + uuid(1) + "\";\"said \"\"hi\"\"\"\n"
                + "\"Roe\";" + uuid(2) + ";\"two\nline; note\"\n"
                + "Poe;\" " + uuid(3) + " \";x\n";

        StagedList staged = stage(dir, "list.csv", csv);

        assertThat(spool(staged)).containsExactly(uuid(1), uuid(2), uuid(3));
        assertThat(spoolLines(staged)).containsExactly(2L, 3L, 5L);
    }

    @Test
    void acceptsAByteOrderMarkAndCrlfLineEnds() {
        String csv = "\uFEFFContact_ID,email\r\n" + uuid(1) + ",a@x.io\r\n\r\n" + uuid(2) + ",b@x.io\r\n";

        StagedList staged = stage(dir, "excel.csv", csv);

        assertThat(spool(staged)).containsExactly(uuid(1), uuid(2));
        assertThat(spoolLines(staged)).containsExactly(2L, 4L);
    }

    @Test
    void rejectsRowsWithReasonsAndPhysicalLines() {
        String csv = "\n"
                + "name,phone,contact_id\n"
                + "a@x.io,1,not-an-id\n"
                + "\n"
                + "b@x.io,2\n"
                + "c@x.io,3,\n"
                + ",,\n"
                + "d@x.io,4," + uuid(9).toUpperCase() + "\n"
                + "e@x.io,5,\"" + "z".repeat(500) + "\"\n";

        StagedList staged = stage(dir, "list.csv", csv);

        List<List<String>> rejects = rejects(staged);
        assertThat(rejects).hasSize(4);
        assertThat(rejects.get(0)).containsExactly("3", "not-an-id", "not a UUID");
        assertThat(rejects.get(1)).containsExactly("5", "b@x.io,2", "row has 2 fields; the ID column is field 3");
        assertThat(rejects.get(2)).containsExactly("6", "", "empty contact ID");
        assertThat(rejects.get(3).get(0)).isEqualTo("9");
        assertThat(rejects.get(3).get(1)).startsWith("zzz").endsWith("(500 characters)").hasSizeLessThan(110);
        assertThat(spool(staged)).containsExactly(uuid(9));
        assertThat(spoolLines(staged)).containsExactly(8L);
        assertThat(staged.rowsRead()).isEqualTo(5);
        assertThat(staged.invalid()).isEqualTo(4);
    }

    @Test
    void quotesRejectedValuesThatHoldCommasQuotesAndLineBreaks() {
        StagedList staged = stage(dir, "list.csv", "contact_id\n\"a, \"\"b\"\"\nc\"\n");

        assertThat(rejects(staged)).containsExactly(List.of("2", "a, \"b\"\nc", "not a UUID"));
    }
}

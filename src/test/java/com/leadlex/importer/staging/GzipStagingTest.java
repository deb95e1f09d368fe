package com.leadlex.importer.staging;

import static com.leadlex.importer.staging.StagingFixture.gzip;
import static com.leadlex.importer.staging.StagingFixture.spool;
import static com.leadlex.importer.staging.StagingFixture.spoolLines;
import static com.leadlex.importer.staging.StagingFixture.stage;
import static com.leadlex.importer.staging.StagingFixture.utf8;
import static com.leadlex.importer.staging.StagingFixture.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GzipStagingTest {

    @TempDir
    Path dir;

    @ParameterizedTest
    @CsvSource({"list.csv.gz, CSV", "list.csv, CSV", "list.tsv.gz, CSV", "ids.txt.gz, TEXT", "ids.txt, TEXT",
            "list.json.gz, JSON", "LIST.JSON, JSON"})
    void gunzipsAnyFormatWhateverTheName(String fileName, ContactListFormat format) {
        String content = switch (format) {
            case CSV -> "\uFEFFcontact_id\r\n" + uuid(1) + "\r\n" + uuid(2) + "\r\n";
            case TEXT -> uuid(0) + "\n" + uuid(1) + "\n" + uuid(2) + "\n";
            case JSON -> "[\"" + uuid(0) + "\",\n\"" + uuid(1) + "\",\n\"" + uuid(2) + "\"]";
        };

        StagedList staged = stage(dir, fileName, gzip(utf8(content)));

        assertThat(staged.format()).isEqualTo(format);
        assertThat(spool(staged)).endsWith(uuid(1), uuid(2));
        assertThat(spoolLines(staged)).endsWith(2L, 3L);
    }

    @Test
    void readsAPlainFileNamedGz() {
        StagedList staged = stage(dir, "ids.txt.gz", uuid(1) + "\n");

        assertThat(spool(staged)).containsExactly(uuid(1));
    }

    @Test
    void sameContentHashCompressedOrNot() {
        byte[] csv = utf8("contact_id\n" + uuid(1) + "\n" + uuid(2) + "\n");

        StagedList plain = stage(dir.resolve("a"), "list.csv", csv);
        StagedList compressed = stage(dir.resolve("b"), "list.csv.gz", gzip(csv));

        assertThat(compressed.contentHash()).isEqualTo(plain.contentHash());
    }
}

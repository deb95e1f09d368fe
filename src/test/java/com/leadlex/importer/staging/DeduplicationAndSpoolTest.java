package com.leadlex.importer.staging;

import static com.leadlex.importer.staging.StagingFixture.duplicates;
import static com.leadlex.importer.staging.StagingFixture.filesIn;
import static com.leadlex.importer.staging.StagingFixture.rejects;
import static com.leadlex.importer.staging.StagingFixture.spool;
import static com.leadlex.importer.staging.StagingFixture.spoolLines;
import static com.leadlex.importer.staging.StagingFixture.stage;
import static com.leadlex.importer.staging.StagingFixture.utf8;
import static com.leadlex.importer.staging.StagingFixture.uuid;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeduplicationAndSpoolTest {

    @TempDir
    Path dir;

    @Test
    void repeatsGoToDuplicatesWithTheLineOfTheFirstOccurrence() {
        String text = uuid(1) + "\n" + uuid(2) + "\n" + uuid(1).toUpperCase() + "\n\n" + uuid(3) + "\n  " + uuid(2) + "\n"
                + uuid(1) + "\n";

        StagedList staged = stage(dir, "ids.txt", text);

        assertThat(spool(staged)).containsExactly(uuid(1), uuid(2), uuid(3));
        assertThat(spoolLines(staged)).containsExactly(1L, 2L, 5L);
        assertThat(duplicates(staged)).containsExactly(
                List.of("3", uuid(1), "1"),
                List.of("6", uuid(2), "2"),
                List.of("7", uuid(1), "1"));
        assertThat(staged.rowsRead()).isEqualTo(6);
        assertThat(staged.validUnique()).isEqualTo(3);
        assertThat(staged.duplicates()).isEqualTo(3);
        assertThat(staged.invalid()).isZero();
    }

    @Test
    void canonicalizesToLowerCase() {
        StagedList staged = stage(dir, "ids.txt", "6F9619FF-8B86-D011-B42D-00C04FC964FF\n");

        assertThat(spool(staged)).containsExactly("6f9619ff-8b86-d011-b42d-00c04fc964ff");
    }

    @Test
    void contentHashDependsOnTheSetOnly() {
        StagedList inOrder = stage(dir.resolve("a"), "a.txt", uuid(1) + "\n" + uuid(2) + "\n" + uuid(3) + "\n");
        StagedList shuffledWithRepeatsAndJunk = stage(dir.resolve("b"), "b.json",
                "[\"" + uuid(3) + "\", \"junk\", \"" + uuid(1).toUpperCase() + "\", \"" + uuid(2) + "\", \"" + uuid(3) + "\"]");
        StagedList otherPartitioning = stage(new StagingProperties(null, 1), dir.resolve("c"), "c.txt",
                utf8(uuid(2) + "\n" + uuid(3) + "\n" + uuid(1) + "\n"));
        StagedList otherSet = stage(dir.resolve("d"), "d.txt", uuid(1) + "\n" + uuid(2) + "\n" + uuid(4) + "\n");
        StagedList subset = stage(dir.resolve("e"), "e.txt", uuid(1) + "\n" + uuid(2) + "\n");

        assertThat(shuffledWithRepeatsAndJunk.contentHash()).isEqualTo(inOrder.contentHash());
        assertThat(otherPartitioning.contentHash()).isEqualTo(inOrder.contentHash());
        assertThat(otherSet.contentHash()).isNotEqualTo(inOrder.contentHash());
        assertThat(subset.contentHash()).isNotEqualTo(inOrder.contentHash());
    }

    @Test
    void contentHashIsTheSha256OfTheSortedSpool() throws Exception {
        Random random = new Random(7);
        StringBuilder text = new StringBuilder();
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            String id = new UUID(random.nextLong(), random.nextLong()).toString();
            ids.add(id);
            text.append(id).append('\n');
        }

        StagedList staged = stage(dir, "ids.txt", text.toString());

        String sorted = ids.stream().sorted().map(id -> id + "\n").reduce("", String::concat);
        String expected = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest(sorted.getBytes(StandardCharsets.US_ASCII)));
        assertThat(staged.contentHash()).isEqualTo(expected);
        assertThat(spool(staged)).isEqualTo(ids);
    }

    @Test
    void aListWithoutValidIdsIsStagedWithAnEmptySpool() {
        StagedList staged = stage(dir, "ids.txt", "nope\n");

        assertThat(spool(staged)).isEmpty();
        assertThat(staged.validUnique()).isZero();
        assertThat(rejects(staged)).hasSize(1);
        assertThat(staged.contentHash()).isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    }

    @Test
    void leavesOnlyItsFiveOutputsInTheStagingDirectory() throws Exception {
        Path staging = Files.createDirectories(dir.resolve("staged"));
        Files.writeString(staging.resolve("spool.txt.part"), "left by a killed run");
        Files.createDirectories(staging.resolve(".staging-work-123"));
        Files.writeString(staging.resolve(".staging-work-123/partition-0000.bin"), "x");

        StagedList staged = stage(dir, "ids.txt", uuid(1) + "\n" + uuid(1) + "\n");

        assertThat(filesIn(staged.directory()))
                .containsExactly("duplicates.csv", "emails.csv", "rejects.csv", "spool.lines", "spool.txt");
    }

    /** Enough rows over few partitions to go through real spill files, buffer refills and the merge. */
    @Test
    void stagesALargeListThroughTheSpillAndMerge() {
        int rows = 200_000;
        Random random = new Random(11);
        List<String> expectedSpool = new ArrayList<>();
        List<Long> expectedLines = new ArrayList<>();
        List<List<String>> expectedDuplicates = new ArrayList<>();
        List<Long> expectedRejectLines = new ArrayList<>();
        StringBuilder csv = new StringBuilder("name,contact_id\n");
        for (int i = 0; i < rows; i++) {
            long line = i + 2;
            String id;
            if (i % 100 == 50) {
                id = "bad-" + i;
                expectedRejectLines.add(line);
            } else if (i % 100 == 99) {
                int first = i - 1 - random.nextInt(40);
                first -= first % 100 == 50 ? 1 : 0;
                id = expectedId(first).toUpperCase();
                expectedDuplicates.add(List.of(Long.toString(line), expectedId(first), Long.toString(first + 2)));
            } else {
                id = expectedId(i);
                expectedSpool.add(id);
                expectedLines.add(line);
            }
            csv.append("n").append(i).append(',').append(id).append('\n');
        }

        StagedList staged = stage(new StagingProperties(null, 4), dir, "big.csv", utf8(csv.toString()));

        assertThat(staged.rowsRead()).isEqualTo(rows);
        assertThat(staged.invalid()).isEqualTo(2_000);
        assertThat(staged.duplicates()).isEqualTo(2_000);
        assertThat(staged.validUnique()).isEqualTo(196_000);
        assertThat(spool(staged)).isEqualTo(expectedSpool);
        assertThat(spoolLines(staged)).isEqualTo(expectedLines);
        assertThat(duplicates(staged)).isEqualTo(expectedDuplicates);
        assertThat(rejects(staged)).extracting(row -> Long.valueOf(row.get(0))).isEqualTo(expectedRejectLines);
        StagedList samePartitionedOtherwise = stage(new StagingProperties(null, 64), dir.resolve("other"), "big.csv",
                utf8(csv.toString()));
        assertThat(samePartitionedOtherwise.contentHash()).isEqualTo(staged.contentHash());
    }

    private static String expectedId(int i) {
        return new UUID(0x9E3779B97F4A7C15L * (i + 1), 0xC2B2AE3D27D4EB4FL * (i + 1)).toString();
    }
}

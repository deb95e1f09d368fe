package com.leadlex.importer.staging;

import static com.leadlex.importer.staging.StagingFixture.filesIn;
import static com.leadlex.importer.staging.StagingFixture.gzip;
import static com.leadlex.importer.staging.StagingFixture.stage;
import static com.leadlex.importer.staging.StagingFixture.utf8;
import static com.leadlex.importer.staging.StagingFixture.uuid;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Lists refused as a whole: a message an operator can act on, and nothing left that looks staged. */
class ContactListRejectionTest {

    @TempDir
    Path dir;

    @AfterEach
    void leavesNoOutputsBehind() {
        assertThat(filesIn(dir.resolve("staged"))).isEmpty();
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String fileName, byte[] content) {
        return assertThatThrownBy(() -> stage(dir, fileName, content)).isInstanceOf(ContactListRejectedException.class);
    }

    private AbstractThrowableAssert<?, ? extends Throwable> assertRejected(String fileName, String content) {
        return assertRejected(fileName, utf8(content));
    }

    @Test
    void unknownExtensionNamesTheAcceptedOnes() {
        assertRejected("contacts.xlsx", uuid(1)).hasMessageContainingAll("contacts.xlsx", ".csv", ".tsv", ".txt",
                ".json", ".gz");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.csv", "a.txt", "a.json"})
    void emptyFile(String fileName) {
        assertRejected(fileName, new byte[0]).hasMessageContaining("empty (0 bytes)");
    }

    @Test
    void emptyGzippedFile() {
        assertRejected("a.csv.gz", gzip(new byte[0])).hasMessageContaining("empty");
    }

    @Test
    void onlyAHeader() {
        assertRejected("a.csv", "email,contact_id\r\n\r\n").hasMessageContaining("header row (email, contact_id)")
                .hasMessageContaining("no data rows");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a.csv", "a.txt"})
    void onlyBlankLines(String fileName) {
        assertRejected(fileName, "\n  \r\n\t\n").hasMessageContaining("only blank lines");
    }

    @Test
    void headerWithoutAnIdColumnListsWhatWasFoundAndWhatIsAccepted() {
        assertRejected("a.csv", "phone;customer\n+1 555;7\n").hasMessageContainingAll("phone, customer",
                "contact_id", "leadlex_id", "uuid", "id", "importer.staging.id-column", "email, email_address, e-mail",
                "importer.staging.email-column");
    }

    @Test
    void headerWithoutTheConfiguredColumnNamesIt() {
        assertThatThrownBy(() -> stage(new StagingProperties("ref", 64), dir, "a.csv", utf8("name\nAda\n")))
                .isInstanceOf(ContactListRejectedException.class)
                .hasMessageContainingAll("'ref'", "importer.staging.id-column");
    }

    @Test
    void invalidUtf8SaysWhereAndWhatToDo() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(utf8("contact_id,name\r\n" + uuid(1) + ",Zoë\r\n" + uuid(2) + ",Jos"));
        bytes.write(0xE9);
        bytes.writeBytes(utf8("\r\n"));

        assertRejected("a.csv", bytes.toByteArray()).hasMessageContainingAll("not valid UTF-8", "line 3",
                "Save the file as UTF-8");
    }

    @Test
    void truncatedUtf8SequenceAtTheEnd() {
        byte[] content = utf8(uuid(1) + "\n\u00e9");
        assertRejected("a.txt", Arrays.copyOf(content, content.length - 1)).hasMessageContaining("line 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"UTF-16LE", "UTF-16BE"})
    void utf16IsNotSupported(String charset) {
        byte[] bom = charset.endsWith("LE") ? new byte[] {(byte) 0xFF, (byte) 0xFE} : new byte[] {(byte) 0xFE, (byte) 0xFF};
        byte[] text = ("contact_id\n" + uuid(1)).getBytes(java.nio.charset.Charset.forName(charset));
        byte[] content = Arrays.copyOf(bom, bom.length + text.length);
        System.arraycopy(text, 0, content, bom.length, text.length);

        assertRejected("a.csv", content).hasMessageContainingAll("UTF-16 is not supported", "UTF-8");
    }

    @Test
    void utf16WithoutByteOrderMarkIsCaughtByItsNulBytes() {
        assertRejected("a.txt", (uuid(1) + "\n").getBytes(StandardCharsets.UTF_16LE))
                .hasMessageContainingAll("NUL byte at line 1", "UTF-16");
    }

    @Test
    void malformedJsonSaysWhere() {
        assertRejected("a.json", "[\n\"" + uuid(1) + "\",\n\"" + uuid(2) + "\"\n\"" + uuid(3) + "\"]")
                .hasMessageContainingAll("Malformed JSON", "line 4");
    }

    @Test
    void truncatedJson() {
        assertRejected("a.json", "{\"contact_ids\": [\"" + uuid(1) + "\",").hasMessageContaining("Malformed JSON");
    }

    @Test
    void contentAfterTheJsonDocument() {
        assertRejected("a.json", "[\"" + uuid(1) + "\"]\n[]").hasMessageContainingAll("after the end", "line 2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"" + "abc" + "\"", "42", "{\"ids\": [\"x\"], \"count\": 1}", "{\"contact_ids\": \"x\"}", "  \n"})
    void jsonShapesThatAreNotAList(String json) {
        assertRejected("a.json", json).hasMessageContaining("Accepted shapes");
    }

    @ParameterizedTest
    @ValueSource(strings = {"[]", "{\"contact_ids\": []}"})
    void emptyJsonList(String json) {
        assertRejected("a.json", json).hasMessageContaining("empty");
    }

    @Test
    void corruptGzip() {
        byte[] compressed = gzip(utf8(("contact_id\n" + uuid(1) + "\n").repeat(2000)));
        byte[] truncated = Arrays.copyOf(compressed, compressed.length / 2);

        assertRejected("a.csv.gz", truncated).hasMessageContainingAll("gzip", "corrupt or truncated");
    }

    @Test
    void gzipMagicFollowedByGarbage() {
        assertRejected("a.csv", new byte[] {0x1f, (byte) 0x8b, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12})
                .hasMessageContaining("gzip");
    }

    @Test
    void unterminatedQuoteInCsv() {
        assertRejected("a.csv", "contact_id,name\n" + uuid(1) + ",\"Ann\n" + uuid(2) + ",Bob\n")
                .hasMessageContainingAll("Malformed CSV", "line 2", "quot");
    }

    @Test
    void aRefusedListRemovesTheOutputsOfAnEarlierRun() throws Exception {
        StagedList earlier = stage(dir, "a.txt", uuid(1) + "\n");
        assertThat(Files.exists(earlier.spoolFile())).isTrue();

        assertRejected("a.txt", "\n");
    }
}

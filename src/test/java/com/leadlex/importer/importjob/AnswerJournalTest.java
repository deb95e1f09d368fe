package com.leadlex.importer.importjob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.leadlex.importer.ledger.ChunkCompletion;
import com.leadlex.importer.ledger.ChunkOutcome;
import com.leadlex.importer.ledger.ChunkStatus;

class AnswerJournalTest {

    private static final long IMPORT = 7;
    private static final String BOOT = "boot-1";

    @TempDir
    Path dataDir;

    @Test
    void answersComeBackAsTheyWereJournaled() {
        AnswerJournal journal = journal();
        ChunkCompletion allAdded = completion(3, ChunkStatus.SENT, "req-3",
                new ChunkOutcome(java.util.Set.of(), Map.of(), true));
        // a request ID with a space and a refusal reason with a comma and a line break: lengths, not separators
        ChunkCompletion mixed = completion(4, ChunkStatus.RESENT, "req 4 é",
                ChunkOutcome.of(List.of("a", "b", "c"), List.of("a"), Map.of("c", "contact_not_found, line\nbreak")));
        ChunkCompletion noRequestId = completion(5, ChunkStatus.SENT, null, ChunkOutcome.of(List.of("x"), Map.of()));
        AnswerJournal.Appender appender = journal.appenderFor(IMPORT, 11);
        appender.answered(allAdded);
        appender.answered(mixed);
        appender.answered(noRequestId);

        List<AnswerJournal.JournaledAnswer> read = journal.read(IMPORT).answers();

        assertThat(read).extracting(AnswerJournal.JournaledAnswer::stepExecutionId).containsOnly(11L);
        assertThat(read).extracting(AnswerJournal.JournaledAnswer::completion)
                .containsExactly(allAdded, asBooked(mixed), noRequestId);
        assertThat(read.get(1).completion().outcome().refused()).containsEntry("c", "contact_not_found, line break");
    }

    @Test
    void aStepAppendsThroughOneOpenFileAndTheNextRunOfTheImportAppendsAfterIt() {
        AnswerJournal journal = journal();
        AnswerJournal.Appender first = journal.appenderFor(IMPORT, 11);
        first.answered(completion(1, ChunkStatus.SENT, "r1", ChunkOutcome.of(List.of("a"), Map.of())));
        assertThat(journal.appenderFor(IMPORT, 11)).isSameAs(first);
        first.answered(completion(2, ChunkStatus.SENT, "r2", ChunkOutcome.of(List.of("b"), Map.of())));
        journal.close(IMPORT);

        journal.appenderFor(IMPORT, 12)
                .answered(completion(3, ChunkStatus.SENT, "r3", ChunkOutcome.of(List.of("c"), Map.of())));

        assertThat(journal.read(IMPORT).answers()).extracting(answer -> answer.completion().chunkNumber(),
                AnswerJournal.JournaledAnswer::stepExecutionId)
                .containsExactly(tuple(1, 11L), tuple(2, 11L), tuple(3, 12L));
    }

    @Test
    void aRecordCutShortByACrashIsLeftOutAndTheOnesBeforeItStay() throws IOException {
        AnswerJournal journal = journal();
        AnswerJournal.Appender appender = journal.appenderFor(IMPORT, 11);
        appender.answered(completion(1, ChunkStatus.SENT, "r1", ChunkOutcome.of(List.of("a"), Map.of())));
        appender.answered(completion(2, ChunkStatus.SENT, "r2", ChunkOutcome.of(List.of("b", "c"), Map.of())));
        byte[] whole = Files.readAllBytes(journal.file(IMPORT));

        for (int cut = 1; cut < whole.length; cut++) {
            List<AnswerJournal.JournaledAnswer> read = AnswerJournal.parse(IMPORT, Arrays.copyOf(whole, cut), BOOT)
                    .answers();
            assertThat(read).as("cut after %d of %d bytes", cut, whole.length).hasSizeLessThanOrEqualTo(1);
            read.forEach(answer -> assertThat(answer.completion().chunkNumber()).isEqualTo(1));
        }
        assertThat(AnswerJournal.parse(IMPORT, whole, BOOT).answers()).hasSize(2);
    }

    @Test
    void anImportWithoutAJournalHasNoAnswersAndForgettingItTwiceIsHarmless() {
        AnswerJournal journal = journal();
        assertThat(journal.read(IMPORT).answers()).isEmpty();
        journal.appenderFor(IMPORT, 11)
                .answered(completion(1, ChunkStatus.SENT, "r1", ChunkOutcome.of(List.of("a"), Map.of())));

        journal.forget(IMPORT);
        journal.forget(IMPORT);

        assertThat(journal.read(IMPORT).answers()).isEmpty();
        assertThat(journal.file(IMPORT)).doesNotExist();
    }

    @Test
    void itTellsWhatCertainlyDidNotGoOutOnlyForItsOwnStepsAndOnlyWhenWrittenSinceThisBoot() {
        AnswerJournal journal = journal();
        AnswerJournal.Appender appender = journal.appenderFor(IMPORT, 11);
        appender.sending(1);
        appender.answered(completion(1, ChunkStatus.SENT, "r1", ChunkOutcome.of(List.of("a"), Map.of())));
        appender.sending(2);

        AnswerJournal.Contents contents = journal.read(IMPORT);
        assertThat(contents.writtenSinceThisBoot()).isTrue();
        assertThat(contents.mayHaveGoneOut(11, 2)).as("noted before it went out").isTrue();
        assertThat(contents.mayHaveGoneOut(11, 3)).as("never noted").isFalse();
        assertThat(contents.mayHaveGoneOut(12, 3)).as("a step that wrote nothing here").isTrue();

        AnswerJournal afterAReboot = new AnswerJournal(dataDir.resolve("journal"), "another-boot");
        assertThat(afterAReboot.read(IMPORT).mayHaveGoneOut(11, 3)).as("the tail may be lost").isTrue();
        AnswerJournal noBootId = new AnswerJournal(dataDir.resolve("journal"), null);
        assertThat(noBootId.read(IMPORT).mayHaveGoneOut(11, 3)).isTrue();
    }

    @Test
    void aJournalThatCannotBeWrittenRefusesTheNextRequestAndLetsAnswersGoUnjournaled() {
        AnswerJournal journal = journal();
        AnswerJournal.Appender appender = journal.appenderFor(IMPORT, 11);
        appender.sending(1);
        journal.close(IMPORT); // the channel is gone under the appender: every write now fails

        appender.answered(completion(1, ChunkStatus.SENT, "r1", ChunkOutcome.of(List.of("a"), Map.of())));
        assertThatThrownBy(() -> appender.sending(2)).isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("Chunk 2 not sent: the answer journal cannot be written");
    }

    @Test
    void aRecordItCannotReadEndsTheReadingAndTheJournalNoLongerVouchesForWhatIsMissing() throws IOException {
        AnswerJournal journal = journal();
        AnswerJournal.Appender appender = journal.appenderFor(IMPORT, 11);
        appender.sending(1);
        appender.answered(completion(1, ChunkStatus.SENT, "r1", ChunkOutcome.of(List.of("a"), Map.of())));
        journal.close(IMPORT);
        Files.write(journal.file(IMPORT), "sending 11 not-a-number\nsending 11 2\n".getBytes(),
                java.nio.file.StandardOpenOption.APPEND);

        AnswerJournal.Contents contents = journal.read(IMPORT);

        assertThat(contents.answers()).hasSize(1);
        assertThat(contents.writtenSinceThisBoot()).isFalse();
        assertThat(contents.mayHaveGoneOut(11, 3)).isTrue();
    }

    private AnswerJournal journal() {
        return new AnswerJournal(dataDir.resolve("journal"), BOOT);
    }

    /** The completion as the ledger books it too: its outcome through the ledger's own encoding. */
    private static ChunkCompletion asBooked(ChunkCompletion c) {
        return new ChunkCompletion(c.importId(), c.chunkNumber(), c.status(), c.added(), c.skipped(), c.attempts(),
                c.httpStatus(), c.requestId(), ChunkOutcome.decode(c.outcome().encode()));
    }

    private static ChunkCompletion completion(int chunk, ChunkStatus status, String requestId, ChunkOutcome outcome) {
        return new ChunkCompletion(IMPORT, chunk, status, outcome.added().size(), 2, 1, 200, requestId, outcome);
    }
}

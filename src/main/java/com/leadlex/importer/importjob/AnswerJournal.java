package com.leadlex.importer.importjob;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.leadlex.importer.ledger.ChunkCompletion;
import com.leadlex.importer.ledger.ChunkOutcome;
import com.leadlex.importer.ledger.ChunkStatus;
import com.leadlex.importer.system.ImporterProperties;

/**
 * What LeadLex answered to an import's requests, one file per import in this node's
 * {@code <data-dir>/journal}, appended as each answer arrives, kept open while the send step runs and
 * deleted when it completes. The ledger books a commit window's answers in one commit, several requests
 * a commit when LeadLex answers fast; should the process die before that commit, the journal still
 * holds what LeadLex said, and the restart books it ({@link AnswerJournalRecovery}) instead of sending
 * those chunks again. Answers of windows already committed stay in the file, about 100 bytes a request:
 * the restart finds their chunks booked and leaves them. Appending, not truncating the file at each
 * window, keeps the file system's own bookkeeping out of every commit.
 * <p>
 * A chunk's request is also noted ({@code sending}) before it goes out, so the restart knows which
 * chunks of the window never left: their ledger notes ("about to be sent", committed for the whole
 * window at once) are taken back rather than the chunks booked {@code resent}.
 * <p>
 * Each record is written to the operating system before the next step (no {@code fsync}): it survives
 * the importer's crash or {@code kill -9}, as the database's own commits do, but not the machine's.
 * So a journal is trusted to say what did <em>not</em> go out only when it was written since the
 * machine last started (its {@code boot} records name the kernel's boot ID); answers it holds are
 * trusted always. Whatever the journal cannot tell, because the machine went down or the import
 * resumes on another node, is sent again and booked {@code resent}, as without the journal.
 * <p>
 * Records: {@code boot <step execution> <boot ID>} when a step opens the journal; {@code sending <step execution>
 * <chunk>}; and an answer, a header line {@code answer <step execution> <chunk> <status> <added>
 * <skipped> <attempts> <http status> <request ID bytes> <outcome bytes>} followed by the request ID
 * and the outcome ({@link ChunkOutcome#encode()}) as UTF-8. A record cut short by a crash mid-write
 * is ignored, and so is anything after it.
 */
@Component
public class AnswerJournal {

    private static final Logger log = LoggerFactory.getLogger(AnswerJournal.class);
    private static final String ANSWER = "answer";
    private static final String SENDING = "sending";
    private static final String BOOT = "boot";
    private static final Path BOOT_ID = Path.of("/proc/sys/kernel/random/boot_id");

    private final Path directory;
    private final String bootId;
    private final Map<Long, Appender> open = new ConcurrentHashMap<>();

    @Autowired
    public AnswerJournal(ImporterProperties properties) {
        this(properties.dataDir().resolve("journal"), currentBootId());
    }

    AnswerJournal(Path directory, String bootId) {
        this.directory = directory;
        this.bootId = bootId;
    }

    /** The kernel's ID of this boot of the machine, or null where there is none to read. */
    private static String currentBootId() {
        try {
            String id = Files.readString(BOOT_ID).trim();
            return id.isEmpty() || id.contains(" ") ? null : id;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The import's journal, to append this step execution's answers to; opened by the first call. */
    Appender appenderFor(long importId, long stepExecutionId) {
        Appender appender = open.get(importId);
        if (appender != null && appender.stepExecutionId == stepExecutionId) {
            return appender;
        }
        close(importId);
        try {
            Files.createDirectories(directory);
            appender = new Appender(FileChannel.open(file(importId), StandardOpenOption.CREATE,
                    StandardOpenOption.WRITE, StandardOpenOption.APPEND), stepExecutionId);
            appender.append((BOOT + " " + stepExecutionId + " " + (bootId == null ? "unknown" : bootId) + "\n")
                    .getBytes(StandardCharsets.UTF_8), "its start");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not open the answer journal " + file(importId)
                    + " (the send step cannot book answers safely without it): " + e.getMessage(), e);
        }
        open.put(importId, appender);
        return appender;
    }

    /** Closes the import's journal, if open, and keeps the file: the step ended before the list did. */
    void close(long importId) {
        Appender appender = open.remove(importId);
        if (appender != null) {
            appender.close();
        }
    }

    /** What the import's journal holds; nothing when it has none. */
    Contents read(long importId) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file(importId));
        } catch (NoSuchFileException e) {
            return new Contents(List.of(), Set.of(), Set.of(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the answer journal " + file(importId), e);
        }
        return parse(importId, bytes, bootId);
    }

    /**
     * Drops an import's journal: its answers are booked, or the import is over. One that cannot be
     * deleted is harmless (a later run finds its chunks booked, and its steps are not that run's).
     */
    void forget(long importId) {
        close(importId);
        try {
            Files.deleteIfExists(file(importId));
        } catch (IOException e) {
            log.warn("Could not delete the answer journal {}: {}", file(importId), e.getMessage());
        }
    }

    Path file(long importId) {
        return directory.resolve("import-" + importId + ".answers");
    }

    static Contents parse(long importId, byte[] bytes, String currentBootId) {
        Reading reading = new Reading(importId, currentBootId);
        int at = 0;
        while (at >= 0 && at < bytes.length) {
            try {
                at = reading.record(bytes, at);
            } catch (RuntimeException e) {
                at = -1; // unreadable: nothing after it can be trusted
            }
        }
        // read to its end, the journal holds every note its steps wrote; cut short, it cannot vouch for one missing
        return reading.contents(at == bytes.length);
    }

    /** A journal being read, record by record. */
    private static final class Reading {
        private final long importId;
        private final String currentBootId;
        private final List<JournaledAnswer> answers = new ArrayList<>();
        private final Set<Sent> sending = new HashSet<>();
        private final Set<Long> steps = new HashSet<>();
        private boolean sinceThisBoot;

        Reading(long importId, String currentBootId) {
            this.importId = importId;
            this.currentBootId = currentBootId;
            this.sinceThisBoot = currentBootId != null;
        }

        /** Reads the record at {@code at}; returns where the next begins, or -1 when it is cut short or unknown. */
        int record(byte[] bytes, int at) {
            int endOfHeader = indexOf(bytes, (byte) '\n', at);
            if (endOfHeader < 0) {
                return -1;
            }
            String[] header = new String(bytes, at, endOfHeader - at, StandardCharsets.UTF_8).split(" ");
            if (header.length == 3 && BOOT.equals(header[0])) {
                steps.add(Long.parseLong(header[1]));
                sinceThisBoot &= header[2].equals(currentBootId);
                return endOfHeader + 1;
            }
            if (header.length == 3 && SENDING.equals(header[0])) {
                sending.add(new Sent(Long.parseLong(header[1]), Integer.parseInt(header[2])));
                return endOfHeader + 1;
            }
            if (header.length != 10 || !ANSWER.equals(header[0])) {
                return -1;
            }
            int requestIdLength = Integer.parseInt(header[8]);
            int outcomeLength = Integer.parseInt(header[9]);
            int bodyStart = endOfHeader + 1;
            if (requestIdLength < 0 || outcomeLength < 0
                    || (long) bodyStart + requestIdLength + outcomeLength > bytes.length) {
                return -1;
            }
            String requestId = requestIdLength == 0 ? null
                    : new String(bytes, bodyStart, requestIdLength, StandardCharsets.UTF_8);
            ChunkOutcome outcome = ChunkOutcome.decode(new String(bytes, bodyStart + requestIdLength, outcomeLength,
                    StandardCharsets.UTF_8));
            answers.add(new JournaledAnswer(Long.parseLong(header[1]), new ChunkCompletion(importId,
                    Integer.parseInt(header[2]), ChunkStatus.fromDb(header[3]), Integer.parseInt(header[4]),
                    Integer.parseInt(header[5]), Integer.parseInt(header[6]), Integer.parseInt(header[7]), requestId,
                    outcome)));
            return bodyStart + requestIdLength + outcomeLength;
        }

        Contents contents(boolean whole) {
            return new Contents(answers, sending, steps, whole && !steps.isEmpty() && sinceThisBoot);
        }
    }

    private static int indexOf(byte[] bytes, byte wanted, int from) {
        for (int i = from; i < bytes.length; i++) {
            if (bytes[i] == wanted) {
                return i;
            }
        }
        return -1;
    }

    /** An answer as the journal kept it, with the step execution that received it. */
    record JournaledAnswer(long stepExecutionId, ChunkCompletion completion) {
    }

    /** A chunk a step execution was about to send. */
    record Sent(long stepExecutionId, int chunkNumber) {
    }

    /**
     * What a journal holds: the answers; the chunks noted as going out; the step executions that wrote
     * it; and whether it was all written since the machine last started.
     */
    record Contents(List<JournaledAnswer> answers, Set<Sent> sending, Set<Long> steps, boolean writtenSinceThisBoot) {

        /**
         * Whether this step execution's request for the chunk may have gone out: only a journal the step
         * wrote, since this boot, without a note for the chunk, says it certainly did not.
         */
        boolean mayHaveGoneOut(long stepExecutionId, int chunkNumber) {
            return !writtenSinceThisBoot || !steps.contains(stepExecutionId)
                    || sending.contains(new Sent(stepExecutionId, chunkNumber));
        }
    }

    /** One step execution's appends to an import's journal, from any of its senders. */
    static final class Appender {

        private final FileChannel channel;
        private final long stepExecutionId;
        /** Why the journal could not be written, once it could not. */
        private String failure;

        private Appender(FileChannel channel, long stepExecutionId) {
            this.channel = channel;
            this.stepExecutionId = stepExecutionId;
        }

        /**
         * Notes that the chunk's request is about to go out. A note that cannot be written stops the
         * request: a restart would otherwise take the chunk for one that never left.
         */
        void sending(int chunkNumber) {
            if (!append((SENDING + " " + stepExecutionId + " " + chunkNumber + "\n").getBytes(StandardCharsets.UTF_8),
                    "chunk " + chunkNumber + " going out")) {
                throw new UncheckedIOException(new IOException("Chunk " + chunkNumber + " not sent: the answer "
                        + "journal cannot be written (" + failure + "); a restart without it could not tell what "
                        + "went out"));
            }
        }

        void answered(ChunkCompletion answer) {
            byte[] requestId = answer.requestId() == null ? new byte[0]
                    : answer.requestId().getBytes(StandardCharsets.UTF_8);
            byte[] outcome = answer.outcome().encode().getBytes(StandardCharsets.UTF_8);
            ByteArrayOutputStream record = new ByteArrayOutputStream(96 + requestId.length + outcome.length);
            record.writeBytes((ANSWER + " " + stepExecutionId + " " + answer.chunkNumber() + " "
                    + answer.status().dbValue() + " " + answer.added() + " " + answer.skipped() + " "
                    + answer.attempts() + " " + answer.httpStatus() + " " + requestId.length + " " + outcome.length
                    + "\n").getBytes(StandardCharsets.UTF_8));
            record.writeBytes(requestId);
            record.writeBytes(outcome);
            append(record.toByteArray(), "LeadLex's answer to chunk " + answer.chunkNumber());
        }

        /**
         * One record, whole, from whichever sender; false once the journal cannot be written. An answer
         * that is not journaled is not lost (its window still books it; only a crash before that commit
         * would re-send it, booked resent); a note of a request about to go out is refused by the caller.
         */
        private synchronized boolean append(byte[] record, String what) {
            if (failure != null) {
                return false;
            }
            ByteBuffer buffer = ByteBuffer.wrap(record);
            try {
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                return true;
            } catch (IOException e) {
                failure = e.getClass().getSimpleName() + ": " + e.getMessage();
                log.warn("Could not journal {} ({}); no more requests of this run go out", what, failure);
                return false;
            }
        }

        private void close() {
            try {
                channel.close();
            } catch (IOException e) {
                log.warn("Could not close an answer journal: {}", e.getMessage());
            }
        }
    }
}

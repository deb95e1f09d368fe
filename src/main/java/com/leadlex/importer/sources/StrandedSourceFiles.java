package com.leadlex.importer.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.leadlex.importer.cluster.ClusterNodes;
import com.leadlex.importer.cluster.Leadership;
import com.leadlex.importer.system.StartupState;
import com.leadlex.importer.system.StartupStep;
import com.leadlex.importer.system.TransientDatabaseFailures;

/**
 * Gives back the files a stopped process had recorded as taken but never moved away.
 * <p>
 * A folder source records a file's key ({@code <prefix>:<path in its folder>:<size>:<modified>}) when it
 * picks the file up, and moves it to done/ (or deletes it) only once the list is staged. A process
 * killed in between leaves the file where it was with its key recorded, so no later poll would take
 * it again: the list would sit in the inbox for ever. Every folder source moves or deletes what it
 * took, so a recorded file still there, unchanged, is such a list: its key is removed and the file
 * is taken again. Taking it again is safe: a list already staged and imported is recognised by its
 * content and sends nothing twice.
 * <p>
 * A node alone does so at start-up, before the source routes start. With other nodes alive and a
 * shared folder, a file may be recorded because a live node is staging it right now, so only files
 * taken longer ago than {@code importer.stranded-files-after} are given back; the leader looks for
 * such files every minute, so a list a dead node left behind is taken again without any restart.
 * <p>
 * SFTP sources are left alone here: looking needs a connection, and their files are on a server.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class StrandedSourceFiles implements StartupStep {

    private static final Logger log = LoggerFactory.getLogger(StrandedSourceFiles.class);

    private final JdbcTemplate jdbc;
    private final SourcesProperties properties;
    private final ClusterNodes nodes;
    private final Leadership leadership;
    private final StartupState startup;
    private final Clock clock;

    StrandedSourceFiles(JdbcTemplate jdbc, SourcesProperties properties, ClusterNodes nodes, Leadership leadership,
            StartupState startup, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.nodes = nodes;
        this.leadership = leadership;
        this.startup = startup;
        this.clock = clock;
    }

    @Override
    public String description() {
        return "give back source files recorded as taken but never moved";
    }

    @Override
    public void run() {
        if (!properties.watchSources()) {
            return; // a one-shot command takes no file, so it gives none back either
        }
        boolean alone = nodes.list().stream().noneMatch(node -> node.alive() && !node.thisNode());
        giveBack(alone ? Instant.MAX : clock.instant().minus(properties.strandedFilesAfter()));
    }

    /** The leader's look, every minute, for files a node that died meanwhile left taken. */
    @Scheduled(fixedDelay = 60_000, initialDelay = 60_000)
    void giveBackFilesOfDeadNodes() {
        if (!properties.watchSources() || !startup.isComplete() || !leadership.isLeader()) {
            return;
        }
        try {
            giveBack(clock.instant().minus(properties.strandedFilesAfter()));
        } catch (RuntimeException e) {
            log.warn("Could not look for source files left taken by a node that stopped: {}",
                    TransientDatabaseFailures.describe(e));
        }
    }

    /** Gives back every recorded folder file still there unchanged, taken before {@code takenBefore}. */
    private void giveBack(Instant takenBefore) {
        FolderFileKeys folderKeys = FolderFileKeys.of(properties);
        List<TakenKey> keys = jdbc.query("SELECT messageId, createdAt FROM " + SourcesConfiguration.TABLE
                + " WHERE processorName = ?", (rs, row) -> new TakenKey(rs.getString(1), rs.getTimestamp(2).toInstant()),
                SourcesConfiguration.PROCESSOR_NAME);
        for (TakenKey key : keys) {
            if (!key.takenAt().isBefore(takenBefore)) {
                continue;
            }
            folderKeys.parse(key.key()).filter(taken -> stillThere(folderKeys.locate(taken), taken)).ifPresent(taken -> {
                jdbc.update("DELETE FROM " + SourcesConfiguration.TABLE + " WHERE processorName = ? AND messageId = ?",
                        SourcesConfiguration.PROCESSOR_NAME, key.key());
                log.warn("Source {}: {} was taken by an earlier run that stopped before moving it away; taking it "
                        + "again (a list already imported is recognised and not sent twice)", taken.prefix(),
                        folderKeys.locate(taken));
            });
        }
    }

    /** The same file, unchanged, is still where it was picked up. */
    private static boolean stillThere(Path path, FolderFileKeys.TakenFile taken) {
        try {
            return Files.isRegularFile(path) && Files.size(path) == taken.size()
                    && Files.getLastModifiedTime(path).toMillis() == taken.modified();
        } catch (IOException e) {
            return false;
        }
    }

    private record TakenKey(String key, Instant takenAt) {
    }
}

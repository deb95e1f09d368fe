package com.leadlex.importer.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import com.leadlex.importer.system.StartupStep;

/**
 * Gives back the files a stopped process had recorded as taken but never moved away.
 * <p>
 * A folder source records a file's key ({@code <prefix>:<path in its folder>:<size>:<modified>}) when it
 * picks the file up, and moves it to done/ (or deletes it) only once the list is staged. A process
 * killed in between leaves the file where it was with its key recorded, so no later poll would take
 * it again: the list would sit in the inbox for ever. Every folder source moves or deletes what it
 * took, so a recorded file still there, unchanged, is such a list: its key is removed before the
 * source routes start, and the file is taken again. Taking it again is safe: a list already staged
 * and imported is recognised by its content and sends nothing twice.
 * <p>
 * SFTP sources are left alone here: looking needs a connection, and their files are on a server.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class StrandedSourceFiles implements StartupStep {

    private static final Logger log = LoggerFactory.getLogger(StrandedSourceFiles.class);

    private final JdbcTemplate jdbc;
    private final SourcesProperties properties;

    StrandedSourceFiles(JdbcTemplate jdbc, SourcesProperties properties) {
        this.jdbc = jdbc;
        this.properties = properties;
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
        FolderFileKeys folderKeys = FolderFileKeys.of(properties);
        List<String> keys = jdbc.queryForList("SELECT messageId FROM " + SourcesConfiguration.TABLE
                + " WHERE processorName = ?", String.class, SourcesConfiguration.PROCESSOR_NAME);
        for (String key : keys) {
            folderKeys.parse(key).filter(taken -> stillThere(folderKeys.locate(taken), taken)).ifPresent(taken -> {
                jdbc.update("DELETE FROM " + SourcesConfiguration.TABLE + " WHERE processorName = ? AND messageId = ?",
                        SourcesConfiguration.PROCESSOR_NAME, key);
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
}

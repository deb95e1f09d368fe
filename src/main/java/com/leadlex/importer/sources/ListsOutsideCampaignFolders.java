package com.leadlex.importer.sources;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.apache.camel.Endpoint;
import org.apache.camel.component.file.FileEndpoint;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * A folder source that takes the campaign from the sub-folder ({@code campaign-from-folder}, the
 * inbox) looks only at {@code <directory>/<campaign-id>/<list>}: a list dropped into the directory
 * itself would sit there unseen. After each poll this looks at the directory's own files and reports
 * each list there once while it stays (a WARN line, the source's status, a rejected file with the
 * fix, which notifies), and leaves it where it is.
 */
@Component
class ListsOutsideCampaignFolders {

    private static final Logger log = LoggerFactory.getLogger(ListsOutsideCampaignFolders.class);

    /** Lists reported, as route id and path; a list is forgotten once it is gone, so one dropped again is reported again. */
    private final Set<String> reported = ConcurrentHashMap.newKeySet();
    private final SourceStatusRegistry statuses;
    private final RejectedFileRepository rejectedFiles;
    private final Clock clock;

    ListsOutsideCampaignFolders(SourceStatusRegistry statuses, RejectedFileRepository rejectedFiles, Clock clock) {
        this.statuses = statuses;
        this.rejectedFiles = rejectedFiles;
        this.clock = clock;
    }

    void check(String routeId, Endpoint endpoint) {
        if (!(endpoint instanceof FileEndpoint folder) || folder.getMinDepth() < 2) {
            return;
        }
        Path directory = folder.getFile().toPath();
        Set<String> present = new HashSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.filter(Files::isRegularFile)
                    .filter(file -> ContactListFileFilter.isContactList(file.getFileName().toString()))
                    .forEach(file -> {
                        String key = routeId + ":" + file.toAbsolutePath();
                        present.add(key);
                        if (reported.add(key)) {
                            report(routeId, directory, file);
                        }
                    });
        } catch (IOException e) {
            log.debug("Could not look for lists outside campaign folders in {}: {}", directory, e.toString());
            return;
        }
        reported.removeIf(key -> key.startsWith(routeId + ":") && !present.contains(key));
    }

    private void report(String routeId, Path directory, Path file) {
        String name = file.getFileName().toString();
        String reason = "not in a campaign folder, so not imported: move it into " + directory.resolve("<campaign-id>")
                + " (a sub-folder named after the LeadLex campaign ID)";
        log.warn("List {} is in {} itself, {}", name, directory, reason);
        String text = "File:     " + name + "\n"
                + "Time:     " + clock.instant() + "\n"
                + "Problem:  " + reason + "\n"
                + "Nothing from this file was imported; it stays where it is.\n";
        try {
            rejectedFiles.add(new RejectedFile(0, statuses.sourceName(routeId), routeId, name, null, reason, text,
                    "left in " + directory, clock.instant()));
        } catch (RuntimeException e) {
            log.warn("Could not record {} as rejected: {}", name, e.getMessage());
        }
        statuses.fileRejected(routeId, name, reason);
    }
}

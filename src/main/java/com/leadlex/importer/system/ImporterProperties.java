package com.leadlex.importer.system;

import java.nio.file.Path;
import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The importer's own settings ({@code importer.*}).
 *
 * @param dataDir                    where the H2 database, staged lists and results files live
 * @param inbox                      the watched folder: one sub-folder per campaign ID
 * @param chunkSize                  IDs per LeadLex request, 1 to 500 (LeadLex refuses more)
 * @param maxConcurrentImports       imports that run at once; more wait in a queue
 * @param resumePollInterval         the safety net behind the resume alarm: how often the leader looks for
 *                                   paused imports that are due, and for other nodes' pauses to set its alarm
 * @param resumeInterruptedOnStartup restart, at start-up, imports that a crash or kill interrupted
 * @param sourceTag                  the {@code source} sent to LeadLex; {source} and {file} are replaced
 * @param nodeName                   this node's name in lease owners and logs; the host name if blank
 * @param leaseTtl                   how long a running import's lease lasts unless renewed (every third of it)
 * @param requestsPerCommit          LeadLex requests booked in one commit of the send step, at least
 *                                   {@code leadlex.max-in-flight}; unset, as many as LeadLex answers in
 *                                   200 ms at its last pace, at most 32 (one window in flight when a
 *                                   request takes 200 ms or more, or the quota paces them)
 */
@ConfigurationProperties("importer")
public record ImporterProperties(
        @DefaultValue("./data") Path dataDir,
        @DefaultValue("./inbox") Path inbox,
        @DefaultValue("500") int chunkSize,
        @DefaultValue("4") int maxConcurrentImports,
        @DefaultValue("15s") Duration resumePollInterval,
        @DefaultValue("true") boolean resumeInterruptedOnStartup,
        @DefaultValue("import:{source}:{file}") String sourceTag,
        String nodeName,
        @DefaultValue("30s") Duration leaseTtl,
        Integer requestsPerCommit) {

    /** LeadLex's documented cap on contact IDs per request. */
    public static final int LEADLEX_MAX_IDS_PER_REQUEST = 500;
    /** At 8 requests a commit its transactions were a tenth of the send's CPU: more only widens a crash's re-send. */
    public static final int MAX_REQUESTS_PER_COMMIT = 32;

    @ConstructorBinding
    public ImporterProperties {
        if (chunkSize < 1 || chunkSize > LEADLEX_MAX_IDS_PER_REQUEST) {
            throw new IllegalArgumentException("importer.chunk-size must be between 1 and "
                    + LEADLEX_MAX_IDS_PER_REQUEST + " (LeadLex accepts at most 500 IDs per request), but is " + chunkSize);
        }
        if (leaseTtl.toMillis() < 300) {
            throw new IllegalArgumentException("importer.lease-ttl must be at least 300ms, but is " + leaseTtl);
        }
        if (requestsPerCommit != null && (requestsPerCommit < 1 || requestsPerCommit > MAX_REQUESTS_PER_COMMIT)) {
            throw new IllegalArgumentException("importer.requests-per-commit must be between 1 and "
                    + MAX_REQUESTS_PER_COMMIT + ", but is " + requestsPerCommit);
        }
        if (maxConcurrentImports < 1) {
            throw new IllegalArgumentException("importer.max-concurrent-imports must be at least 1, but is "
                    + maxConcurrentImports);
        }
    }

    /** The settings before {@code requests-per-commit} existed: it is left to the default. */
    public ImporterProperties(Path dataDir, Path inbox, int chunkSize, int maxConcurrentImports,
            Duration resumePollInterval, boolean resumeInterruptedOnStartup, String sourceTag, String nodeName,
            Duration leaseTtl) {
        this(dataDir, inbox, chunkSize, maxConcurrentImports, resumePollInterval, resumeInterruptedOnStartup,
                sourceTag, nodeName, leaseTtl, null);
    }

    /** The {@code source} tag for a list from {@code sourceName} in {@code fileName}. */
    public String sourceTagFor(String sourceName, String fileName) {
        return sourceTag.replace("{source}", sourceName).replace("{file}", fileName == null ? "" : fileName);
    }

    public Path importsDir() {
        return dataDir.resolve("imports");
    }
}

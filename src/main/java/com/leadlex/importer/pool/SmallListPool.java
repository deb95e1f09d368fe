package com.leadlex.importer.pool;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import com.leadlex.importer.importjob.ImportJobParameters;
import com.leadlex.importer.importjob.ImportRequest;
import com.leadlex.importer.importjob.ImporterMeters;
import com.leadlex.importer.importjob.LaunchResult;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.ledger.NewImport;
import com.leadlex.importer.staging.ImportDirectories;
import com.leadlex.importer.staging.ImportFiles;
import com.leadlex.importer.staging.StagedList;
import com.leadlex.importer.system.ImporterProperties;

/**
 * Puts a small staged list into its campaign's pool instead of launching an import of its own: the
 * list is registered as an import (status POOLED, its own source tag, file and results), then its IDs
 * are written to the pool, both before the caller acknowledges the list. A pooled import later sends
 * them with the campaign's other pending IDs ({@code intake.PoolBatcher}), and this list's import
 * follows that one's end ({@link PooledListFollower}). The same list dropped again is recognised as
 * any list is: already imported (by a pooled or a plain import), or still waiting in the pool.
 */
@Component
public class SmallListPool {

    private static final Logger log = LoggerFactory.getLogger(SmallListPool.class);

    private final ImportRepository imports;
    private final PooledContactRepository pool;
    private final PoolMemberRepository members;
    private final JobRepository jobRepository;
    private final ImporterProperties properties;
    private final PoolProperties poolProperties;
    private final ImporterMeters meters;
    private final ImportDirectories directories;
    private final Clock clock;

    public SmallListPool(ImportRepository imports, PooledContactRepository pool, PoolMemberRepository members,
            JobRepository jobRepository, ImporterProperties properties, PoolProperties poolProperties,
            ImporterMeters meters, ImportDirectories directories, Clock clock) {
        this.directories = directories;
        this.clock = clock;
        this.imports = imports;
        this.pool = pool;
        this.members = members;
        this.jobRepository = jobRepository;
        this.properties = properties;
        this.poolProperties = poolProperties;
        this.meters = meters;
    }

    /**
     * Whether a list with this many valid IDs, staged this way, goes to the pool when its source pools below
     * {@code below}: fewer valid IDs, and no e-mail rows (those are resolved by an import of their own).
     */
    public static boolean fits(StagedList staged, int below) {
        return below > 0 && staged.validUnique() < below && !hasEmailRows(staged.directory());
    }

    /** {@code importer.pool.below}, what a source that does not say otherwise pools below. */
    public int defaultBelow() {
        return poolProperties.below();
    }

    public synchronized LaunchResult join(StagedList staged, ImportRequest request) {
        if (!request.force()) {
            Optional<LaunchResult> earlier = earlierImportOfTheSameList(staged, request);
            if (earlier.isPresent()) {
                return earlier.get();
            }
        }
        long id = imports.insert(newImport(staged, request, ImportStatus.POOLED, null));
        meters.listStaged(staged.invalid(), staged.duplicates());
        pool.addList(request.campaignId(), id, spool(staged.spoolFile()));
        imports.notePooled(id, PooledListFollower.WAITING,
                "waiting in campaign " + request.campaignId() + "'s pool: sent with the campaign's other pending "
                        + "IDs once 500 are pending or after " + poolProperties.maxWait().toSeconds() + " s");
        log.info("Import {} pooled: {} -> campaign {}, {} valid IDs wait for the campaign's pooled import", id,
                request.fileName(), request.campaignId(), staged.validUnique());
        return new LaunchResult(id, LaunchResult.Disposition.POOLED);
    }

    /**
     * Lists registered as pooled more than {@code grace} ago whose IDs never reached the pool (the process
     * stopped between the two writes, before the list was acknowledged): their IDs are put in the pool from
     * their staged copy in the database, so the list is not left waiting for ever.
     */
    public synchronized void repoolLost(Duration grace) {
        for (long id : members.pooledWithoutIds(clock.instant().minus(grace))) {
            ImportRecord record = imports.findById(id).orElseThrow();
            List<String> ids = new ArrayList<>();
            boolean found = directories.read(record.stagingName(), ImportFiles.SPOOL, in -> new BufferedReader(
                    new InputStreamReader(in, StandardCharsets.UTF_8)).lines().filter(line -> !line.isBlank())
                    .forEach(ids::add));
            if (found && !ids.isEmpty()) {
                log.warn("Import {} was pooled but its IDs never reached the pool: putting its {} ID(s) in now", id,
                        ids.size());
                pool.addList(record.campaignId(), id, ids);
            }
        }
    }

    private Optional<LaunchResult> earlierImportOfTheSameList(StagedList staged, ImportRequest request) {
        Optional<Long> imported = importedByAPlainImport(request.campaignId(), staged.contentHash());
        Optional<PoolMemberRepository.Member> pooled = members.latestWithSameList(request.campaignId(),
                staged.contentHash());
        if (imported.isEmpty() && pooled.isPresent()
                && ImportStatus.COMPLETED.name().equals(pooled.get().status())) {
            imported = Optional.of(pooled.get().importId());
        }
        if (imported.isPresent()) {
            long id = imports.insert(newImport(staged, request, ImportStatus.ALREADY_IMPORTED, imported.get()));
            log.info("{} was already imported into campaign {} by import {}: nothing pooled (import {}); use force "
                    + "to import it again", request.fileName(), request.campaignId(), imported.get(), id);
            return Optional.of(new LaunchResult(id, LaunchResult.Disposition.ALREADY_IMPORTED));
        }
        if (pooled.isPresent() && ImportStatus.POOLED.name().equals(pooled.get().status())) {
            log.info("{} already waits in campaign {}'s pool as import {}", request.fileName(), request.campaignId(),
                    pooled.get().importId());
            return Optional.of(new LaunchResult(pooled.get().importId(), LaunchResult.Disposition.ALREADY_RUNNING));
        }
        return imports.findUnfinished(request.campaignId(), staged.contentHash())
                .map(running -> new LaunchResult(running.id(), LaunchResult.Disposition.ALREADY_RUNNING));
    }

    private Optional<Long> importedByAPlainImport(String campaignId, String contentHash) {
        JobInstance earlier = jobRepository.getJobInstance(ImportJobParameters.JOB_NAME,
                ImportJobParameters.identity(campaignId, contentHash, null));
        if (earlier == null) {
            return Optional.empty();
        }
        JobExecution last = jobRepository.getLastJobExecution(earlier);
        return last != null && last.getStatus() == BatchStatus.COMPLETED
                ? Optional.of(last.getJobParameters().getLong(ImportJobParameters.IMPORT_ID)) : Optional.empty();
    }

    private NewImport newImport(StagedList staged, ImportRequest request, ImportStatus status, Long duplicateOf) {
        return new NewImport(request.campaignId(), request.sourceName(), request.fileName(), request.sourceTag(),
                staged.directory(), staged.contentHash(), status, staged.rowsRead(), staged.validUnique(),
                staged.invalid(), staged.duplicates(), properties.chunkSize(), duplicateOf);
    }

    static List<String> spool(Path spoolFile) {
        try {
            return Files.readAllLines(spoolFile, StandardCharsets.UTF_8).stream().filter(line -> !line.isBlank())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the staged IDs in " + spoolFile, e);
        }
    }

    private static boolean hasEmailRows(Path stagingDirectory) {
        Path emails = new ImportFiles(stagingDirectory).emails();
        if (!Files.exists(emails)) {
            return false;
        }
        try (var lines = Files.lines(emails, StandardCharsets.UTF_8)) {
            return lines.skip(1).anyMatch(line -> !line.isBlank());
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + emails, e);
        }
    }
}

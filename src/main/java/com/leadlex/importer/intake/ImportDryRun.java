package com.leadlex.importer.intake;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.springframework.batch.core.BatchStatus;
import org.springframework.batch.core.job.JobExecution;
import org.springframework.batch.core.job.JobInstance;
import org.springframework.batch.core.repository.JobRepository;
import org.springframework.stereotype.Component;

import com.leadlex.importer.importjob.ImportJobParameters;
import com.leadlex.importer.leadlex.LeadLexProperties;
import com.leadlex.importer.leadlex.QuotaLimits;
import com.leadlex.importer.staging.ContactListStager;
import com.leadlex.importer.staging.StagedList;
import com.leadlex.importer.system.ImporterProperties;

/**
 * The dry run shared by the command line, the API and the dashboard: stages the list exactly as an
 * import would (same parser, same validation, same de-duplication), into a scratch directory that is
 * removed afterwards, and computes requests and time from the chunk size and the key's plan. No
 * import is registered and LeadLex is not called.
 */
@Component
public class ImportDryRun {

    private static final int SHOWN_REJECTS = 10;

    private final ContactListStager stager;
    private final JobRepository jobRepository;
    private final ImporterProperties properties;
    private final LeadLexProperties leadLex;

    public ImportDryRun(ContactListStager stager, JobRepository jobRepository, ImporterProperties properties,
            LeadLexProperties leadLex) {
        this.stager = stager;
        this.jobRepository = jobRepository;
        this.properties = properties;
        this.leadLex = leadLex;
    }

    /** @throws com.leadlex.importer.staging.ContactListRejectedException when the campaign ID or the list is unusable */
    public DryRunReport check(InputStream content, String fileName, String campaignId) {
        CampaignIds.requireValid(campaignId);
        Path scratch = properties.dataDir().resolve("dry-runs").resolve(UUID.randomUUID().toString());
        try {
            StagedList staged = stager.stage(content, fileName, scratch);
            int chunkSize = properties.chunkSize();
            long requests = (staged.validUnique() + chunkSize - 1) / chunkSize;
            QuotaLimits limits = leadLex.limits();
            return new DryRunReport(campaignId, fileName, staged.rowsRead(), staged.validUnique(), staged.invalid(),
                    staged.duplicates(), chunkSize, requests, limits, duration(requests, limits),
                    describe(requests, limits), alreadyImportedBy(campaignId, staged.contentHash()),
                    firstRejects(staged.rejectsFile()));
        } finally {
            deleteTree(scratch);
        }
    }

    /**
     * The time quota windows impose: each UTC day sends at most the day's quota, each minute at most
     * the minute's, and the first request goes at once.
     */
    static Duration duration(long requests, QuotaLimits limits) {
        if (requests <= 0) {
            return Duration.ZERO;
        }
        long fullDays = limits.perDay() > 0 ? (requests - 1) / limits.perDay() : 0;
        long lastDay = requests - fullDays * limits.perDay();
        long minutes = limits.perMinute() > 0 ? (lastDay - 1) / limits.perMinute() : 0;
        return Duration.ofDays(fullDays).plusMinutes(minutes);
    }

    static String describe(long requests, QuotaLimits limits) {
        if (limits.perMinute() == 0 && limits.perDay() == 0) {
            return "the key's plan sets no quota, so it takes as long as LeadLex takes to answer " + requests
                    + " request(s)";
        }
        Duration time = duration(requests, limits);
        String windows = (limits.perMinute() > 0 ? limits.perMinute() + " requests a minute" : "")
                + (limits.perMinute() > 0 && limits.perDay() > 0 ? ", " : "")
                + (limits.perDay() > 0 ? limits.perDay() + " requests a UTC day" : "");
        String words = time.isZero() ? "within the first minute"
                : time.toDays() > 0 ? "about " + time.toDays() + " day(s) and " + time.toMinutesPart() + " minute(s)"
                        + " (the import pauses when a day's quota is used and resumes by itself at midnight UTC)"
                : "about " + time.toMinutes() + " minute(s)";
        return words + " at " + windows + ", if nothing else uses the key";
    }

    private Long alreadyImportedBy(String campaignId, String contentHash) {
        JobInstance earlier = jobRepository.getJobInstance(ImportJobParameters.JOB_NAME,
                ImportJobParameters.identity(campaignId, contentHash, null));
        if (earlier == null) {
            return null;
        }
        JobExecution last = jobRepository.getLastJobExecution(earlier);
        return last != null && last.getStatus() == BatchStatus.COMPLETED
                ? last.getJobParameters().getLong(ImportJobParameters.IMPORT_ID) : null;
    }

    private static List<String> firstRejects(Path rejectsFile) {
        List<String> shown = new ArrayList<>();
        if (!Files.exists(rejectsFile)) {
            return shown;
        }
        try (BufferedReader reader = Files.newBufferedReader(rejectsFile, StandardCharsets.UTF_8)) {
            for (CSVRecord reject : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                if (shown.size() == SHOWN_REJECTS) {
                    break;
                }
                shown.add("line " + reject.get(0) + ": '" + reject.get(1) + "' (" + reject.get(2) + ")");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return shown;
    }

    private static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (var files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package com.leadlex.importer.intake;

import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Set;

import com.leadlex.importer.contacts.ContactDirectory;
import com.leadlex.importer.contacts.ContactsProperties;
import com.leadlex.importer.leadlex.LeadLexContactsClient;
import com.leadlex.importer.staging.ImportFiles;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

import com.leadlex.importer.importjob.CompletionPlanner;
import com.leadlex.importer.importjob.CompletionPlanner.NewImportForecast;
import com.leadlex.importer.importjob.ImportJobParameters;
import com.leadlex.importer.staging.ContactListStager;
import com.leadlex.importer.staging.StagedList;
import com.leadlex.importer.system.ImporterProperties;

/**
 * The dry run shared by the command line, the API and the dashboard: stages the list exactly as an
 * import would (same parser, same validation, same de-duplication), into a scratch directory that is
 * removed afterwards, counts the requests (chunk size) and asks the {@link CompletionPlanner} when they
 * would be done, on the key as it stands (quota used today, unfinished imports it would take turns
 * with): the same figure the API shows once the list is imported. No import is registered and
 * LeadLex is not called.
 */
@Component
public class ImportDryRun {

    private static final int SHOWN_REJECTS = 10;

    private final ContactListStager stager;
    private final JobRepository jobRepository;
    private final ImporterProperties properties;
    private final CompletionPlanner planner;

    private final ContactDirectory directory;
    private final ContactsProperties contacts;

    public ImportDryRun(ContactListStager stager, JobRepository jobRepository, ImporterProperties properties,
            CompletionPlanner planner, ContactDirectory directory, ContactsProperties contacts) {
        this.directory = directory;
        this.contacts = contacts;
        this.stager = stager;
        this.jobRepository = jobRepository;
        this.properties = properties;
        this.planner = planner;
    }

    /** @throws com.leadlex.importer.staging.ContactListRejectedException when the campaign ID or the list is unusable */
    public DryRunReport check(InputStream content, String fileName, String campaignId) {
        CampaignIds.requireValid(campaignId);
        Path scratch = properties.dataDir().resolve("dry-runs").resolve(UUID.randomUUID().toString());
        try {
            StagedList staged = stager.stage(content, fileName, scratch);
            int chunkSize = properties.chunkSize();
            // e-mail rows: the directory is read (no request); addresses it does not know cost an export, and
            // bulk calls when they are to be created (at most those: the export may find them)
            Set<String> addresses = uniqueEmails(new ImportFiles(scratch).emails());
            Set<String> unknown = new HashSet<>(addresses);
            try {
                unknown.removeAll(directory.lookUp(addresses).keySet());
            } catch (RuntimeException e) {
                // no key configured, or the database's directory unreadable: count every address as unknown
            }
            long contactsToCreate = contacts.createMissing() ? unknown.size() : 0;
            long lookUps = unknown.isEmpty() ? 0 : 1;
            long creations = (contactsToCreate + LeadLexContactsClient.MAX_CONTACTS_PER_CREATION - 1)
                    / LeadLexContactsClient.MAX_CONTACTS_PER_CREATION;
            // at most: before the export, an address the directory does not know yet may well exist
            long requests = (staged.validUnique() + chunkSize - 1) / chunkSize;
            NewImportForecast forecast = planner.forecastNew(requests + lookUps + creations);
            return new DryRunReport(campaignId, fileName, staged.rowsRead(), staged.validUnique(), staged.invalid(),
                    staged.duplicates(), chunkSize, requests, forecast.outlook().limits(), forecast.eta(),
                    DryRunEstimate.duration(forecast), DryRunEstimate.describe(requests + lookUps + creations,
                            forecast),
                    alreadyImportedBy(campaignId, staged.contentHash()), firstRejects(staged.rejectsFile()),
                    addresses.size(), contactsToCreate, lookUps, creations);
        } finally {
            deleteTree(scratch);
        }
    }

    private static Set<String> uniqueEmails(Path emailsFile) {
        Set<String> addresses = new LinkedHashSet<>();
        if (!Files.exists(emailsFile)) {
            return addresses;
        }
        try (BufferedReader reader = Files.newBufferedReader(emailsFile, StandardCharsets.UTF_8)) {
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                addresses.add(row.get("email"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return addresses;
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

package com.leadlex.importer.importjob;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.batch.core.step.StepContribution;
import org.springframework.batch.core.scope.context.ChunkContext;
import org.springframework.batch.core.step.tasklet.Tasklet;
import org.springframework.batch.infrastructure.repeat.RepeatStatus;
import org.springframework.stereotype.Component;

import com.leadlex.importer.contacts.ContactDirectory;
import com.leadlex.importer.contacts.ContactsProperties;
import com.leadlex.importer.contacts.DirectoryEntry;
import com.leadlex.importer.contacts.DirectoryRefreshDeferredException;
import com.leadlex.importer.contacts.DirectorySource;
import com.leadlex.importer.contacts.RefreshResult;
import com.leadlex.importer.leadlex.CreatedContacts;
import com.leadlex.importer.leadlex.FoundContact;
import com.leadlex.importer.leadlex.LeadLexContactsClient;
import com.leadlex.importer.leadlex.NewContact;
import com.leadlex.importer.leadlex.QuotaExhaustedException;
import com.leadlex.importer.leadlex.TransportNotReadyException;
import com.leadlex.importer.ledger.ImportEmailRepository;
import com.leadlex.importer.ledger.ImportEmailRepository.ImportEmail;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.staging.EmailAddresses;
import com.leadlex.importer.staging.ImportDirectories;
import com.leadlex.importer.staging.ImportFiles;
import com.leadlex.importer.staging.StoredImportFiles;
import com.leadlex.importer.system.ImporterProperties;

/**
 * The job's first step: gives the e-mail rows of an import their contact IDs before any add-contacts
 * request. It reads the staged {@code emails.csv}, looks the addresses up in the contact directory,
 * refreshes the directory (incrementally) once when some are missing, creates the rest in bulk when
 * asked to ({@code importer.contacts.create-missing}, or the import's own {@code createMissing}), and
 * writes the spool the send step reads: the list's IDs and the resolved ones in source order, unknown
 * addresses left out ({@code resolved.txt}, {@code resolved.lines}, stored in the database).
 * <p>
 * What it learns is in IMPORT_EMAIL as it goes, so a restart goes on from there, on any node: an address
 * recorded as sent in a bulk call whose answer was not booked is looked up (export, then search), never
 * created again. A completed step is not run again. A deferred export or an exhausted quota pauses the
 * import until then, with the reason; an export or creation that failed for good fails it.
 */
@Component
class EmailResolution implements Tasklet {

    private static final Logger log = LoggerFactory.getLogger(EmailResolution.class);

    private final ImportRepository imports;
    private final ImportEmailRepository emails;
    private final ImportDirectories directories;
    private final StoredImportFiles stored;
    private final ContactDirectory directory;
    private final LeadLexContactsClient client;
    private final ContactsProperties properties;
    private final List<CreateMissingBySource> sources;
    private final ImportStopRequests stopRequests;
    private final Clock clock;
    private final Duration resumeDelay;
    private final int chunkSize;

    EmailResolution(ImportRepository imports, ImportEmailRepository emails, ImportDirectories directories,
            StoredImportFiles stored, ContactDirectory directory, LeadLexContactsClient client,
            ContactsProperties properties, List<CreateMissingBySource> sources, ImportStopRequests stopRequests,
            ImporterProperties importer, Clock clock) {
        this.sources = sources;
        this.imports = imports;
        this.emails = emails;
        this.directories = directories;
        this.stored = stored;
        this.directory = directory;
        this.client = client;
        this.properties = properties;
        this.stopRequests = stopRequests;
        this.clock = clock;
        this.resumeDelay = importer.resumePollInterval();
        this.chunkSize = importer.chunkSize();
    }

    @Override
    public RepeatStatus execute(StepContribution contribution, ChunkContext chunkContext) throws Exception {
        var parameters = contribution.getStepExecution().getJobExecution().getJobParameters();
        long importId = parameters.getLong(ImportJobParameters.IMPORT_ID);
        ImportRecord record = imports.findById(importId).orElseThrow(
                () -> new IllegalStateException("Import " + importId + " is not registered"));
        boolean createMissing = createMissing(parameters.getString(ImportJobParameters.CREATE_MISSING), record);
        if (stopRequests.isRequested(importId)) {
            throw new ImportStoppedException("Stopped by an operator before its e-mail addresses were resolved");
        }
        Map<String, ImportEmail> firstRows = readEmailRows(record.stagingName());
        if (firstRows.isEmpty()) {
            return RepeatStatus.FINISHED;
        }
        List<ImportEmail> rows = emails.find(importId);
        if (rows.isEmpty()) {
            emails.insert(importId, firstRows.values());
            rows = emails.find(importId);
        }
        Requests requests = new Requests();
        try {
            resolve(importId, rows, createMissing, requests);
        } catch (DirectoryRefreshDeferredException e) {
            String reason = "E-mail addresses not resolved yet: " + e.getMessage() + "; the import goes on by itself";
            throw pause(importId, e.until(), "export_rate_limited", reason);
        } catch (QuotaExhaustedException e) {
            throw pause(importId, e.resumeAt(), "quota_exhausted", e.getMessage());
        } catch (TransportNotReadyException e) {
            throw pause(importId, clock.instant().plus(resumeDelay), "importer_not_ready",
                    "E-mail addresses not resolved yet: " + e.getMessage() + "; it goes on by itself");
        } finally {
            emails.countRequests(importId, requests.lookUps, requests.creations);
        }
        long ids = writeResolvedSpool(importId, record.stagingName(), emails.find(importId));
        emails.recordTotalChunks(importId, (int) ((ids + chunkSize - 1) / chunkSize));
        return RepeatStatus.FINISHED;
    }

    /** The import's own parameter, else its source's setting, else importer.contacts.create-missing. */
    private boolean createMissing(String parameter, ImportRecord record) {
        if (parameter != null && !parameter.isBlank()) {
            return Boolean.parseBoolean(parameter);
        }
        return sources.stream().map(source -> source.createMissing(record.sourceName())).flatMap(Optional::stream)
                .findFirst().orElse(properties.createMissing());
    }

    private void resolve(long importId, List<ImportEmail> rows, boolean createMissing, Requests requests) {
        Map<String, ImportEmail> open = new LinkedHashMap<>();
        Map<String, ImportEmail> sentBefore = new LinkedHashMap<>();
        int lastBatch = 0;
        for (ImportEmail row : rows) {
            if (row.bulkBatch() != null) {
                lastBatch = Math.max(lastBatch, row.bulkBatch());
            }
            if (row.contactId() == null) {
                (row.bulkBatch() != null ? sentBefore : open).put(row.email(), row);
            }
        }
        if (!sentBefore.isEmpty()) {
            // a bulk call was recorded as sent but its answer never booked: find, never create again
            log.info("Import {}: {} address(es) were sent for creation before a restart; looking them up",
                    importId, sentBefore.size());
            lookUpAgain(importId, sentBefore, ImportEmailRepository.CREATED, requests);
            open.putAll(sentBefore);
        }
        if (open.isEmpty()) {
            return;
        }
        fromDirectory(importId, open, ImportEmailRepository.DIRECTORY);
        if (!open.isEmpty()) {
            refresh(clock.instant(), requests);
            fromDirectory(importId, open, ImportEmailRepository.DIRECTORY);
        }
        if (open.isEmpty() || !createMissing) {
            log.info("Import {}: e-mail addresses resolved, {} unknown", importId, open.size());
            return;
        }
        List<ImportEmail> toCreate = new ArrayList<>(open.values());
        Map<String, ImportEmail> notReturned = new LinkedHashMap<>();
        for (int from = 0; from < toCreate.size(); from += LeadLexContactsClient.MAX_CONTACTS_PER_CREATION) {
            List<ImportEmail> batch = toCreate.subList(from,
                    Math.min(toCreate.size(), from + LeadLexContactsClient.MAX_CONTACTS_PER_CREATION));
            int batchNumber = ++lastBatch;
            emails.markSent(importId, batch, batchNumber);
            requests.creations++;
            CreatedContacts created = client.createContacts(batch.stream()
                    .map(row -> new NewContact(row.email(), row.fullName() == null || row.fullName().isBlank()
                            ? null : row.fullName()))
                    .toList());
            directory.remember(created.contacts(), DirectorySource.CREATED);
            Map<String, String> idByEmail = new HashMap<>();
            for (FoundContact contact : created.contacts()) {
                idByEmail.put(EmailAddresses.normalize(contact.email()), contact.id());
            }
            List<ImportEmail> resolved = new ArrayList<>();
            for (ImportEmail row : batch) {
                String id = idByEmail.get(row.email());
                if (id == null) {
                    notReturned.put(row.email(), row);
                } else {
                    resolved.add(withId(row, id, ImportEmailRepository.CREATED));
                }
            }
            emails.resolve(importId, resolved);
            log.info("Import {}: bulk creation {} created {} of {} contact(s)", importId, batchNumber,
                    created.created(), batch.size());
        }
        if (!notReturned.isEmpty()) {
            // LeadLex skips addresses it has without saying so: they exist, find them
            lookUpAgain(importId, notReturned, ImportEmailRepository.DIRECTORY, requests);
        }
    }

    /** An incremental export, then a search per address still missing. */
    private void lookUpAgain(long importId, Map<String, ImportEmail> rows, String foundBy, Requests requests) {
        fromDirectory(importId, rows, foundBy);
        if (rows.isEmpty()) {
            return;
        }
        refresh(clock.instant(), requests);
        fromDirectory(importId, rows, foundBy);
        List<ImportEmail> found = new ArrayList<>();
        List<FoundContact> learnt = new ArrayList<>();
        for (ImportEmail row : List.copyOf(rows.values())) {
            requests.lookUps++;
            for (FoundContact contact : client.searchContacts(row.email(), 1, LeadLexContactsClient.MAX_PER_PAGE)
                    .contacts()) {
                if (contact.email() != null && EmailAddresses.normalize(contact.email()).equals(row.email())) {
                    found.add(withId(row, contact.id(), foundBy));
                    learnt.add(contact);
                    rows.remove(row.email());
                    break;
                }
            }
        }
        directory.remember(learnt, DirectorySource.SEARCH);
        emails.resolve(importId, found);
    }

    private void refresh(Instant neededSince, Requests requests) {
        RefreshResult result = directory.refresh(neededSince);
        requests.lookUps += result.exportCalls();
    }

    /** Resolves (and removes from {@code open}) what the directory knows. */
    private void fromDirectory(long importId, Map<String, ImportEmail> open, String foundBy) {
        Map<String, DirectoryEntry> known = directory.lookUp(open.keySet());
        List<ImportEmail> resolved = new ArrayList<>();
        for (Map.Entry<String, DirectoryEntry> entry : known.entrySet()) {
            ImportEmail row = open.remove(entry.getKey());
            if (row != null) {
                resolved.add(withId(row, entry.getValue().contactId(), foundBy));
            }
        }
        emails.resolve(importId, resolved);
    }

    private static ImportEmail withId(ImportEmail row, String contactId, String foundBy) {
        return new ImportEmail(row.line(), row.email(), row.fullName(), contactId.toLowerCase(Locale.ROOT), foundBy,
                row.bulkBatch());
    }

    private ImportPausedException pause(long importId, Instant until, String code, String reason) {
        imports.recordResumeTime(importId, until, code, reason);
        log.info("Import {} paused before sending: {}; resumes at {}", importId, reason, until);
        return new ImportPausedException(until, reason);
    }

    /** The first row of every address in {@code emails.csv}, by address; empty when the list has none. */
    private Map<String, ImportEmail> readEmailRows(String stagingName) {
        Map<String, ImportEmail> first = new LinkedHashMap<>();
        directories.read(stagingName, ImportFiles.EMAILS, in -> {
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (CSVRecord row : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                    .parse(reader)) {
                String email = row.get("email");
                first.putIfAbsent(email, new ImportEmail(Long.parseLong(row.get("line")), email,
                        row.get("full_name"), null, null, null));
            }
        });
        return first;
    }

    /**
     * The spool with every e-mail row's key replaced by its contact ID, unknown ones left out, beside the
     * source lines; written next to the staged files, then stored in the database. Returns the IDs in it.
     */
    private long writeResolvedSpool(long importId, String stagingName, List<ImportEmail> rows) throws IOException {
        Map<Long, String> idByLine = new HashMap<>();
        for (ImportEmail row : rows) {
            idByLine.put(row.line(), row.contactId());
        }
        ImportFiles files = directories.withLocalCopy(stagingName, List.of(ImportFiles.SPOOL, ImportFiles.SPOOL_LINES));
        Path resolved = files.file(ImportFiles.RESOLVED);
        Path resolvedLines = files.file(ImportFiles.RESOLVED_LINES);
        Path resolvedTemp = resolved.resolveSibling(ImportFiles.RESOLVED + ".tmp");
        Path linesTemp = resolvedLines.resolveSibling(ImportFiles.RESOLVED_LINES + ".tmp");
        long written = 0;
        try (BufferedReader ids = Files.newBufferedReader(files.spool(), StandardCharsets.UTF_8);
                BufferedReader lines = Files.newBufferedReader(files.spoolLines(), StandardCharsets.UTF_8);
                BufferedWriter idsOut = Files.newBufferedWriter(resolvedTemp, StandardCharsets.UTF_8);
                BufferedWriter linesOut = Files.newBufferedWriter(linesTemp, StandardCharsets.UTF_8)) {
            String id;
            String line;
            while ((id = ids.readLine()) != null && (line = lines.readLine()) != null) {
                long sourceLine = Long.parseLong(line.trim());
                String contactId = idByLine.containsKey(sourceLine) ? idByLine.get(sourceLine) : id;
                if (contactId == null) {
                    continue;
                }
                idsOut.write(contactId);
                idsOut.newLine();
                linesOut.write(line.trim());
                linesOut.newLine();
                written++;
            }
        }
        try {
            Files.move(resolvedTemp, resolved, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            Files.move(linesTemp, resolvedLines, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the resolved spool of import " + importId, e);
        }
        stored.store(stagingName, files, List.of(ImportFiles.RESOLVED, ImportFiles.RESOLVED_LINES));
        log.info("Import {}: {} ID(s) to send after resolving its e-mail addresses", importId, written);
        return written;
    }

    private static final class Requests {
        long lookUps;
        long creations;
    }
}

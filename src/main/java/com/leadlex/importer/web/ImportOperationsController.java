package com.leadlex.importer.web;

import java.io.IOException;
import java.io.InputStream;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

import com.leadlex.importer.importjob.ImportOperations;
import com.leadlex.importer.intake.ContactListIntake;
import com.leadlex.importer.intake.DryRunReport;
import com.leadlex.importer.intake.ImportDryRun;
import com.leadlex.importer.intake.IntakeResult;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportAuditRepository;
import com.leadlex.importer.ledger.ImportRepository;

/**
 * What operators do to imports over HTTP: upload a list, check one without sending it, stop,
 * restart, and resume a paused one now. Lists go through the same intake as the inbox, so staging, de-duplication and "already
 * imported" behave the same whichever way a list arrives.
 */
@RestController
@RequestMapping("/api/imports")
@Tag(name = "Operations", description = "Upload, dry-run, stop, restart and resume imports")
public class ImportOperationsController {

    private final ContactListIntake intake;
    private final ImportDryRun dryRun;
    private final ImportOperations operations;
    private final ImportRepository imports;
    private final ImportAuditRepository audit;
    private final CurrentOperator operator;

    public ImportOperationsController(ContactListIntake intake, ImportDryRun dryRun, ImportOperations operations,
            ImportRepository imports, ImportAuditRepository audit, CurrentOperator operator) {
        this.audit = audit;
        this.operator = operator;
        this.intake = intake;
        this.dryRun = dryRun;
        this.operations = operations;
        this.imports = imports;
    }

    /** The answer to an upload: which import carries the list, and what staging found in it. */
    public record UploadResult(long importId, String disposition, long rowsRead, long valid, long invalid,
            long duplicates) {
    }

    @Operation(summary = "Upload a list and import it into a campaign",
            description = "Multipart: file (.csv, .tsv, .txt, .json, optionally .gz), campaign, and force=true to "
                    + "import a list that was already imported. 202 with the import's ID; 400 when the list or "
                    + "campaign ID is unusable.")
    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public ResponseEntity<UploadResult> upload(@RequestPart("file") MultipartFile file,
            @RequestParam("campaign") String campaign, @RequestParam(defaultValue = "false") boolean force)
            throws IOException {
        try (InputStream content = file.getInputStream()) {
            IntakeResult result = intake.accept(content, fileName(file), campaign, "api", force, false);
            long importId = result.launch().importId();
            audit.record(importId, "upload", operator.name(), fileName(file) + " -> campaign " + campaign + ": "
                    + result.launch().disposition());
            if (force) {
                audit.record(importId, "force", operator.name(), "imported again even if imported before");
            }
            return ResponseEntity.status(HttpStatus.ACCEPTED).body(new UploadResult(result.launch().importId(),
                    result.launch().disposition().name(), result.staged().rowsRead(), result.staged().validUnique(),
                    result.staged().invalid(), result.staged().duplicates()));
        }
    }

    @Operation(summary = "Dry run: validate a list and predict requests and time, without calling LeadLex")
    @PostMapping(path = "/dry-run", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    public DryRunReport dryRun(@RequestPart("file") MultipartFile file, @RequestParam("campaign") String campaign)
            throws IOException {
        try (InputStream content = file.getInputStream()) {
            return dryRun.check(content, fileName(file), campaign);
        }
    }

    @Operation(summary = "Stop a queued, running or paused import gracefully (the chunk in flight finishes)")
    @PostMapping("/{id}/stop")
    public ResponseEntity<ImportOperations.Outcome> stop(@PathVariable long id) {
        return answer(id, "stop", operations.stop(find(id)));
    }

    @Operation(summary = "Restart a failed, stopped or paused import from its last committed chunk")
    @PostMapping("/{id}/restart")
    public ResponseEntity<ImportOperations.Outcome> restart(@PathVariable long id) {
        return answer(id, "restart", operations.restart(find(id)));
    }

    @Operation(summary = "Resume a paused import now instead of at its planned time",
            description = "Its next request goes out at once, whatever the importer's own records of the quota say; "
                    + "LeadLex's answer tells whether the quota is there: accepted, the import goes on; 429, it pauses "
                    + "again until the time LeadLex gives. 202 when resuming, 409 when the import is not paused.")
    @PostMapping("/{id}/resume")
    public ResponseEntity<ImportOperations.Outcome> resume(@PathVariable long id) {
        return answer(id, "resume", operations.resumeNow(find(id), false));
    }

    /** Records what an operator did (only when it was done: a refused stop changes nothing). */
    private ResponseEntity<ImportOperations.Outcome> answer(long id, String action, ImportOperations.Outcome outcome) {
        if (outcome.accepted()) {
            audit.record(id, action, operator.name(), null);
        }
        return ResponseEntity.status(outcome.accepted() ? HttpStatus.ACCEPTED : HttpStatus.CONFLICT).body(outcome);
    }

    private ImportRecord find(long id) {
        return imports.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No import with ID " + id));
    }

    private static String fileName(MultipartFile file) {
        String name = file.getOriginalFilename();
        if (name == null || name.isBlank()) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "the uploaded file needs a name (it tells the format)");
        }
        return java.nio.file.Path.of(name.replace('\\', '/')).getFileName().toString();
    }
}

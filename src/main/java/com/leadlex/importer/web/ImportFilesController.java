package com.leadlex.importer.web;

import java.io.IOException;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportResults;
import com.leadlex.importer.ledger.ImportResultsWriter;
import com.leadlex.importer.ledger.RejectedRowsCsv;
import com.leadlex.importer.pool.PooledListFollower;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Downloads of an import's files: every row's outcome, and the rows to fix and send again. Served from
 * the database, so any node answers for any import, whichever node ran it.
 */
@RestController
@RequestMapping("/api/imports/{id}")
@Tag(name = "Files", description = "Results and rejected rows of an import, as CSV")
public class ImportFilesController {

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final ImportRepository imports;
    private final RejectedRowsCsv rejectedRows;
    private final ImportResultsWriter resultsWriter;
    private final ImportResults results;
    private final PooledListFollower pooledLists;

    public ImportFilesController(ImportRepository imports, RejectedRowsCsv rejectedRows,
            ImportResultsWriter resultsWriter, ImportResults results, PooledListFollower pooledLists) {
        this.pooledLists = pooledLists;
        this.results = results;
        this.imports = imports;
        this.rejectedRows = rejectedRows;
        this.resultsWriter = resultsWriter;
    }

    /** Where the results file was written again. */
    public record ResultsWritten(long importId, String file) {
    }

    @Operation(summary = "Write the results CSV again from the ledger (e.g. after a disk was full); "
            + "409 while the import runs")
    @PostMapping("/results")
    public ResultsWritten writeResults(@PathVariable long id) {
        ImportRecord record = find(id);
        if (!record.status().isEnded()) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Import " + id + " is " + record.status()
                    + ": only an import that ran and stopped, paused or ended has results to write");
        }
        if (record.stagedIdsRemovedAt() != null) {
            throw new ResponseStatusException(HttpStatus.CONFLICT, "Import " + id + "'s staged IDs were removed at "
                    + record.stagedIdsRemovedAt() + " (importer.staging.retention after it ended), so its results "
                    + "cannot be written again; the last ones are kept: GET /api/imports/" + id + "/results.csv");
        }
        // a pooled small list's results come from the pooled import that sent its IDs
        return new ResultsWritten(id, pooledLists.writeAgain(record).orElseGet(() -> resultsWriter.write(record))
                .toString());
    }

    @Operation(summary = "Results CSV: line, contact_id, outcome (added, already_enrolled, invalid, "
            + "duplicate_in_list, not_sent), reason, chunk; written when an execution ends")
    @GetMapping("/results.csv")
    public void results(@PathVariable long id, HttpServletResponse response) throws IOException {
        ImportRecord record = find(id);
        if (!results.exist(record)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Import " + id + " is " + record.status()
                    + " and has no results file yet: it is written when the import stops, pauses or ends");
        }
        startCsv(response, "import-" + id + "-results.csv");
        results.read(record, in -> in.transferTo(response.getOutputStream()));
    }

    @Operation(summary = "Rejected rows CSV (contact_id, line, outcome, reason): invalid and not-sent rows, "
            + "ready to be fixed and dropped into inbox/<campaign>/")
    @GetMapping("/rejected.csv")
    public void rejected(@PathVariable long id, HttpServletResponse response) throws IOException {
        ImportRecord record = find(id);
        startCsv(response, "import-" + id + "-rejected.csv");
        rejectedRows.write(record, response.getOutputStream());
    }

    /**
     * Written in the request's own thread, streaming from the database: an asynchronous body
     * ({@code StreamingResponseBody}) is dispatched again, and that second dispatch would have to be
     * authenticated again (a bearer token is checked once per request).
     */
    private static void startCsv(HttpServletResponse response, String fileName) {
        response.setContentType(CSV.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName).build().toString());
    }

    private ImportRecord find(long id) {
        return imports.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No import with ID " + id));
    }
}

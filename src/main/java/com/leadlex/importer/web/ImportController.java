package com.leadlex.importer.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.leadlex.importer.importjob.ImportSummaries;
import com.leadlex.importer.importjob.ImportSummary;
import com.leadlex.importer.ledger.ChunkRecord;
import com.leadlex.importer.ledger.ImportChunkRepository;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;

/** Read API over imports and their chunk ledger. */
@RestController
@RequestMapping("/api/imports")
public class ImportController {

    private final ImportRepository imports;
    private final ImportChunkRepository chunks;
    private final ImportSummaries summaries;

    public ImportController(ImportRepository imports, ImportChunkRepository chunks, ImportSummaries summaries) {
        this.imports = imports;
        this.chunks = chunks;
        this.summaries = summaries;
    }

    /** Imports, newest first. */
    @GetMapping
    public List<ImportSummary> list(@RequestParam(defaultValue = "50") int limit) {
        return summaries.describeAll(imports.findRecent(Math.min(limit, 500)));
    }

    @GetMapping("/{id}")
    public ImportSummary get(@PathVariable long id) {
        return summaries.describe(find(id));
    }

    /** The ledger: one row per chunk, as LeadLex answered it. */
    @GetMapping("/{id}/chunks")
    public List<ChunkRecord> chunks(@PathVariable long id) {
        return chunks.findByImport(find(id).id());
    }

    private ImportRecord find(long id) {
        return imports.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No import with ID " + id));
    }
}

package com.leadlex.importer.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.server.ResponseStatusException;

import com.leadlex.importer.importjob.ImportSummaries;
import com.leadlex.importer.importjob.ImportSummary;
import com.leadlex.importer.ledger.ChunkRecord;
import com.leadlex.importer.ledger.ImportChunkRepository;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.ledger.ImportStatus;

/** Read API over imports and their chunk ledger. */
@Tag(name = "Imports", description = "Imports, newest first, and their chunk ledger")
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

    /**
     * Imports, newest first; narrowed by {@code campaign}, {@code status} and {@code source}, and paged
     * with {@code page} (from 0) and {@code size} (at most 500; {@code limit} is the older name for it).
     */
    @GetMapping
    public List<ImportSummary> list(@RequestParam(defaultValue = "50") int limit,
            @RequestParam(required = false) String campaign, @RequestParam(required = false) ImportStatus status,
            @RequestParam(required = false) String source, @RequestParam(defaultValue = "0") int page,
            @RequestParam(required = false) Integer size) {
        int pageSize = Math.max(1, Math.min(size == null ? limit : size, 500));
        return summaries.describeAll(
                imports.findPage(blankToNull(campaign), status, blankToNull(source), Math.max(0, page), pageSize));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
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

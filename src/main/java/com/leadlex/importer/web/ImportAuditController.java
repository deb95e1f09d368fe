package com.leadlex.importer.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.leadlex.importer.ledger.AuditEntry;
import com.leadlex.importer.ledger.ImportAuditRepository;
import com.leadlex.importer.ledger.ImportRepository;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;

/** Who did what to an import: uploads, forces, stops, restarts and resumes, oldest first. */
@RestController
@RequestMapping("/api/imports")
@Tag(name = "Audit", description = "Who uploaded, forced, stopped, restarted or resumed an import, and when")
public class ImportAuditController {

    private final ImportRepository imports;
    private final ImportAuditRepository audit;

    public ImportAuditController(ImportRepository imports, ImportAuditRepository audit) {
        this.imports = imports;
        this.audit = audit;
    }

    @Operation(summary = "An import's audit list, oldest first")
    @GetMapping("/{id}/audit")
    public List<AuditEntry> audit(@PathVariable long id) {
        if (imports.findById(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No import with ID " + id);
        }
        return audit.findByImport(id);
    }
}

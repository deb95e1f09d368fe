package com.leadlex.importer.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;

import com.leadlex.importer.sources.RejectedFile;
import com.leadlex.importer.sources.RejectedFileRepository;

/** Every file a source (folder, SFTP, scheduled) rejected, with the report its sender got. */
@Tag(name = "Rejected files", description = "Files a source could not stage, with their reports")
@RestController
@RequestMapping("/api/rejected-files")
public class RejectedFilesController {

    private final RejectedFileRepository rejectedFiles;

    public RejectedFilesController(RejectedFileRepository rejectedFiles) {
        this.rejectedFiles = rejectedFiles;
    }

    /** Newest first; {@code source} narrows to one source; paged with {@code page} (from 0) and {@code size}. */
    @GetMapping
    public List<RejectedFile> list(@RequestParam(required = false) String source,
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        return rejectedFiles.findRecent(source == null || source.isBlank() ? null : source, Math.max(0, page),
                Math.max(1, Math.min(size, 500)));
    }
}

package com.leadlex.importer.web;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.server.ResponseStatusException;

import com.leadlex.importer.sources.SourceStatus;
import com.leadlex.importer.sources.SourceStatusRegistry;

/** Read API over the sources: is each one polling, what did it last take, and why is it failing. */
@Tag(name = "Sources", description = "Folders, SFTP servers and schedules, and their state")
@RestController
@RequestMapping("/api/sources")
public class SourceController {

    private final SourceStatusRegistry statuses;

    public SourceController(SourceStatusRegistry statuses) {
        this.statuses = statuses;
    }

    @GetMapping
    public List<SourceStatus> list() {
        return statuses.all();
    }

    @GetMapping("/{name}")
    public SourceStatus get(@PathVariable String name) {
        return statuses.current(name)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No source named " + name));
    }
}

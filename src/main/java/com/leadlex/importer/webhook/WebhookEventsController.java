package com.leadlex.importer.webhook;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import com.leadlex.importer.ledger.ImportRepository;

/**
 * Read API over webhook events: what arrived, what is still pending, and which events an import
 * carries, so every enrolled ID can be traced back to the call that brought it.
 */
@RestController
public class WebhookEventsController {

    private final WebhookEventRepository events;
    private final ImportRepository imports;

    public WebhookEventsController(WebhookEventRepository events, ImportRepository imports) {
        this.events = events;
        this.imports = imports;
    }

    /** Events, newest first, optionally of one source or with contacts for one campaign. */
    @GetMapping("/api/webhooks/events")
    public List<WebhookEventRecord> list(@RequestParam(required = false) String source,
            @RequestParam(required = false) String campaign, @RequestParam(defaultValue = "50") int limit) {
        return events.findRecent(source, campaign, Math.min(Math.max(limit, 1), 500));
    }

    @GetMapping("/api/webhooks/events/{id}")
    public WebhookEventRecord get(@PathVariable long id) {
        return events.findById(id)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No webhook event with ID " + id));
    }

    /** The webhook events whose contact IDs this import carries, oldest first. */
    @GetMapping("/api/imports/{id}/events")
    public List<WebhookEventRecord> eventsOfImport(@PathVariable long id) {
        if (imports.findById(id).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No import with ID " + id);
        }
        return events.findByImport(id);
    }
}

package com.leadlex.importer.notify;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import com.leadlex.importer.importjob.ImportEndedEvent;
import com.leadlex.importer.importjob.ImportSummary;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sources.SourceEvent;

/**
 * Turns what happened into what a person reads: which changes are worth a message at all (a failed
 * import, a quota pause, rejected rows, a source failing, recovering or rejecting a file; not a
 * clean completion, an operator's stop, or a pause while the importer starts), and the words and
 * facts of each.
 */
@Component
public class NotificationMessages {

    /** A pause while the importer was starting or stopping goes on by itself within seconds: no news. */
    static final String NOT_READY_PAUSE = "importer_not_ready";

    public Optional<Notification> of(ImportEndedEvent event) {
        ImportSummary summary = event.summary();
        String key = "import:" + summary.id() + ":execution:" + event.jobExecutionId() + ":" + summary.status();
        long rejected = summary.invalidRows() + summary.refused();
        String list = summary.fileName() + " -> campaign " + summary.campaignId();
        if (summary.status() == ImportStatus.FAILED) {
            return Optional.of(importMessage(key, "import_failed", summary,
                    "Import " + summary.id() + " failed (" + list + ")",
                    summary.lastError(),
                    "Fix the cause, then restart it: POST /api/imports/" + summary.id() + "/restart"));
        }
        if (summary.status() == ImportStatus.PAUSED && !NOT_READY_PAUSE.equals(summary.lastErrorCode())) {
            return Optional.of(importMessage(key, "import_paused", summary,
                    "Import " + summary.id() + " paused until " + summary.resumeAt() + " (" + list + ")",
                    summary.lastError(), "Nothing: it resumes by itself at " + summary.resumeAt()));
        }
        if (summary.status() == ImportStatus.COMPLETED && rejected > 0) {
            return Optional.of(importMessage(key, "import_completed_with_rejects", summary,
                    "Import " + summary.id() + " completed with " + rejected + " rejected row(s) (" + list + ")",
                    summary.invalidRows() + " invalid row(s), " + summary.refused() + " refused by LeadLex",
                    "Fix the rejected rows and drop them in again: GET /api/imports/" + summary.id()
                            + "/rejected.csv"));
        }
        return Optional.empty();
    }

    /** What every source-state key of a source starts with. */
    static String sourceStatePrefix(String routeId) {
        return "source:" + routeId + ":state:";
    }

    /**
     * The key of a source's failing or recovered message, the same on every node: the change's kind and
     * its number in the source's run of changes, one more than the {@code lastToldKey}'s (zero before
     * any). Nodes that see the same change at once queue the same key, which the outbox keeps once.
     */
    static String sourceStateKey(String routeId, SourceEvent.Kind kind, String lastToldKey) {
        long number = 0;
        if (lastToldKey != null) {
            String last = lastToldKey.substring(lastToldKey.lastIndexOf(':') + 1);
            number = last.chars().allMatch(Character::isDigit) && !last.isEmpty() ? Long.parseLong(last) + 1 : 0;
        }
        return sourceStatePrefix(routeId) + kind.name().toLowerCase() + ":" + number;
    }

    /**
     * Whether the source's last told change ({@code lastToldKey}, or null) already says {@code kind}: a
     * node that sees a failure after another node told it, or a recovery nobody was told the failure of.
     */
    static boolean alreadyTold(String routeId, SourceEvent.Kind kind, String lastToldKey) {
        if (lastToldKey == null) {
            return kind == SourceEvent.Kind.RECOVERED;
        }
        return lastToldKey.startsWith(sourceStatePrefix(routeId) + kind.name().toLowerCase() + ":");
    }

    public Notification of(SourceEvent event) {
        String key = "source:" + event.routeId() + ":" + event.kind().name().toLowerCase() + ":" + event.at()
                + (event.file() == null ? "" : ":" + event.file());
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("source", event.source());
        fields.put("file", event.file());
        fields.put("reason", event.reason());
        fields.put("at", String.valueOf(event.at()));
        return switch (event.kind()) {
            case FAILING -> sourceMessage(key, "source_failing", "Source " + event.source() + " is failing", fields,
                    "Check the source's server, login and folder; GET /api/sources/" + event.source());
            case RECOVERED -> sourceMessage(key, "source_recovered", "Source " + event.source() + " recovered", fields,
                    "Nothing: it is polling again");
            case FILE_REJECTED -> sourceMessage(key, "file_rejected",
                    "Source " + event.source() + " rejected " + event.file(), fields,
                    "Read the report beside the file in failed/, fix the file and drop it in again");
        };
    }

    private static Notification importMessage(String key, String kind, ImportSummary summary, String subject,
            String reason, String action) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("importId", summary.id());
        fields.put("status", summary.status().name());
        fields.put("campaign", summary.campaignId());
        fields.put("source", summary.source());
        fields.put("list", summary.fileName());
        fields.put("rowsRead", summary.rowsRead());
        fields.put("valid", summary.validIds());
        fields.put("invalid", summary.invalidRows());
        fields.put("duplicates", summary.duplicateRows());
        fields.put("added", summary.added());
        fields.put("alreadyEnrolled", summary.alreadyEnrolled());
        fields.put("refused", summary.refused());
        fields.put("resumeAt", summary.resumeAt() == null ? null : summary.resumeAt().toString());
        fields.put("reasonCode", summary.lastErrorCode());
        fields.put("reason", reason);
        fields.put("action", action);
        return new Notification(key, kind, subject, text(subject, reason, action), fields);
    }

    private static Notification sourceMessage(String key, String kind, String subject, Map<String, Object> fields,
            String action) {
        fields.put("action", action);
        return new Notification(key, kind, subject, text(subject, (String) fields.get("reason"), action), fields);
    }

    private static String text(String subject, String reason, String action) {
        return subject + (reason == null ? "" : ": " + reason) + "\nWhat to do: " + action;
    }
}

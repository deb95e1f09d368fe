package com.leadlex.importer.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.leadlex.importer.importjob.ImportEndedEvent;
import com.leadlex.importer.importjob.ImportSummary;
import com.leadlex.importer.ledger.ImportStatus;
import com.leadlex.importer.sources.SourceEvent;

/** Which changes are worth a message, and what each says. */
class NotificationMessagesTest {

    private static final Instant MIDNIGHT = Instant.parse("2026-11-27T00:00:00Z");
    private final NotificationMessages messages = new NotificationMessages();

    @Test
    void aCleanCompletionAnOperatorsStopAndAStartUpPauseAreNoNews() {
        assertThat(messages.of(ended(ImportStatus.COMPLETED, 0, 0, null))).isEmpty();
        assertThat(messages.of(ended(ImportStatus.STOPPED, 0, 0, "stopped"))).isEmpty();
        assertThat(messages.of(ended(ImportStatus.PAUSED, 0, 0, "importer_not_ready"))).isEmpty();
    }

    @Test
    void aCompletionWithInvalidOrRefusedRowsIsTold() {
        Notification notification = messages.of(ended(ImportStatus.COMPLETED, 2, 1, null)).orElseThrow();

        assertThat(notification.kind()).isEqualTo("import_completed_with_rejects");
        assertThat(notification.subject()).isEqualTo("Import 7 completed with 3 rejected row(s) (list.csv -> campaign cmp_x)");
        assertThat(notification.fields()).containsEntry("invalid", 2L).containsEntry("refused", 1L);
        assertThat(notification.text()).contains("GET /api/imports/7/rejected.csv");
    }

    @Test
    void aQuotaPauseSaysWhenItResumes() {
        Notification notification = messages.of(ended(ImportStatus.PAUSED, 0, 0, "quota_exhausted")).orElseThrow();

        assertThat(notification.kind()).isEqualTo("import_paused");
        assertThat(notification.fields()).containsEntry("resumeAt", MIDNIGHT.toString());
        assertThat(notification.text()).contains("resumes by itself at " + MIDNIGHT);
    }

    @Test
    void eachExecutionsEndIsItsOwnChangeOfState() {
        ImportSummary failed = summary(ImportStatus.FAILED, 0, 0, "invalid_key");

        String first = messages.of(new ImportEndedEvent(failed, 11)).orElseThrow().key();
        String again = messages.of(new ImportEndedEvent(failed, 11)).orElseThrow().key();
        String afterRestart = messages.of(new ImportEndedEvent(failed, 12)).orElseThrow().key();

        assertThat(first).isEqualTo(again).isEqualTo("import:7:execution:11:FAILED");
        assertThat(afterRestart).isNotEqualTo(first);
    }

    @Test
    void aSourceFailingAndRecoveringAreTwoMessages() {
        Instant at = Instant.parse("2026-11-26T10:00:00Z");
        Notification failing = messages.of(new SourceEvent(SourceEvent.Kind.FAILING, "partner", "partner-sftp",
                "Connection refused", null, at));
        Notification recovered = messages.of(new SourceEvent(SourceEvent.Kind.RECOVERED, "partner", "partner-sftp",
                "polled again", null, at.plusSeconds(60)));

        assertThat(failing.kind()).isEqualTo("source_failing");
        assertThat(failing.text()).startsWith("Source partner is failing: Connection refused");
        assertThat(recovered.kind()).isEqualTo("source_recovered");
        assertThat(recovered.key()).isNotEqualTo(failing.key());
    }

    private static ImportEndedEvent ended(ImportStatus status, long invalid, long refused, String code) {
        return new ImportEndedEvent(summary(status, invalid, refused, code), 11);
    }

    private static ImportSummary summary(ImportStatus status, long invalid, long refused, String code) {
        return new ImportSummary(7, status, status.name().toLowerCase(java.util.Locale.ROOT), "cmp_x", "inbox",
                "list.csv", 10, 10 - invalid, invalid, 0, 5, 2, refused, 1, 1, 1, 0, null, null, code,
                code == null ? null : "because " + code, status == ImportStatus.PAUSED ? MIDNIGHT : null, null, null,
                null, null, null, null, 0, 0);
    }
}

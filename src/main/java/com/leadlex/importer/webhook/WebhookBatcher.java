package com.leadlex.importer.webhook;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.leadlex.importer.cluster.Leadership;
import com.leadlex.importer.intake.ContactListIntake;
import com.leadlex.importer.intake.IntakeResult;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.staging.ContactListRejectedException;
import com.leadlex.importer.system.StartupState;

/**
 * Turns pending webhook contact IDs into imports, one campaign at a time: as soon as a full batch
 * (500) is pending, or once the oldest pending ID has waited {@code max-wait}. Every request to
 * LeadLex then carries a full chunk instead of one contact. A batch is handed to
 * {@link ContactListIntake} as a text list, forced: every batch holds deliveries that are new
 * (resends were set aside when stored), so it is sent even when an earlier batch held the very same
 * IDs; a CRM pushing a contact again after it was removed from the campaign in LeadLex means it.
 * Pending IDs live in the database, so a stop or crash loses none; a batch claimed but never
 * launched is launched by a later poll once its claim lease has run out, unless it has an import
 * already (the crash came between its launch and its being marked launched). With several nodes
 * only the leader batches ({@link Leadership}): one node fills each batch.
 */
@Component
@ConditionalOnProperty(name = "importer.cli.command", matchIfMissing = true, havingValue = "none")
public class WebhookBatcher {

    static final String SOURCE_NAME = "webhook";
    private static final Logger log = LoggerFactory.getLogger(WebhookBatcher.class);
    private static final int MAX_BATCHES_PER_POLL = 1_000;

    private final WebhookBatchRepository batches;
    private final ImportRepository imports;
    private final ContactListIntake intake;
    private final WebhookProperties properties;
    private final Clock clock;
    private final StartupState startup;
    private final Leadership leadership;

    public WebhookBatcher(WebhookBatchRepository batches, ImportRepository imports, ContactListIntake intake,
            WebhookProperties properties, Clock clock, StartupState startup, Leadership leadership) {
        this.leadership = leadership;
        this.batches = batches;
        this.imports = imports;
        this.intake = intake;
        this.properties = properties;
        this.clock = clock;
        this.startup = startup;
    }

    @Scheduled(fixedDelayString = "${importer.webhooks.poll-interval:5s}",
            initialDelayString = "${importer.webhooks.poll-interval:5s}")
    public void launchDueBatches() {
        if (!startup.isComplete() || !leadership.isLeader()) {
            return;
        }
        batches.takeOverStale(properties.claimLease()).forEach(stale -> {
            Optional<ImportRecord> launched = imports.findLatest(SOURCE_NAME, fileName(stale));
            if (launched.isPresent()) {
                log.warn("Webhook batch {} was launched as import {} but not marked so: marking it now",
                        stale.batchId(), launched.get().id());
                batches.markLaunched(stale.batchId(), launched.get().id());
                return;
            }
            log.warn("Webhook batch {} ({} IDs for campaign {}) was claimed but never launched: launching it now",
                    stale.batchId(), stale.contactIds().size(), stale.campaignId());
            launch(stale);
        });
        for (int launched = 0; launched < MAX_BATCHES_PER_POLL; launched++) {
            Optional<ClaimedBatch> next = claimNextDue();
            if (next.isEmpty()) {
                return;
            }
            launch(next.get());
        }
    }

    private Optional<ClaimedBatch> claimNextDue() {
        Instant now = clock.instant();
        for (PendingCampaign campaign : batches.pendingCampaigns()) {
            boolean full = campaign.pending() >= properties.batchSize();
            boolean waitedEnough = !campaign.oldestReceivedAt().plus(properties.maxWait()).isAfter(now);
            if (full || waitedEnough) {
                Optional<ClaimedBatch> claimed = batches.claim(campaign.campaignId(), properties.batchSize(),
                        waitedEnough ? 1 : properties.batchSize());
                if (claimed.isPresent()) {
                    return claimed;
                }
            }
        }
        return Optional.empty();
    }

    private static String fileName(ClaimedBatch batch) {
        return "webhook-batch-" + batch.batchId() + ".txt";
    }

    private void launch(ClaimedBatch batch) {
        String fileName = fileName(batch);
        byte[] list = (String.join("\n", batch.contactIds()) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            IntakeResult result = intake.accept(new ByteArrayInputStream(list), fileName, batch.campaignId(),
                    SOURCE_NAME, true, false);
            batches.markLaunched(batch.batchId(), result.launch().importId());
            log.info("Webhook batch {}: {} contact ID(s) for campaign {} -> import {} ({})", batch.batchId(),
                    batch.contactIds().size(), batch.campaignId(), result.launch().importId(),
                    result.launch().disposition());
        } catch (ContactListRejectedException e) {
            batches.markFailed(batch.batchId(), e.getMessage());
            log.error("Webhook batch {} for campaign {} was refused: {}", batch.batchId(), batch.campaignId(),
                    e.getMessage());
        } catch (RuntimeException e) {
            log.error("Webhook batch {} for campaign {} could not be launched ({}); it is retried after {}",
                    batch.batchId(), batch.campaignId(), e.getMessage(), properties.claimLease(), e);
        }
    }
}

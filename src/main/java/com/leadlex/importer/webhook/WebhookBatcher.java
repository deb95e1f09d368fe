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

import com.leadlex.importer.intake.ContactListIntake;
import com.leadlex.importer.intake.IntakeResult;
import com.leadlex.importer.staging.ContactListRejectedException;
import com.leadlex.importer.system.StartupState;

/**
 * Turns pending webhook contact IDs into imports, one campaign at a time: as soon as a full batch
 * (500) is pending, or once the oldest pending ID has waited {@code max-wait}. Every request to
 * LeadLex then carries a full chunk instead of one contact. A batch is handed to
 * {@link ContactListIntake} as a text list, not forced: a batch holding exactly the IDs of an
 * earlier import of the same campaign finds that import (done, running or resumable) and costs no
 * request. Pending IDs live in the database, so a stop or crash loses none; a batch claimed but
 * never launched is launched by a later poll once its claim lease has run out.
 */
@Component
@ConditionalOnProperty(name = "importer.cli.command", matchIfMissing = true, havingValue = "none")
public class WebhookBatcher {

    static final String SOURCE_NAME = "webhook";
    private static final Logger log = LoggerFactory.getLogger(WebhookBatcher.class);
    private static final int MAX_BATCHES_PER_POLL = 1_000;

    private final WebhookBatchRepository batches;
    private final ContactListIntake intake;
    private final WebhookProperties properties;
    private final Clock clock;
    private final StartupState startup;

    public WebhookBatcher(WebhookBatchRepository batches, ContactListIntake intake, WebhookProperties properties,
            Clock clock, StartupState startup) {
        this.batches = batches;
        this.intake = intake;
        this.properties = properties;
        this.clock = clock;
        this.startup = startup;
    }

    @Scheduled(fixedDelayString = "${importer.webhooks.poll-interval:5s}",
            initialDelayString = "${importer.webhooks.poll-interval:5s}")
    public void launchDueBatches() {
        if (!startup.isComplete()) {
            return;
        }
        batches.takeOverStale(properties.claimLease()).forEach(stale -> {
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

    private void launch(ClaimedBatch batch) {
        String fileName = "webhook-batch-" + batch.batchId() + ".txt";
        byte[] list = (String.join("\n", batch.contactIds()) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            IntakeResult result = intake.accept(new ByteArrayInputStream(list), fileName, batch.campaignId(),
                    SOURCE_NAME, false, false);
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

package com.leadlex.importer.intake;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import com.leadlex.importer.cluster.Leadership;
import com.leadlex.importer.ledger.ImportRecord;
import com.leadlex.importer.ledger.ImportRepository;
import com.leadlex.importer.pool.ClaimedBatch;
import com.leadlex.importer.pool.PendingCampaign;
import com.leadlex.importer.pool.PoolProperties;
import com.leadlex.importer.pool.PooledContactRepository;
import com.leadlex.importer.pool.PooledListFollower;
import com.leadlex.importer.pool.SmallListPool;
import com.leadlex.importer.staging.ContactListRejectedException;
import com.leadlex.importer.system.StartupState;

/**
 * Turns a campaign's pooled contact IDs (from webhooks and small lists) into imports, one campaign at
 * a time: as soon as a full batch (500) is pending, or once the oldest pending ID has waited its
 * max-wait ({@code importer.webhooks.max-wait} for a webhook's, {@code importer.pool.max-wait} for a
 * small list's). Every request to LeadLex then carries a full chunk instead of one contact or one small
 * list. A batch is handed to {@link ContactListIntake} as a text list, forced: every batch holds IDs
 * that are new (webhook resends were set aside when stored, lists already imported are never pooled),
 * so it is sent even when an earlier batch held the very same IDs. A batch with list IDs in it is a
 * pooled import (source {@value #POOL_SOURCE}, the source tag LeadLex sees); one of webhook IDs only
 * is a webhook batch as it always was. Pending IDs live in the database, so a stop or crash loses
 * none; a batch claimed but never launched is launched by a later poll once its claim lease has run
 * out, unless it has an import already (the crash came between its launch and its being marked
 * launched). With several nodes only the leader batches ({@link Leadership}): one node fills each batch.
 * The webhook settings keep their names ({@code importer.webhooks.batch-size, poll-interval, claim-lease}).
 */
@Component
@ConditionalOnProperty(name = "importer.cli.command", matchIfMissing = true, havingValue = "none")
public class PoolBatcher {

    static final String WEBHOOK_SOURCE = "webhook";
    static final String POOL_SOURCE = "pool";
    private static final Logger log = LoggerFactory.getLogger(PoolBatcher.class);
    private static final int MAX_BATCHES_PER_POLL = 1_000;

    private final PooledContactRepository batches;
    private final ImportRepository imports;
    private final ContactListIntake intake;
    private final SmallListPool lists;
    private final PooledListFollower follower;
    private final PoolProperties poolProperties;
    private final Clock clock;
    private final StartupState startup;
    private final Leadership leadership;
    private final int batchSize;
    private final Duration webhookMaxWait;
    private final Duration claimLease;

    public PoolBatcher(PooledContactRepository batches, ImportRepository imports, ContactListIntake intake,
            SmallListPool lists, PooledListFollower follower, PoolProperties poolProperties, Clock clock,
            StartupState startup, Leadership leadership,
            @Value("${importer.webhooks.batch-size:500}") int batchSize,
            @Value("${importer.webhooks.max-wait:60s}") Duration webhookMaxWait,
            @Value("${importer.webhooks.claim-lease:2m}") Duration claimLease) {
        this.batches = batches;
        this.imports = imports;
        this.intake = intake;
        this.lists = lists;
        this.follower = follower;
        this.poolProperties = poolProperties;
        this.clock = clock;
        this.startup = startup;
        this.leadership = leadership;
        this.batchSize = batchSize;
        this.webhookMaxWait = webhookMaxWait;
        this.claimLease = claimLease;
    }

    @Scheduled(fixedDelayString = "${importer.webhooks.poll-interval:5s}",
            initialDelayString = "${importer.webhooks.poll-interval:5s}")
    public void launchDueBatches() {
        if (!startup.isComplete() || !leadership.isLeader()) {
            return;
        }
        lists.repoolLost(claimLease);
        follower.catchUp();
        batches.takeOverStale(claimLease).forEach(stale -> {
            Optional<ImportRecord> launched = imports.findLatest(sourceOf(stale), fileName(stale));
            if (launched.isPresent()) {
                log.warn("Pool batch {} was launched as import {} but not marked so: marking it now",
                        stale.batchId(), launched.get().id());
                markLaunched(stale, launched.get().id());
                return;
            }
            log.warn("Pool batch {} ({} IDs for campaign {}) was claimed but never launched: launching it now",
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
            boolean full = campaign.pending() >= batchSize;
            boolean waitedEnough = waited(campaign.oldestFromWebhook(), webhookMaxWait, now)
                    || waited(campaign.oldestFromList(), poolProperties.maxWait(), now);
            if (full || waitedEnough) {
                Optional<ClaimedBatch> claimed = batches.claim(campaign.campaignId(), batchSize,
                        waitedEnough ? 1 : batchSize);
                if (claimed.isPresent()) {
                    return claimed;
                }
            }
        }
        return Optional.empty();
    }

    private static boolean waited(Instant oldest, Duration maxWait, Instant now) {
        return oldest != null && !oldest.plus(maxWait).isAfter(now);
    }

    private static String sourceOf(ClaimedBatch batch) {
        return batch.fromLists() ? POOL_SOURCE : WEBHOOK_SOURCE;
    }

    private static String fileName(ClaimedBatch batch) {
        return sourceOf(batch) + "-batch-" + batch.batchId() + ".txt";
    }

    private void launch(ClaimedBatch batch) {
        String fileName = fileName(batch);
        byte[] list = (String.join("\n", batch.contactIds()) + "\n").getBytes(StandardCharsets.UTF_8);
        try {
            IntakeResult result = intake.accept(new ByteArrayInputStream(list), fileName, batch.campaignId(),
                    sourceOf(batch), true, false);
            markLaunched(batch, result.launch().importId());
            log.info("Pool batch {}: {} contact ID(s) for campaign {} -> import {} ({})", batch.batchId(),
                    batch.contactIds().size(), batch.campaignId(), result.launch().importId(),
                    result.launch().disposition());
        } catch (ContactListRejectedException e) {
            batches.markFailed(batch.batchId(), e.getMessage());
            follower.batchRefused(batch.batchId(), e.getMessage());
            log.error("Pool batch {} for campaign {} was refused: {}", batch.batchId(), batch.campaignId(),
                    e.getMessage());
        } catch (RuntimeException e) {
            log.error("Pool batch {} for campaign {} could not be launched ({}); it is retried after {}",
                    batch.batchId(), batch.campaignId(), e.getMessage(), claimLease, e);
        }
    }

    private void markLaunched(ClaimedBatch batch, long importId) {
        batches.markLaunched(batch.batchId(), importId);
        follower.sent(batch.batchId(), importId);
    }
}

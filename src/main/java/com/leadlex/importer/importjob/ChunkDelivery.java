package com.leadlex.importer.importjob;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.leadlex.importer.leadlex.ChunkResponse;
import com.leadlex.importer.leadlex.LeadLexClient;
import com.leadlex.importer.leadlex.LeadLexException;
import com.leadlex.importer.leadlex.QuotaWaitListener;

/**
 * Sends one chunk. A 400 means our request was wrong, not LeadLex: rather than fail the whole
 * import or retry the same request forever, the chunk is split in halves until the IDs LeadLex
 * refuses are isolated, within a fixed budget of extra requests, and the rest still goes through.
 */
@Component
public class ChunkDelivery {

    /** Extra requests one chunk may spend isolating refused IDs (enough for a handful of bad IDs in 500). */
    static final int ISOLATION_BUDGET = 40;

    private static final Logger log = LoggerFactory.getLogger(ChunkDelivery.class);

    private final LeadLexClient client;

    public ChunkDelivery(LeadLexClient client) {
        this.client = client;
    }

    /** @param waits told when a request of this chunk waits for quota */
    public Delivery deliver(String campaignId, List<String> contactIds, String sourceTag, QuotaWaitListener waits) {
        try {
            ChunkResponse response = client.addContacts(campaignId, contactIds, sourceTag, waits);
            return Delivery.of(response);
        } catch (LeadLexException e) {
            if (e.httpStatus() != 400) {
                throw e;
            }
            log.warn("LeadLex refused a chunk of {} IDs as a bad request ({}); isolating the IDs it refuses",
                    contactIds.size(), e.getMessage());
            Accumulator accumulator = new Accumulator(e.attempts());
            isolate(campaignId, contactIds, sourceTag, e, accumulator, new QuotaWaitListener() {
                @Override
                public void waiting(Instant until, String reason, boolean anEarlierAttemptMayHaveReached) {
                    // a half enrolled earlier in this chunk has reached LeadLex, whatever this request's fate
                    waits.waiting(until, reason, anEarlierAttemptMayHaveReached || accumulator.answered());
                }

                @Override
                public void waitOver() {
                    waits.waitOver();
                }
            });
            return accumulator.toDelivery();
        }
    }

    private void isolate(String campaignId, List<String> ids, String sourceTag, LeadLexException refusal,
            Accumulator accumulator, QuotaWaitListener waits) {
        if (ids.size() == 1) {
            accumulator.refused.put(ids.get(0), refusal.error().code() + ": " + refusal.getMessage());
            return;
        }
        int middle = ids.size() / 2;
        for (List<String> half : List.of(ids.subList(0, middle), ids.subList(middle, ids.size()))) {
            if (accumulator.requests >= ISOLATION_BUDGET + refusal.attempts()) {
                // out of budget: what was accepted so far stays booked; the rest is reported, not guessed
                String reason = "not isolated: LeadLex refused a request holding it (" + refusal.error().code()
                        + ") and the importer stopped narrowing it down after " + ISOLATION_BUDGET + " extra requests";
                half.forEach(id -> accumulator.refused.putIfAbsent(id, reason));
                continue;
            }
            try {
                accumulator.add(client.addContacts(campaignId, half, sourceTag, waits));
            } catch (LeadLexException e) {
                if (e.httpStatus() != 400) {
                    throw e;
                }
                accumulator.requests += e.attempts();
                isolate(campaignId, half, sourceTag, e, accumulator, waits);
            }
        }
    }

    /** The outcome of one chunk, possibly over several requests. */
    public record Delivery(List<String> addedIds, int added, int skipped, Map<String, String> refused,
            int attempts, int httpStatus, String requestId, Duration quotaWait, boolean mayHaveBeenSentTwice) {

        static Delivery of(ChunkResponse response) {
            return new Delivery(response.addedContactIds(), response.added(), response.skipped(), Map.of(),
                    response.attempts(), response.httpStatus(), response.requestId(), response.quotaWait(),
                    response.earlierAttemptMayHaveReached());
        }
    }

    private static final class Accumulator {
        private final List<String> addedIds = new ArrayList<>();
        private final Map<String, String> refused = new LinkedHashMap<>();
        private int added;
        private int skipped;
        private int requests;
        private int httpStatus = 400;
        private String requestId;
        private Duration quotaWait = Duration.ZERO;
        private boolean mayHaveBeenSentTwice;
        private boolean answered;

        Accumulator(int requestsSoFar) {
            this.requests = requestsSoFar;
        }

        void add(ChunkResponse response) {
            addedIds.addAll(response.addedContactIds());
            added += response.added();
            skipped += response.skipped();
            requests += response.attempts();
            httpStatus = response.httpStatus();
            requestId = response.requestId();
            quotaWait = quotaWait.plus(response.quotaWait());
            mayHaveBeenSentTwice |= response.earlierAttemptMayHaveReached();
            answered = true;
        }

        /** Whether some part of the chunk was enrolled already. */
        boolean answered() {
            return answered;
        }

        Delivery toDelivery() {
            return new Delivery(addedIds, added, skipped, refused, requests, httpStatus, requestId, quotaWait,
                    mayHaveBeenSentTwice);
        }
    }
}

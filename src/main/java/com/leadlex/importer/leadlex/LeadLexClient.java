package com.leadlex.importer.leadlex;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.leadlex.importer.system.Sleeper;

/**
 * Enrolls one chunk of contacts into a LeadLex campaign, and is the one place where LeadLex requests
 * are retried: it waits for the key's {@link QuotaGate} before every request, rides out 429s
 * (Retry-After, X-RateLimit-Reset, or jittered backoff), retries 5xx and transport failures within
 * {@code leadlex.max-attempts}, and stops at once on 400/401/403/404 with an error an operator can act on.
 */
@Component
public class LeadLexClient implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(LeadLexClient.class);

    private final LeadLexProperties properties;
    private final LeadLexBaseUrl baseUrl;
    private final LeadLexTransport transport;
    private final QuotaGateRegistry gates;
    private final BackoffPolicy backoff;
    private final LeadLexJson json;
    private final Clock clock;
    private final QuotaSlotWait slotWait;
    private final LeadLexWatchers watchers;

    public LeadLexClient(LeadLexProperties properties, LeadLexBaseUrl baseUrl, LeadLexTransport transport,
            QuotaGateRegistry gates, BackoffPolicy backoff, LeadLexJson json, Clock clock, Sleeper sleeper) {
        this(properties, baseUrl, transport, gates, backoff, json, clock, sleeper, LeadLexWatchers.NONE);
    }

    /** @param watchers told of every answer, retry and quota wait (metrics, the health check's last sighting) */
    @Autowired
    public LeadLexClient(LeadLexProperties properties, LeadLexBaseUrl baseUrl, LeadLexTransport transport,
            QuotaGateRegistry gates, BackoffPolicy backoff, LeadLexJson json, Clock clock, Sleeper sleeper,
            ObjectProvider<LeadLexActivity> watchers) {
        this(properties, baseUrl, transport, gates, backoff, json, clock, sleeper, new LeadLexWatchers(watchers));
    }

    private LeadLexClient(LeadLexProperties properties, LeadLexBaseUrl baseUrl, LeadLexTransport transport,
            QuotaGateRegistry gates, BackoffPolicy backoff, LeadLexJson json, Clock clock, Sleeper sleeper,
            LeadLexWatchers watchers) {
        this.watchers = watchers;
        this.slotWait = new QuotaSlotWait(sleeper, watchers);
        this.properties = properties;
        this.baseUrl = baseUrl;
        this.transport = transport;
        this.gates = gates;
        this.backoff = backoff;
        this.json = json;
        this.clock = clock;
    }

    /**
     * Enrolls up to 500 contacts, waiting for the key's quota gate first and retrying 429, 5xx and
     * transport failures within bounds.
     *
     * @throws IllegalArgumentException when the request is invalid before sending (no IDs, over 500, bad campaign ID)
     * @throws LeadLexException         when the request failed for good
     * @throws QuotaExhaustedException  when the next permitted request is further than max-wait away
     */
    public ChunkResponse addContacts(String campaignId, List<String> contactIds, String source) {
        return addContacts(campaignId, contactIds, source, QuotaWaitListener.NONE);
    }

    /** As {@link #addContacts(String, List, String)}, telling {@code waits} whenever the request waits for quota. */
    public ChunkResponse addContacts(String campaignId, List<String> contactIds, String source,
            QuotaWaitListener waits) {
        AddContactsRequest request = new AddContactsRequest(campaignId, contactIds, source);
        String apiKey = properties.apiKey();
        if (apiKey == null) {
            throw new LeadLexException(LeadLexError.INVALID_KEY, 0, "LEADLEX_API_KEY is not set", null, 0, null);
        }
        LeadLexJson.RequestBody body = json.requestBody(request);
        HttpCall call = new HttpCall(resolvedBaseUrl() + request.path(), Map.of(
                "Authorization", "Bearer " + apiKey,
                "Content-Type", "application/json",
                "Accept", "application/json"), body.bytes());
        return deliver(request, body, call, gates.gateFor(apiKey), new ChunkFailures(request, apiKey, json),
                ApiKeyMask.mask(apiKey), waits);
    }

    private ChunkResponse deliver(AddContactsRequest request, LeadLexJson.RequestBody body, HttpCall call,
            QuotaGate gate, ChunkFailures failures, String key, QuotaWaitListener waits) {
        int attempts = 0;
        int transientFailures = 0;
        int rateLimited = 0;
        boolean ambiguousAttempt = false;
        Duration waited = Duration.ZERO;
        while (true) {
            // no answer and 5xx leave open whether LeadLex processed an attempt; 4xx are proof it did not
            QuotaSlot slot = slotWait.awaitSlot(gate, attempts, key, waits, transientFailures > 0);
            waited = waited.plus(slot.delay());
            attempts++;
            HttpReply reply;
            try {
                reply = transport.send(call);
            } catch (IOException e) {
                watchers.tell(watcher -> watcher.answered(key, 0));
                ambiguousAttempt = true;
                rateLimited = 0;
                if (++transientFailures >= properties.maxAttempts()) {
                    throw failures.unreachable(e, attempts);
                }
                watchers.tell(watcher -> watcher.retrying("no_response"));
                backOff(request, "no response (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                        transientFailures, key);
                continue;
            } catch (TransportNotReadyException e) {
                throw e;
            } catch (RuntimeException e) {
                throw failures.unreachable(e, attempts);
            }
            watchers.tell(watcher -> watcher.answered(key, reply.status()));
            RateLimitHeaders hints = RateLimitHeaders.of(reply, clock.instant());
            if (reply.isSuccess()) {
                gate.accepted(slot);
            }
            gate.learn(slot, hints);
            if (reply.isSuccess()) {
                return parsed(reply, request, body, attempts, failures).withQuotaWait(waited)
                        .afterAnAmbiguousAttempt(ambiguousAttempt);
            }
            if (reply.status() == 429) {
                if (++rateLimited > properties.maxRateLimitRetries()) {
                    throw failures.gaveUp(LeadLexError.RATE_LIMITED, reply, attempts);
                }
                watchers.tell(watcher -> watcher.retrying("rate_limited"));
                rideOutRateLimit(request, gate, reply, hints, rateLimited, key);
                continue;
            }
            rateLimited = 0;
            if (reply.status() < 500) {
                throw failures.refused(reply, attempts);
            }
            ambiguousAttempt = true;
            if (++transientFailures >= properties.maxAttempts()) {
                throw failures.gaveUp(LeadLexError.SERVER_ERROR, reply, attempts);
            }
            watchers.tell(watcher -> watcher.retrying("server_error"));
            backOff(request, "HTTP " + reply.status() + requestIdText(reply), transientFailures, key);
        }
    }

    private String resolvedBaseUrl() {
        try {
            return baseUrl.resolve();
        } catch (IllegalArgumentException e) {
            throw new LeadLexException(LeadLexError.UNREACHABLE, 0, "leadlex.base-url cannot be resolved yet: "
                    + e.getMessage() + ". " + LeadLexError.UNREACHABLE.action(), null, 0, e);
        }
    }

    private ChunkResponse parsed(HttpReply reply, AddContactsRequest request, LeadLexJson.RequestBody body,
            int attempts, ChunkFailures failures) {
        LeadLexJson.Added added = json.parseAdded(reply, body, request.contactIds());
        if (added == null) {
            throw failures.unexpected(reply, attempts);
        }
        return new ChunkResponse(added.added(), added.skipped(), added.contactIds(), reply.status(),
                reply.requestId(), attempts);
    }

    private void rideOutRateLimit(AddContactsRequest request, QuotaGate gate, HttpReply reply, RateLimitHeaders hints,
            int rateLimited, String key) {
        String outcome;
        Duration delay = Duration.ZERO;
        if (hints.retryAt() != null) {
            gate.blockUntil(hints.retryAt());
            outcome = "Retry-After: every import on this key waits until " + hints.retryAt();
        } else if (hints.exhaustedAt(clock.instant())) {
            outcome = "X-RateLimit-Remaining 0: waiting for the reset at " + hints.reset();
        } else {
            delay = backoff.delay(rateLimited - 1);
            outcome = "no Retry-After: retrying in " + delay.toMillis() + " ms";
        }
        log.warn("LeadLex answered 429 for campaign {} on key {}{} (attempt {}/{} of 429s): {}", request.campaignId(),
                key, requestIdText(reply), rateLimited, properties.maxRateLimitRetries(), outcome);
        slotWait.sleep(delay);
    }

    private void backOff(AddContactsRequest request, String what, int transientFailures, String key) {
        Duration delay = backoff.delay(transientFailures - 1);
        log.warn("LeadLex request for campaign {} on key {} failed: {} (attempt {}/{}); retrying in {} ms",
                request.campaignId(), key, what, transientFailures, properties.maxAttempts(), delay.toMillis());
        slotWait.sleep(delay);
    }

    private static String requestIdText(HttpReply reply) {
        return reply.requestId() == null ? "" : " (request ID " + reply.requestId() + ")";
    }

    /** Every watcher exists by now: stop looking them up per event. */
    @Override
    public void afterSingletonsInstantiated() {
        watchers.settle();
    }
}

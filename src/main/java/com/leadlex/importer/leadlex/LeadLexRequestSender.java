package com.leadlex.importer.leadlex;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.leadlex.importer.system.HumanTime;
import com.leadlex.importer.system.Sleeper;

/**
 * Sends one contacts request the way {@link LeadLexClient} sends a chunk: a slot from the key's
 * {@link QuotaGate} first (reserve, wait, confirm), LeadLex's answer taught to the gate, 429s ridden out
 * within {@code leadlex.max-rate-limit-retries} (Retry-After blocks the whole key), 5xx and no answer
 * retried within {@code leadlex.max-attempts} with jittered backoff, other statuses failing at once.
 * One exception: a 429 on the export while the key's quota still has room is the export's own hourly
 * limit, which is not the key's business: it is handed back at once as {@link ExportRateLimitedException}.
 */
final class LeadLexRequestSender {

    private static final Logger log = LoggerFactory.getLogger(LeadLexRequestSender.class);
    /** When a refused export does not say when to come back: the limit is per hour. */
    private static final Duration EXPORT_RETRY_WITHOUT_HINT = Duration.ofHours(1);

    private final LeadLexProperties properties;
    private final LeadLexTransport transport;
    private final QuotaGateRegistry gates;
    private final BackoffPolicy backoff;
    private final Clock clock;
    private final QuotaSlotWait slotWait;
    private final LeadLexWatchers watchers;

    LeadLexRequestSender(LeadLexProperties properties, LeadLexTransport transport, QuotaGateRegistry gates,
            BackoffPolicy backoff, Clock clock, Sleeper sleeper, LeadLexWatchers watchers) {
        this.properties = properties;
        this.transport = transport;
        this.gates = gates;
        this.backoff = backoff;
        this.clock = clock;
        this.watchers = watchers;
        this.slotWait = new QuotaSlotWait(sleeper, watchers);
    }

    /** A 2xx answer and the HTTP requests it took. */
    record Sent(HttpReply reply, int attempts) {
    }

    /**
     * @throws LeadLexException           when the request failed for good
     * @throws QuotaExhaustedException    when the key's next request is further than max-wait away
     * @throws ExportRateLimitedException when the export's own limit refused it
     */
    Sent send(ContactsRequestKind kind, HttpCall call, String apiKey, ContactsCallFailures failures,
            QuotaWaitListener waits) {
        QuotaGate gate = gates.gateFor(apiKey);
        String key = ApiKeyMask.mask(apiKey);
        int attempts = 0;
        int transientFailures = 0;
        int rateLimited = 0;
        while (true) {
            QuotaSlot slot = slotWait.awaitSlot(gate, attempts, key, waits, transientFailures > 0);
            attempts++;
            HttpReply reply;
            try {
                reply = transport.send(call);
            } catch (IOException e) {
                answered(kind, key, 0);
                rateLimited = 0;
                if (++transientFailures >= properties.maxAttempts()) {
                    throw failures.unreachable(e, attempts);
                }
                watchers.tell(watcher -> watcher.retrying("no_response"));
                backOff(kind, "no response (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")",
                        transientFailures, key);
                continue;
            } catch (TransportNotReadyException e) {
                throw e;
            } catch (RuntimeException e) {
                throw failures.unreachable(e, attempts);
            }
            answered(kind, key, reply.status());
            Instant now = clock.instant();
            RateLimitHeaders hints = RateLimitHeaders.of(reply, now);
            if (reply.isSuccess()) {
                gate.accepted(slot);
            }
            gate.learn(slot, hints);
            if (reply.isSuccess()) {
                return new Sent(reply, attempts);
            }
            if (reply.status() == 429) {
                if (kind.hasOwnRateLimit() && !hints.exhaustedAt(now)) {
                    throw exportLimited(reply, hints, now, key);
                }
                if (++rateLimited > properties.maxRateLimitRetries()) {
                    throw failures.gaveUp(LeadLexError.RATE_LIMITED, reply, attempts);
                }
                watchers.tell(watcher -> watcher.retrying("rate_limited"));
                rideOutRateLimit(kind, gate, hints, rateLimited, key);
                continue;
            }
            rateLimited = 0;
            if (reply.status() < 500) {
                throw failures.refused(reply, attempts);
            }
            if (++transientFailures >= properties.maxAttempts()) {
                throw failures.gaveUp(LeadLexError.SERVER_ERROR, reply, attempts);
            }
            watchers.tell(watcher -> watcher.retrying("server_error"));
            backOff(kind, "HTTP " + reply.status(), transientFailures, key);
        }
    }

    private void answered(ContactsRequestKind kind, String key, int status) {
        watchers.tell(watcher -> watcher.answered(key, status));
        watchers.tell(watcher -> watcher.contactsRequestAnswered(kind, status));
    }

    private ExportRateLimitedException exportLimited(HttpReply reply, RateLimitHeaders hints, Instant now,
            String key) {
        Instant retryAt = hints.retryAt() != null ? hints.retryAt() : now.plus(EXPORT_RETRY_WITHOUT_HINT);
        String message = "LeadLex refused the contacts export on key " + key + " for the export's own limit (HTTP 429"
                + (reply.requestId() == null ? "" : ", request ID " + reply.requestId()) + "); the next export may go "
                + "at " + HumanTime.dayAndTime(retryAt) + (hints.retryAt() == null ? " (no Retry-After: an hour on)" : "");
        log.info("{}", message);
        return new ExportRateLimitedException(retryAt, reply.requestId(), message);
    }

    private void rideOutRateLimit(ContactsRequestKind kind, QuotaGate gate, RateLimitHeaders hints, int rateLimited,
            String key) {
        Duration delay = Duration.ZERO;
        String outcome;
        if (hints.retryAt() != null) {
            gate.blockUntil(hints.retryAt());
            outcome = "Retry-After: every request on this key waits until " + hints.retryAt();
        } else if (hints.exhaustedAt(clock.instant())) {
            outcome = "X-RateLimit-Remaining 0: waiting for the reset at " + hints.reset();
        } else {
            delay = backoff.delay(rateLimited - 1);
            outcome = "no Retry-After: retrying in " + delay.toMillis() + " ms";
        }
        log.warn("LeadLex answered 429 to {} on key {} (attempt {}/{} of 429s): {}", kind.description(), key,
                rateLimited, properties.maxRateLimitRetries(), outcome);
        slotWait.sleep(delay);
    }

    private void backOff(ContactsRequestKind kind, String what, int transientFailures, String key) {
        Duration delay = backoff.delay(transientFailures - 1);
        log.warn("LeadLex request for {} on key {} failed: {} (attempt {}/{}); retrying in {} ms", kind.description(),
                key, what, transientFailures, properties.maxAttempts(), delay.toMillis());
        slotWait.sleep(delay);
    }
}

package com.leadlex.importer.sandbox;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import com.leadlex.importer.sandbox.AddContactsBodyReader.ContactsBody;
import com.leadlex.importer.sandbox.QuotaWindows.QuotaDecision;
import com.leadlex.importer.sandbox.SandboxProperties.Key;
import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;
import com.leadlex.importer.system.Sleeper;

/**
 * {@code POST /sandbox/v1/campaigns/{id}/contacts}: LeadLex's checks in LeadLex's order (key 401,
 * permission 403, quota 429, campaign 404, body 400), then the enrollment, plus injected faults.
 */
class AddContactsHandler {

    private static final Logger log = LoggerFactory.getLogger(AddContactsHandler.class);
    private static final String BEARER = "Bearer ";

    private final SandboxProperties properties;
    private final SandboxKeys keys;
    private final QuotaWindows quotas;
    private final SandboxCampaigns campaigns;
    private final SandboxFaults faults;
    private final SandboxRequestLog requestLog;
    private final AddContactsBodyReader bodyReader;
    private final Clock clock;
    private final Sleeper realTime = Sleeper.threadSleeper();

    AddContactsHandler(SandboxProperties properties, SandboxKeys keys, QuotaWindows quotas,
            SandboxCampaigns campaigns, SandboxFaults faults, SandboxRequestLog requestLog,
            AddContactsBodyReader bodyReader, Clock clock) {
        this.properties = properties;
        this.keys = keys;
        this.quotas = quotas;
        this.campaigns = campaigns;
        this.faults = faults;
        this.requestLog = requestLog;
        this.bodyReader = bodyReader;
        this.clock = clock;
    }

    ServerResponse addContacts(ServerRequest request) throws InterruptedException {
        Instant receivedAt = clock.instant();
        String campaignId = request.pathVariable("id");
        String token = bearerToken(request.headers().firstHeader(HttpHeaders.AUTHORIZATION));
        realTime.sleep(properties.latency());
        Optional<ScriptedFault> fault = faults.next();

        long started = System.nanoTime();
        ContactsBody body = bodyReader.read(readBody(request));
        SandboxAnswer answer = fault.filter(ScriptedFault::answersError)
                .map(SandboxAnswer::fault)
                .orElseGet(() -> process(token, campaignId, body, receivedAt));
        Duration serverTime = Duration.ofNanos(System.nanoTime() - started);

        if (fault.isPresent()) {
            realTime.sleep(fault.get().delay());
        }
        requestLog.record(new ReceivedRequest(receivedAt, KeyMask.mask(token), campaignId, body.count(),
                body.source(), answer.status(), answer.requestId(), serverTime));
        log.debug("Sandbox {} campaign={} ids={} key={} -> {}", answer.requestId(), campaignId, body.count(),
                KeyMask.mask(token), answer.status());
        return answer.toServerResponse();
    }

    private SandboxAnswer process(String token, String campaignId, ContactsBody body, Instant now) {
        Optional<Key> found = keys.find(token);
        if (found.isEmpty()) {
            return SandboxAnswer.error(SandboxError.invalidKey(token == null
                    ? "Missing API key: send Authorization: Bearer wbk_…"
                    : "Invalid, expired or revoked API key " + KeyMask.mask(token)))
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
        }
        Key key = found.get();
        boolean permitted = key.canWriteCampaigns();
        QuotaDecision quota = quotas.admit(key, permitted, now);
        if (!permitted) {
            return SandboxAnswer.error(SandboxError.insufficientPermissions()).rateLimit(quota);
        }
        if (!quota.allowed()) {
            return SandboxAnswer.error(SandboxError.rateLimited()).rateLimit(quota)
                    .header(HttpHeaders.RETRY_AFTER, properties.retryAfter().headerValue(now, quota.reset()));
        }
        if (!campaigns.exists(campaignId)) {
            return SandboxAnswer.error(SandboxError.campaignNotFound(campaignId)).rateLimit(quota);
        }
        if (body.error() != null) {
            return SandboxAnswer.error(body.error()).rateLimit(quota);
        }
        int refused = campaigns.firstRefused(body.contactIds());
        if (refused >= 0) {
            return SandboxAnswer.error(SandboxError.invalidContactId(refused,
                    "\"" + body.contactIds().get(refused) + "\"")).rateLimit(quota);
        }
        return SandboxAnswer.ok(campaigns.enroll(campaignId, body.contactIds())).rateLimit(quota);
    }

    /** The token of {@code Authorization: Bearer <token>} (scheme in any case), or null. */
    static String bearerToken(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return null;
        }
        String token = authorization.substring(BEARER.length()).trim();
        return token.isEmpty() ? null : token;
    }

    private static byte[] readBody(ServerRequest request) {
        try {
            return request.servletRequest().getInputStream().readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the request body", e);
        }
    }
}

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
import com.leadlex.importer.sandbox.SandboxAdmission.Admission;
import com.leadlex.importer.sandbox.SandboxCampaigns.Enrollment;
import com.leadlex.importer.sandbox.SandboxProperties.Key;
import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;
import com.leadlex.importer.system.Sleeper;

import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /sandbox/v1/campaigns/{id}/contacts}: LeadLex's checks in LeadLex's order (key 401,
 * permission 403, quota 429, campaign 404, body 400), then the enrollment, plus injected faults:
 * error statuses, delays, and connections dropped before or after processing.
 */
class AddContactsHandler {

    private static final Logger log = LoggerFactory.getLogger(AddContactsHandler.class);
    private static final String BEARER = "Bearer ";

    private final SandboxProperties properties;
    private final SandboxAdmission admission;
    private final SandboxCampaigns campaigns;
    private final SandboxFaults faults;
    private final SandboxRequestLog requestLog;
    private final AddContactsBodyReader bodyReader;
    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final Sleeper realTime = Sleeper.threadSleeper();

    AddContactsHandler(SandboxProperties properties, SandboxAdmission admission, SandboxCampaigns campaigns,
            SandboxFaults faults, SandboxRequestLog requestLog, AddContactsBodyReader bodyReader,
            JsonMapper jsonMapper, Clock clock) {
        this.properties = properties;
        this.admission = admission;
        this.campaigns = campaigns;
        this.faults = faults;
        this.requestLog = requestLog;
        this.bodyReader = bodyReader;
        this.jsonMapper = jsonMapper;
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
        ScriptedFault.Drop drop = fault.map(ScriptedFault::drop).orElse(ScriptedFault.Drop.NONE);
        if (drop == ScriptedFault.Drop.BEFORE_PROCESSING) {
            record(receivedAt, token, campaignId, body, 0, null, null, Duration.ofNanos(System.nanoTime() - started));
            log.debug("Sandbox dropped the connection before processing campaign={} ids={}", campaignId, body.count());
            return SandboxAnswer.droppedBeforeAnswering();
        }
        SandboxAnswer answer = fault.filter(ScriptedFault::answersError)
                .map(SandboxAnswer::fault)
                .orElseGet(() -> process(token, campaignId, body, receivedAt));
        Duration serverTime = Duration.ofNanos(System.nanoTime() - started);

        boolean dropped = drop == ScriptedFault.Drop.AFTER_PROCESSING;
        // logged as soon as processed: a delayed answer must not land in the log of whatever runs next
        record(receivedAt, token, campaignId, body, dropped ? 0 : answer.status(), answer.requestId(),
                answer.enrollment(), serverTime);
        if (fault.isPresent()) {
            realTime.sleep(fault.get().delay());
        }
        log.debug("Sandbox {} campaign={} ids={} key={} -> {}{}", answer.requestId(), campaignId, body.count(),
                KeyMask.mask(token), answer.status(), dropped ? ", connection dropped mid-answer" : "");
        return dropped ? answer.toDroppedResponse(jsonMapper) : answer.toServerResponse();
    }

    private void record(Instant receivedAt, String token, String campaignId, ContactsBody body, int status,
            String requestId, Enrollment enrollment, Duration serverTime) {
        String firstId = body.contactIds().isEmpty() ? null : body.contactIds().get(0).toString();
        requestLog.record(new ReceivedRequest(receivedAt, KeyMask.mask(token), campaignId, body.count(),
                body.source(), status, requestId, serverTime, firstId, enrollment != null,
                enrollment == null ? 0 : enrollment.added(), enrollment == null ? 0 : enrollment.skipped()));
    }

    private SandboxAnswer process(String token, String campaignId, ContactsBody body, Instant now) {
        Admission admitted = admission.admit(token, Key::canWriteCampaigns, SandboxError.insufficientPermissions(),
                now);
        if (!admitted.admitted()) {
            return admitted.refusal();
        }
        QuotaDecision quota = admitted.quota();
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

package com.leadlex.importer.sandbox;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import com.leadlex.importer.sandbox.ContactRequestLog.ContactRequest;
import com.leadlex.importer.sandbox.ContactRequestLog.Endpoint;
import com.leadlex.importer.sandbox.SandboxAdmission.Admission;
import com.leadlex.importer.sandbox.SandboxProperties.Key;
import com.leadlex.importer.system.Sleeper;

import tools.jackson.databind.json.JsonMapper;

/**
 * What the three contacts endpoints do alike around their own work: the configured latency, the
 * scripted or random faults (an error status, a delay, a connection dropped before or after the
 * work), the checks of {@link SandboxAdmission}, and one entry in the {@link ContactRequestLog}, made
 * as soon as the work is done.
 */
final class ContactEndpointFlow {

    private static final Logger log = LoggerFactory.getLogger(ContactEndpointFlow.class);

    private final SandboxProperties properties;
    private final SandboxAdmission admission;
    private final SandboxFaults faults;
    private final ContactRequestLog requestLog;
    private final JsonMapper jsonMapper;
    private final Clock clock;
    private final Sleeper realTime = Sleeper.threadSleeper();

    ContactEndpointFlow(SandboxProperties properties, SandboxAdmission admission, SandboxFaults faults,
            ContactRequestLog requestLog, JsonMapper jsonMapper, Clock clock) {
        this.properties = properties;
        this.admission = admission;
        this.faults = faults;
        this.requestLog = requestLog;
        this.jsonMapper = jsonMapper;
        this.clock = clock;
    }

    /** An endpoint's own part, run once the request is admitted. */
    interface Work {
        Outcome perform(Admission admitted, Instant now);
    }

    /**
     * @param answer   what to answer
     * @param sent     contacts the request carried (bulk create)
     * @param returned rows or contacts the answer carries
     */
    record Outcome(SandboxAnswer answer, int sent, int returned) {

        static Outcome of(SandboxAnswer answer) {
            return new Outcome(answer, 0, 0);
        }
    }

    ServerResponse handle(ServerRequest request, Endpoint endpoint, Predicate<Key> permitted, SandboxError refusal403,
            Work work) throws InterruptedException {
        Instant receivedAt = clock.instant();
        String token = AddContactsHandler.bearerToken(request.headers().firstHeader(HttpHeaders.AUTHORIZATION));
        String query = request.servletRequest().getQueryString();
        realTime.sleep(properties.latency());
        Optional<ScriptedFault> fault = faults.next();
        ScriptedFault.Drop drop = fault.map(ScriptedFault::drop).orElse(ScriptedFault.Drop.NONE);
        if (drop == ScriptedFault.Drop.BEFORE_PROCESSING) {
            requestLog.record(new ContactRequest(receivedAt, KeyMask.mask(token), endpoint, query, 0, 0, 0, null));
            return SandboxAnswer.droppedBeforeAnswering();
        }
        Outcome outcome;
        if (fault.isPresent() && fault.get().answersError()) {
            outcome = Outcome.of(SandboxAnswer.fault(fault.get()));
        } else {
            Admission admitted = admission.admit(token, permitted, refusal403, receivedAt);
            outcome = admitted.admitted() ? work.perform(admitted, receivedAt) : Outcome.of(admitted.refusal());
        }
        boolean dropped = drop == ScriptedFault.Drop.AFTER_PROCESSING;
        SandboxAnswer answer = outcome.answer();
        // logged as soon as processed: a delayed answer must not land in the log of whatever runs next
        requestLog.record(new ContactRequest(receivedAt, KeyMask.mask(token), endpoint, query, outcome.sent(),
                outcome.returned(), dropped ? 0 : answer.status(), answer.requestId()));
        if (fault.isPresent()) {
            realTime.sleep(fault.get().delay());
        }
        log.debug("Sandbox {} {} key={} -> {}{}", answer.requestId(), endpoint, KeyMask.mask(token), answer.status(),
                dropped ? ", connection dropped mid-answer" : "");
        return dropped ? answer.toDroppedResponse(jsonMapper) : answer.toServerResponse();
    }
}

package com.leadlex.importer.sandbox;

import java.util.concurrent.ThreadLocalRandom;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.servlet.function.ServerResponse;

import com.leadlex.importer.sandbox.QuotaWindows.QuotaDecision;

import tools.jackson.databind.json.JsonMapper;

/**
 * The response the sandbox is about to send, gathered before it is written, so every answer gets
 * an {@code X-Request-ID} and the request log can see its status.
 */
final class SandboxAnswer {

    static final String REQUEST_ID = "X-Request-ID";
    static final String RATE_LIMIT_LIMIT = "X-RateLimit-Limit";
    static final String RATE_LIMIT_REMAINING = "X-RateLimit-Remaining";
    static final String RATE_LIMIT_RESET = "X-RateLimit-Reset";

    private final int status;
    private final Object body;
    private final SandboxCampaigns.Enrollment enrollment;
    private final HttpHeaders headers = new HttpHeaders();

    private SandboxAnswer(int status, Object body, SandboxCampaigns.Enrollment enrollment) {
        this.status = status;
        this.body = body;
        this.enrollment = enrollment;
        headers.set(REQUEST_ID, newRequestId());
    }

    static SandboxAnswer ok(SandboxCampaigns.Enrollment enrollment) {
        return new SandboxAnswer(200, AddContactsResponse.of(enrollment), enrollment);
    }

    static SandboxAnswer error(SandboxError error) {
        return new SandboxAnswer(error.status(), ErrorResponse.of(error), null);
    }

    static SandboxAnswer fault(ScriptedFault fault) {
        return error(SandboxError.scripted(fault)).header(HttpHeaders.RETRY_AFTER, fault.retryAfter());
    }

    /** Adds the header unless {@code value} is null. */
    SandboxAnswer header(String name, String value) {
        if (value != null) {
            headers.set(name, value);
        }
        return this;
    }

    /** The {@code X-RateLimit-*} headers, for metered keys only. */
    SandboxAnswer rateLimit(QuotaDecision quota) {
        if (quota.metered()) {
            header(RATE_LIMIT_LIMIT, Integer.toString(quota.limit()));
            header(RATE_LIMIT_REMAINING, Long.toString(quota.remaining()));
            header(RATE_LIMIT_RESET, Long.toString(quota.reset().getEpochSecond()));
        }
        return this;
    }

    int status() {
        return status;
    }

    /** What the request enrolled, or null when it was refused or not processed. */
    SandboxCampaigns.Enrollment enrollment() {
        return enrollment;
    }

    String requestId() {
        return headers.getFirst(REQUEST_ID);
    }

    ServerResponse toServerResponse() {
        return ServerResponse.status(status)
                .headers(h -> h.addAll(headers))
                .contentType(MediaType.APPLICATION_JSON)
                .body(body);
    }

    /**
     * This answer's headers and the first half of its body, then the connection closes: the request
     * was processed, yet the client never gets a complete answer (see {@link DroppedConnectionValve}).
     */
    ServerResponse toDroppedResponse(JsonMapper jsonMapper) {
        byte[] json = jsonMapper.writeValueAsBytes(body);
        return ServerResponse.status(status)
                .headers(h -> h.addAll(headers))
                .contentType(MediaType.APPLICATION_JSON)
                .build((request, response) -> {
                    response.setContentLength(json.length);
                    response.getOutputStream().write(json, 0, json.length / 2);
                    response.flushBuffer();
                    DroppedConnectionValve.dropAfterThisRequest(request);
                    return null;
                });
    }

    /** No answer at all: the connection closes before a byte of it is written. */
    static ServerResponse droppedBeforeAnswering() {
        return ServerResponse.ok().build((request, response) -> {
            DroppedConnectionValve.dropAfterThisRequest(request);
            return null;
        });
    }

    private static String newRequestId() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "req_" + Long.toHexString(random.nextLong() | Long.MIN_VALUE)
                + Long.toHexString(random.nextLong() | Long.MIN_VALUE).substring(0, 8);
    }
}

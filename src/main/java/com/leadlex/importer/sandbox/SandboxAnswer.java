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

    private static final MediaType CSV = new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8);

    private final int status;
    private final Object body;
    private final MediaType contentType;
    private final SandboxCampaigns.Enrollment enrollment;
    private final HttpHeaders headers = new HttpHeaders();

    private SandboxAnswer(int status, Object body, MediaType contentType, SandboxCampaigns.Enrollment enrollment) {
        this.status = status;
        this.body = body;
        this.contentType = contentType;
        this.enrollment = enrollment;
        headers.set(REQUEST_ID, newRequestId());
    }

    static SandboxAnswer ok(SandboxCampaigns.Enrollment enrollment) {
        return new SandboxAnswer(200, AddContactsResponse.of(enrollment), MediaType.APPLICATION_JSON, enrollment);
    }

    /** A success carrying {@code body} as JSON. */
    static SandboxAnswer json(int status, Object body) {
        return new SandboxAnswer(status, body, MediaType.APPLICATION_JSON, null);
    }

    /** A 200 carrying {@code csv} as {@code text/csv}. */
    static SandboxAnswer csv(String csv) {
        return new SandboxAnswer(200, csv, CSV, null);
    }

    static SandboxAnswer error(SandboxError error) {
        return new SandboxAnswer(error.status(), ErrorResponse.of(error), MediaType.APPLICATION_JSON, null);
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
                .contentType(contentType)
                .body(body);
    }

    /**
     * This answer's headers and the first half of its body, then the connection closes: the request
     * was processed, yet the client never gets a complete answer (see {@link DroppedConnectionValve}).
     */
    ServerResponse toDroppedResponse(JsonMapper jsonMapper) {
        byte[] json = body instanceof String text ? text.getBytes(java.nio.charset.StandardCharsets.UTF_8)
                : jsonMapper.writeValueAsBytes(body);
        return ServerResponse.status(status)
                .headers(h -> h.addAll(headers))
                .contentType(contentType)
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

package com.leadlex.importer.sandbox;

import java.time.Duration;

/**
 * One misbehaviour a test queues for the next request: an error status answered before the
 * request is looked at (not counted, nothing enrolled), a delay added after it was processed,
 * so a client that times out and re-sends sees its contacts already enrolled, or a connection
 * dropped before or after the request was processed, so the client gets no answer at all.
 *
 * @param status     the status to answer, or 0 to process the request normally
 * @param retryAfter the raw {@code Retry-After} value to send, or null for none
 * @param delay      real time to wait before answering
 * @param drop       whether, and when, the connection is dropped instead of answered
 */
public record ScriptedFault(int status, String retryAfter, Duration delay, Drop drop) {

    /** When the sandbox drops the connection instead of answering. */
    public enum Drop {
        /** Answer normally. */
        NONE,
        /** Close the connection before processing: nothing enrolled, not a byte of answer. */
        BEFORE_PROCESSING,
        /** Process (contacts enrolled), then send headers and part of the body and close the connection. */
        AFTER_PROCESSING
    }

    public ScriptedFault {
        if (status != 0 && (status < 400 || status > 599)) {
            throw new IllegalArgumentException("A scripted fault answers 4xx or 5xx, not " + status);
        }
        delay = delay == null || delay.isNegative() ? Duration.ZERO : delay;
        drop = drop == null ? Drop.NONE : drop;
        if (status != 0 && drop != Drop.NONE) {
            throw new IllegalArgumentException("A dropped connection answers no status, not " + status);
        }
    }

    public ScriptedFault(int status, String retryAfter, Duration delay) {
        this(status, retryAfter, delay, Drop.NONE);
    }

    /** Answers {@code status} (e.g. 500, 502, 503) with an error body. */
    public static ScriptedFault status(int status) {
        return new ScriptedFault(status, null, Duration.ZERO);
    }

    /** A 429 {@code rate_limited} with {@code Retry-After} in whole seconds, rounded up. */
    public static ScriptedFault rateLimited(Duration retryAfter) {
        long seconds = retryAfter.toSeconds() + (retryAfter.toNanosPart() > 0 ? 1 : 0);
        return new ScriptedFault(429, Long.toString(seconds), Duration.ZERO);
    }

    /** A 429 {@code rate_limited} with any {@code Retry-After} value (an HTTP date, or garbage). */
    public static ScriptedFault rateLimited(String retryAfter) {
        return new ScriptedFault(429, retryAfter, Duration.ZERO);
    }

    /** A 429 {@code rate_limited} that does not say when to come back. */
    public static ScriptedFault rateLimitedWithoutRetryAfter() {
        return new ScriptedFault(429, null, Duration.ZERO);
    }

    /** Processes the request, then waits {@code delay} before answering: provokes client timeouts. */
    public static ScriptedFault delay(Duration delay) {
        return new ScriptedFault(0, null, delay);
    }

    /** The connection closes before the request is processed: the client sees no answer, nothing is enrolled. */
    public static ScriptedFault dropBeforeProcessing() {
        return new ScriptedFault(0, null, Duration.ZERO, Drop.BEFORE_PROCESSING);
    }

    /** The request is processed (contacts enrolled), then the connection closes mid-answer. */
    public static ScriptedFault dropAfterProcessing() {
        return new ScriptedFault(0, null, Duration.ZERO, Drop.AFTER_PROCESSING);
    }

    public boolean answersError() {
        return status != 0;
    }

    /** The {@code error.code} LeadLex would most plausibly send with this status. */
    String errorCode() {
        return switch (status) {
            case 429 -> "rate_limited";
            case 500 -> "internal_error";
            case 502, 503, 504 -> "service_unavailable";
            default -> "scripted_fault";
        };
    }
}

package com.leadlex.importer.leadlex;

/** A request to LeadLex failed for good (after whatever retries its error allows). */
public class LeadLexException extends RuntimeException {

    private final LeadLexError error;
    private final int httpStatus;
    private final String requestId;
    private final int attempts;

    public LeadLexException(LeadLexError error, int httpStatus, String message, String requestId, int attempts,
            Throwable cause) {
        super(message, cause);
        this.error = error;
        this.httpStatus = httpStatus;
        this.requestId = requestId;
        this.attempts = attempts;
    }

    public LeadLexError error() {
        return error;
    }

    /** The last HTTP status seen, or 0 when no response arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    /** LeadLex's {@code X-Request-ID} of the last response, or null. */
    public String requestId() {
        return requestId;
    }

    /** HTTP requests made before giving up. */
    public int attempts() {
        return attempts;
    }
}

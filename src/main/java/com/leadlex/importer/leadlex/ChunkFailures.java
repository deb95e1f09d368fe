package com.leadlex.importer.leadlex;

/**
 * Turns a failed chunk into a {@link LeadLexException} whose message says what happened, the HTTP
 * status, LeadLex's own code and message, the request ID and what to do, for one request. Made per
 * chunk because it scrubs the chunk's API key out of everything it writes, in case a server echoes it.
 */
class ChunkFailures {

    private final AddContactsRequest request;
    private final String apiKey;
    private final LeadLexJson json;

    ChunkFailures(AddContactsRequest request, String apiKey, LeadLexJson json) {
        this.request = request;
        this.apiKey = apiKey;
        this.json = json;
    }

    /** The error a non-2xx, non-retried status means: by status, refined by LeadLex's code for 400s. */
    static LeadLexError classify(int status, String code) {
        return switch (status) {
            case 400 -> LeadLexError.TOO_MANY_CONTACTS.code().equals(code) ? LeadLexError.TOO_MANY_CONTACTS
                    : LeadLexError.MISSING_REQUIRED_FIELD.code().equals(code) ? LeadLexError.MISSING_REQUIRED_FIELD
                    : LeadLexError.UNEXPECTED_RESPONSE;
            case 401 -> LeadLexError.INVALID_KEY;
            case 403 -> LeadLexError.INSUFFICIENT_PERMISSIONS;
            case 404 -> LeadLexError.CAMPAIGN_NOT_FOUND;
            case 429 -> LeadLexError.RATE_LIMITED;
            default -> status >= 500 ? LeadLexError.SERVER_ERROR : LeadLexError.UNEXPECTED_RESPONSE;
        };
    }

    /** LeadLex answered with a status no retry can fix (4xx other than 429, 3xx, ...). */
    LeadLexException refused(HttpReply reply, int attempts) {
        LeadLexJson.ErrorBody error = json.parseError(reply.body());
        LeadLexError kind = classify(reply.status(), error == null ? null : error.code());
        String hint = error == null && reply.status() == 404
                ? " The response was not LeadLex's JSON error: check leadlex.base-url as well." : "";
        return exception(kind, reply, "LeadLex refused the contacts for campaign " + request.campaignId() + ": "
                + describe(reply, error) + " after " + plural(attempts) + "." + hint, attempts, null);
    }

    /** Retries ran out on 5xx (SERVER_ERROR) or 429 (RATE_LIMITED). */
    LeadLexException gaveUp(LeadLexError kind, HttpReply reply, int attempts) {
        return exception(kind, reply, "LeadLex kept failing the contacts for campaign " + request.campaignId() + ": "
                + describe(reply, json.parseError(reply.body())) + " on the last of " + plural(attempts) + ".",
                attempts, null);
    }

    /** A 2xx without the documented body. */
    LeadLexException unexpected(HttpReply reply, int attempts) {
        return exception(LeadLexError.UNEXPECTED_RESPONSE, reply, "LeadLex answered HTTP " + reply.status()
                + " for campaign " + request.campaignId() + " without data.added, data.skipped and data.contact_ids"
                + requestIdText(reply) + ", after " + plural(attempts) + "; the chunk may or may not be enrolled.",
                attempts, null);
    }

    /** No response at all, for good: retries on timeouts/connection failures ran out, or sending was impossible. */
    LeadLexException unreachable(Exception failure, int attempts) {
        String message = "LeadLex could not be reached for campaign " + request.campaignId() + " after "
                + plural(attempts) + ": " + failure.getClass().getSimpleName() + ": " + failure.getMessage() + ".";
        return exception(LeadLexError.UNREACHABLE, null, message, attempts, failure);
    }

    private LeadLexException exception(LeadLexError kind, HttpReply reply, String what, int attempts, Exception cause) {
        String message = scrub(what + " " + kind.action());
        return new LeadLexException(kind, reply == null ? 0 : reply.status(), message,
                reply == null ? null : reply.requestId(), attempts, cause);
    }

    private static String describe(HttpReply reply, LeadLexJson.ErrorBody error) {
        String said = error == null ? " without LeadLex's error JSON"
                : " " + (error.code() == null ? "(no code)" : error.code())
                        + (error.message() == null ? "" : " \"" + error.message() + "\"");
        return "HTTP " + reply.status() + said + requestIdText(reply);
    }

    private static String requestIdText(HttpReply reply) {
        return reply.requestId() == null ? " (no request ID)" : " (request ID " + reply.requestId() + ")";
    }

    private static String plural(int attempts) {
        return attempts == 1 ? "1 attempt" : attempts + " attempts";
    }

    private String scrub(String text) {
        return apiKey == null || apiKey.isEmpty() ? text : text.replace(apiKey, ApiKeyMask.mask(apiKey));
    }
}

package com.leadlex.importer.leadlex;

/**
 * Turns a failed contacts request into a {@link LeadLexException} that says which request failed,
 * the status, LeadLex's code, message and request ID, and what to do. The same kinds of failure as an
 * enrollment, except where the contacts requests mean something else: a 403 is the contacts
 * permission, a 404 is a wrong base URL (no campaign is named), a 400 on creation is the list's data.
 * Scrubs the API key out of everything it writes, in case a server echoes it.
 */
final class ContactsCallFailures {

    private final ContactsRequestKind kind;
    private final String apiKey;
    private final LeadLexJson json;

    ContactsCallFailures(ContactsRequestKind kind, String apiKey, LeadLexJson json) {
        this.kind = kind;
        this.apiKey = apiKey;
        this.json = json;
    }

    /** The error a non-2xx, non-retried status means for this kind of request. */
    static LeadLexError classify(ContactsRequestKind kind, int status) {
        return switch (status) {
            case 400 -> kind == ContactsRequestKind.BULK_CREATE ? LeadLexError.CONTACTS_REFUSED
                    : LeadLexError.UNEXPECTED_RESPONSE;
            case 401 -> LeadLexError.INVALID_KEY;
            case 403 -> kind == ContactsRequestKind.BULK_CREATE ? LeadLexError.CONTACTS_NOT_WRITABLE
                    : LeadLexError.CONTACTS_NOT_READABLE;
            case 429 -> LeadLexError.RATE_LIMITED;
            default -> status >= 500 ? LeadLexError.SERVER_ERROR : LeadLexError.UNEXPECTED_RESPONSE;
        };
    }

    LeadLexException refused(HttpReply reply, int attempts) {
        LeadLexJson.ErrorBody error = json.parseError(reply.body());
        String hint = reply.status() == 404 ? " The path is not there: check leadlex.base-url." : "";
        return exception(classify(kind, reply.status()), reply, "LeadLex refused " + kind.description() + ": "
                + describe(reply, error) + " after " + plural(attempts) + "." + hint, attempts, null);
    }

    LeadLexException gaveUp(LeadLexError error, HttpReply reply, int attempts) {
        return exception(error, reply, "LeadLex kept failing " + kind.description() + ": "
                + describe(reply, json.parseError(reply.body())) + " on the last of " + plural(attempts) + ".",
                attempts, null);
    }

    /** A 2xx whose body is not the documented one; {@code what} says how. */
    LeadLexException unexpected(HttpReply reply, int attempts, String what) {
        return exception(LeadLexError.UNEXPECTED_RESPONSE, reply, "LeadLex answered " + kind.description()
                + " with HTTP " + reply.status() + requestIdText(reply) + ", but " + what + ".", attempts, null);
    }

    LeadLexException unreachable(Exception failure, int attempts) {
        return exception(LeadLexError.UNREACHABLE, null, "LeadLex could not be reached for " + kind.description()
                + " after " + plural(attempts) + ": " + failure.getClass().getSimpleName() + ": "
                + failure.getMessage() + ".", attempts, failure);
    }

    private LeadLexException exception(LeadLexError error, HttpReply reply, String what, int attempts,
            Exception cause) {
        String message = scrub(what + " " + error.action());
        return new LeadLexException(error, reply == null ? 0 : reply.status(), message,
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

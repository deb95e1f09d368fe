package com.leadlex.importer.sandbox;

/**
 * One documented LeadLex error: the status and the {@code {"error": {"code", "message"}}} body
 * the sandbox answers with, built only through the factories below so codes cannot drift.
 */
record SandboxError(int status, String code, String message) {

    static final int MAX_CONTACTS = 500;

    static SandboxError invalidKey(String message) {
        return new SandboxError(401, "invalid_key", message);
    }

    static SandboxError insufficientPermissions() {
        return new SandboxError(403, "insufficient_permissions",
                "This API key lacks the campaigns:write permission");
    }

    static SandboxError rateLimited() {
        return new SandboxError(429, "rate_limited", "Rate limit exceeded for this API key");
    }

    static SandboxError campaignNotFound(String campaignId) {
        return new SandboxError(404, "campaign_not_found", "No campaign with ID " + campaignId);
    }

    static SandboxError missingRequiredField(String message) {
        return new SandboxError(400, "missing_required_field", message);
    }

    static SandboxError tooManyContacts(int count) {
        return new SandboxError(400, "too_many_contacts",
                "At most " + MAX_CONTACTS + " contacts per request, got " + count);
    }

    /** Not in LeadLex's table: the sandbox refuses what is not a canonical UUID rather than guess. */
    static SandboxError invalidContactId(int index, String value) {
        return new SandboxError(400, "invalid_contact_id",
                "contact_ids[" + index + "] is not a contact UUID: " + value);
    }

    /** Outside LeadLex's table: a request to a path or with a method the sandbox does not serve. */
    static SandboxError noSuchEndpoint(String method, String path) {
        return new SandboxError(404, "not_found", "No sandbox endpoint " + method + " " + path
                + "; the sandbox serves POST " + SandboxConfiguration.ADD_CONTACTS_PATH);
    }

    static SandboxError methodNotAllowed(String method) {
        return new SandboxError(405, "method_not_allowed",
                method + " is not allowed here; use POST " + SandboxConfiguration.ADD_CONTACTS_PATH);
    }

    static SandboxError scripted(ScriptedFault fault) {
        return new SandboxError(fault.status(), fault.errorCode(),
                "Sandbox fault injected for testing (HTTP " + fault.status() + ")");
    }
}

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

    /** 403 for the contacts endpoints, naming the permission they need. */
    static SandboxError lacksPermission(String permission) {
        return new SandboxError(403, "insufficient_permissions", "This API key lacks the " + permission + " permission");
    }

    /** The contacts export's own limit per workspace, beside the key's quota. */
    static SandboxError exportRateLimited(int perHour) {
        return new SandboxError(429, "rate_limited", "The contacts export is limited to " + perHour
                + " calls per hour per workspace");
    }

    /** Not in LeadLex's table: a query parameter the sandbox cannot use, named, rather than a guess. */
    static SandboxError invalidParameter(String name, String message) {
        return new SandboxError(400, "invalid_parameter", name + ": " + message);
    }

    /** Not in LeadLex's table: an element of a bulk-create body that is not a contact. */
    static SandboxError invalidContact(int index, String message) {
        return new SandboxError(400, "invalid_contact", "contacts[" + index + "] " + message);
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
                + "; the sandbox serves POST " + SandboxConfiguration.ADD_CONTACTS_PATH + ", GET "
                + SandboxConfiguration.EXPORT_PATH + ", GET " + SandboxConfiguration.SEARCH_PATH + " and POST "
                + SandboxConfiguration.BULK_PATH);
    }

    static SandboxError methodNotAllowed(String method) {
        return methodNotAllowed(method, "POST", SandboxConfiguration.ADD_CONTACTS_PATH);
    }

    static SandboxError methodNotAllowed(String method, String allowed, String path) {
        return new SandboxError(405, "method_not_allowed", method + " is not allowed here; use " + allowed + " " + path);
    }

    static SandboxError scripted(ScriptedFault fault) {
        return new SandboxError(fault.status(), fault.errorCode(),
                "Sandbox fault injected for testing (HTTP " + fault.status() + ")");
    }
}

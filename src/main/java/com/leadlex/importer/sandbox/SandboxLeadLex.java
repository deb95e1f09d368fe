package com.leadlex.importer.sandbox;

import java.util.List;
import java.util.UUID;

import com.leadlex.importer.sandbox.SandboxProperties.Key;
import com.leadlex.importer.sandbox.SandboxRequestLog.ReceivedRequest;

/**
 * The handle tests (and the demo) hold on the sandbox: set up campaigns and keys, script faults,
 * and look at what the importer sent and what got enrolled, without going through HTTP.
 */
public class SandboxLeadLex {

    private final SandboxKeys keys;
    private final SandboxCampaigns campaigns;
    private final QuotaWindows quotas;
    private final SandboxFaults faults;
    private final SandboxRequestLog requestLog;
    private final Contacts contacts;

    /** The workspace's contacts side: its contacts, its export limit, and the requests its endpoints got. */
    record Contacts(SandboxContacts store, ExportWindows exports, ContactRequestLog requests) {
    }

    SandboxLeadLex(SandboxKeys keys, SandboxCampaigns campaigns, QuotaWindows quotas, SandboxFaults faults,
            SandboxRequestLog requestLog, Contacts contacts) {
        this.keys = keys;
        this.campaigns = campaigns;
        this.quotas = quotas;
        this.faults = faults;
        this.requestLog = requestLog;
        this.contacts = contacts;
    }

    /** The workspace's contacts: seeded ones and those created since, for setting up and checking. */
    public SandboxContacts contacts() {
        return contacts.store();
    }

    /** Requests to the contacts endpoints (export, search, bulk create) so far, oldest first (keys masked). */
    public List<ContactRequestLog.ContactRequest> contactRequests() {
        return contacts.requests().requests();
    }

    public void clearContactRequests() {
        contacts.requests().clear();
    }

    /** Creates an empty campaign (no-op when it exists). */
    public void createCampaign(String campaignId) {
        campaigns.create(campaignId);
    }

    /** Adds or replaces a key, e.g. one with a tiny quota. */
    public void addKey(Key key) {
        keys.add(key);
    }

    /** Every later request naming this contact is answered 400 {@code invalid_contact_id}, nothing enrolled. */
    public void refuseContact(String contactId) {
        campaigns.refuse(UUID.fromString(contactId));
    }

    /** Every later request with this key is answered 401 {@code invalid_key}. */
    public void revokeKey(String key) {
        keys.revoke(key);
    }

    /** Enrolls contacts as if before any import (not counted as processed): requests naming them skip them. */
    public void enrollBeforehand(String campaignId, List<UUID> contactIds) {
        campaigns.enrollBeforehand(campaignId, contactIds);
    }

    /** What requests really enrolled and skipped in the campaign, answered or dropped: the figures a ledger matches. */
    public SandboxCampaigns.ProcessedCounts processedCounts(String campaignId) {
        return campaigns.processedCounts(campaignId);
    }

    public int enrolledCount(String campaignId) {
        return campaigns.enrolledCount(campaignId);
    }

    /** Whether the contact UUID (any case) is enrolled in the campaign. */
    public boolean isEnrolled(String campaignId, String contactId) {
        return campaigns.isEnrolled(campaignId, contactId);
    }

    /** Requests received so far, oldest first (keys masked). */
    public List<ReceivedRequest> receivedRequests() {
        return requestLog.requests();
    }

    public void clearReceivedRequests() {
        requestLog.clear();
    }

    /** The next {@code requests} requests get {@code fault}, after faults queued earlier. */
    public void failNext(int requests, ScriptedFault fault) {
        faults.queue(requests, fault);
    }

    /** Scripted faults not yet consumed. */
    public int pendingFaults() {
        return faults.pending();
    }

    /**
     * Back to the start: configured keys and campaigns, the seeded contacts only, nothing enrolled,
     * counted (exports included), queued or logged.
     */
    public void reset() {
        faults.clear();
        keys.reset();
        quotas.reset();
        campaigns.reset();
        requestLog.clear();
        contacts.store().reset();
        contacts.exports().reset();
        contacts.requests().clear();
    }
}

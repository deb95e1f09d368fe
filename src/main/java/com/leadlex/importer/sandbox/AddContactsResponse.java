package com.leadlex.importer.sandbox;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** LeadLex's success body: {@code {"data": {"added", "skipped", "contact_ids"}}}. */
record AddContactsResponse(Data data) {

    static AddContactsResponse of(SandboxCampaigns.Enrollment enrollment) {
        return new AddContactsResponse(
                new Data(enrollment.added(), enrollment.skipped(), enrollment.addedContactIds()));
    }

    record Data(int added, int skipped, @JsonProperty("contact_ids") List<String> contactIds) {
    }
}

package com.leadlex.importer.intake;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import com.leadlex.importer.staging.ContactListRejectedException;

/** Campaign IDs are opaque path segments: LeadLex's own examples are not UUIDs. */
class CampaignIdsTest {

    @ParameterizedTest
    @ValueSource(strings = {"cmp_abc123", "123e4567-e89b-12d3-a456-426614174000", "Q2 list", "a.b"})
    void opaqueSegmentsAreAccepted(String campaignId) {
        assertThatCode(() -> CampaignIds.requireValid(campaignId)).doesNotThrowAnyException();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "a/b", "a\\b", ".", "..", " padded", "tab\there"})
    void whatCannotBeAPathSegmentIsRefusedBeforeAnythingIsStaged(String campaignId) {
        assertThatThrownBy(() -> CampaignIds.requireValid(campaignId))
                .isInstanceOf(ContactListRejectedException.class).hasMessageContaining("campaign");
    }
}

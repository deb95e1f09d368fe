package com.leadlex.importer.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * The campaigns the sandbox knows and who is enrolled in each. Enrollments are kept as
 * {@link UUID}s (two longs) in concurrent sets, so a million contacts stay affordable and
 * concurrent requests never enroll the same contact twice.
 */
public class SandboxCampaigns {

    private final List<String> standingCampaigns;
    private final Map<String, Set<UUID>> enrollments = new ConcurrentHashMap<>();
    /** Per campaign, what requests really enrolled and skipped, answered or not: what a ledger is checked against. */
    private final Map<String, Tally> processed = new ConcurrentHashMap<>();
    /** Contacts LeadLex would refuse (a deleted contact, say): a request naming one gets a 400. */
    private final Set<UUID> refused = ConcurrentHashMap.newKeySet();

    public SandboxCampaigns(SandboxProperties properties) {
        List<String> campaigns = new ArrayList<>(SandboxProperties.BUILT_IN_CAMPAIGNS);
        campaigns.addAll(properties.campaigns());
        this.standingCampaigns = List.copyOf(campaigns);
        reset();
    }

    public boolean exists(String campaignId) {
        return enrollments.containsKey(campaignId);
    }

    public void refuse(UUID contactId) {
        refused.add(contactId);
    }

    /** The position of the first refused contact in {@code contactIds}, or -1 when none is. */
    public int firstRefused(List<UUID> contactIds) {
        if (refused.isEmpty()) {
            return -1;
        }
        for (int i = 0; i < contactIds.size(); i++) {
            if (refused.contains(contactIds.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Creates an empty campaign; an existing one is left as it is. */
    public void create(String campaignId) {
        if (campaignId == null || campaignId.isEmpty() || campaignId.contains("/")) {
            throw new IllegalArgumentException("A campaign ID is a non-empty path segment, was: " + campaignId);
        }
        enrollments.computeIfAbsent(campaignId, id -> ConcurrentHashMap.newKeySet());
        processed.computeIfAbsent(campaignId, id -> new Tally(new LongAdder(), new LongAdder()));
    }

    /**
     * Enrolls contacts as if done before the import, by LeadLex's console say: not counted as
     * processed, so a later request finds them already enrolled (skipped).
     */
    public void enrollBeforehand(String campaignId, List<UUID> contactIds) {
        Set<UUID> enrolled = enrollments.get(campaignId);
        if (enrolled == null) {
            throw new IllegalArgumentException("No campaign " + campaignId);
        }
        enrolled.addAll(contactIds);
    }

    /**
     * Enrolls the contacts; those already enrolled, or repeated in {@code contactIds}, are skipped.
     *
     * @throws IllegalArgumentException when the campaign does not exist
     */
    public Enrollment enroll(String campaignId, List<UUID> contactIds) {
        Set<UUID> enrolled = enrollments.get(campaignId);
        if (enrolled == null) {
            throw new IllegalArgumentException("No campaign " + campaignId);
        }
        List<String> added = new ArrayList<>(contactIds.size());
        for (UUID contactId : contactIds) {
            if (enrolled.add(contactId)) {
                added.add(contactId.toString());
            }
        }
        Enrollment enrollment = new Enrollment(added.size(), contactIds.size() - added.size(), List.copyOf(added));
        Tally tally = processed.get(campaignId);
        tally.added().add(enrollment.added());
        tally.skipped().add(enrollment.skipped());
        return enrollment;
    }

    /** What requests enrolled and skipped in the campaign so far, whether or not the answer reached the client. */
    public ProcessedCounts processedCounts(String campaignId) {
        Tally tally = processed.get(campaignId);
        return tally == null ? new ProcessedCounts(0, 0) : new ProcessedCounts(tally.added().sum(), tally.skipped().sum());
    }

    /** Contacts enrolled in the campaign, 0 when it does not exist. */
    public int enrolledCount(String campaignId) {
        Set<UUID> enrolled = enrollments.get(campaignId);
        return enrolled == null ? 0 : enrolled.size();
    }

    /** Whether the contact (a UUID, any case) is enrolled in the campaign. */
    public boolean isEnrolled(String campaignId, String contactId) {
        Set<UUID> enrolled = enrollments.get(campaignId);
        UUID id = ContactIds.parse(contactId);
        return enrolled != null && id != null && enrolled.contains(id);
    }

    /** Only the built-in and configured campaigns, all empty. */
    public void reset() {
        enrollments.clear();
        processed.clear();
        refused.clear();
        standingCampaigns.forEach(this::create);
    }

    /**
     * The outcome of one request, as LeadLex reports it.
     *
     * @param added           contacts newly enrolled
     * @param skipped         contacts already enrolled or repeated within the request
     * @param addedContactIds the newly enrolled IDs, lower case, in request order
     */
    public record Enrollment(int added, int skipped, List<String> addedContactIds) {
    }

    /**
     * Totals over every request the sandbox processed for one campaign.
     *
     * @param added   contacts newly enrolled
     * @param skipped contacts found already enrolled (or repeated within a request)
     */
    public record ProcessedCounts(long added, long skipped) {
    }

    /** Running totals of one campaign, added to by concurrent requests without a lock. */
    private record Tally(LongAdder added, LongAdder skipped) {
    }
}

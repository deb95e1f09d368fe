package com.leadlex.importer.sources;

import org.apache.camel.Consumer;
import org.apache.camel.Endpoint;
import org.apache.camel.component.file.remote.RemoteFilePollingConsumerPollStrategy;
import org.apache.camel.spi.RouteIdAware;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The poll strategy of every source route ({@code pollStrategy: "#sourcePollReporter"}): records
 * each poll in the source's status, logs a failed poll as one line in words (not a stack trace on
 * every try) and the recovery after it, says so when a scheduled pickup found nothing, and has lists
 * dropped outside the campaign folders reported ({@link ListsOutsideCampaignFolders}). Remote
 * sources are disconnected on failure so that the next poll, after the route's backoff, reconnects.
 */
@Component
public class SourcePollReporter extends RemoteFilePollingConsumerPollStrategy {

    private static final Logger log = LoggerFactory.getLogger(SourcePollReporter.class);

    private final SourceStatusRegistry statuses;
    private final ListsOutsideCampaignFolders misplacedLists;
    private final LeaderOnlyScheduledPickups leaderOnly;

    public SourcePollReporter(SourceStatusRegistry statuses, ListsOutsideCampaignFolders misplacedLists,
            LeaderOnlyScheduledPickups leaderOnly) {
        this.statuses = statuses;
        this.misplacedLists = misplacedLists;
        this.leaderOnly = leaderOnly;
    }

    /** A cron pickup's poll begins only on the leader (false: Camel skips this poll). */
    @Override
    public boolean begin(Consumer consumer, Endpoint endpoint) {
        return leaderOnly.mayPoll(consumer) && super.begin(consumer, endpoint);
    }

    @Override
    public void commit(Consumer consumer, Endpoint endpoint, int polledMessages) {
        String routeId = routeIdOf(consumer);
        int failuresBefore = statuses.current(routeId).map(SourceStatus::consecutiveFailures).orElse(0);
        statuses.pollSucceeded(routeId, polledMessages);
        misplacedLists.check(routeId, endpoint);
        if (failuresBefore > 0) {
            log.info("Source {} is reachable again after {} failed poll(s)", statuses.sourceName(routeId),
                    failuresBefore);
        }
        if (CronPickups.isCronScheduled(consumer)) {
            log.info("Scheduled pickup {} ({}) ran: {} in {}", statuses.sourceName(routeId),
                    CronPickups.describe(consumer), polledMessages == 0 ? "nothing to import" : polledMessages
                            + " list(s) taken", endpoint.getEndpointBaseUri());
        }
    }

    @Override
    public boolean rollback(Consumer consumer, Endpoint endpoint, int retryCounter, Exception cause) throws Exception {
        String routeId = routeIdOf(consumer);
        String reason = SourceFailures.describe(cause);
        String before = statuses.current(routeId).map(SourceStatus::lastError).orElse(null);
        int failures = statuses.pollFailed(routeId, reason);
        if (failures == 1 || !reason.equals(before)) {
            log.warn("Source {} failed to poll {}: {}. Retrying with backoff; status at /api/sources",
                    statuses.sourceName(routeId), endpoint.getEndpointBaseUri(), reason);
        } else {
            log.debug("Source {} still failing ({} polls in a row): {}", routeId, failures, reason);
        }
        super.rollback(consumer, endpoint, retryCounter, cause);
        return false;
    }

    static String routeIdOf(Consumer consumer) {
        return consumer instanceof RouteIdAware aware ? aware.getRouteId() : String.valueOf(consumer);
    }
}

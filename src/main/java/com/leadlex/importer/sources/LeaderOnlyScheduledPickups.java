package com.leadlex.importer.sources;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.NamedNode;
import org.apache.camel.Route;
import org.apache.camel.spi.RoutePolicy;
import org.apache.camel.spi.RoutePolicyFactory;
import org.apache.camel.support.RoutePolicySupport;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import com.leadlex.importer.cluster.Leadership;
import com.leadlex.importer.cluster.LeadershipChanged;

/**
 * Scheduled pickups (sources with a {@code cron}) run on the cluster's leader only; with several
 * nodes, a nightly list is then fetched once, not once per node. Every route gets a policy (Camel
 * picks this factory up from the registry); once a route has started, the policy looks whether it is
 * a cron pickup ({@link CronPickups}) and, on a node that does not lead, suspends its consumer: the
 * route stays started, its schedule keeps firing, and each firing is skipped. On {@link
 * LeadershipChanged} the consumers are resumed or suspended. Folder and SFTP sources that poll every
 * few seconds ({@code delay}) run on every node; the file keys in the database make each file taken
 * once.
 */
@Component
public class LeaderOnlyScheduledPickups implements RoutePolicyFactory {

    private static final Logger log = LoggerFactory.getLogger(LeaderOnlyScheduledPickups.class);

    private final Leadership leadership;
    private final Set<Route> cronPickups = ConcurrentHashMap.newKeySet();

    public LeaderOnlyScheduledPickups(Leadership leadership) {
        this.leadership = leadership;
    }

    @Override
    public RoutePolicy createRoutePolicy(CamelContext camelContext, String routeId, NamedNode route) {
        return new LeaderOnlyPolicy();
    }

    @EventListener
    public void leadershipChanged(LeadershipChanged change) {
        cronPickups.forEach(this::follow);
    }

    /**
     * Whether a poll of this consumer may begin: always for an interval poller, only on the leader for a
     * cron pickup. Asked by every source's poll strategy ({@link SourcePollReporter#begin}) before each
     * poll, since suspending the consumer comes only once its route has started: a schedule firing
     * in between would take a file on a node that does not lead (CI saw it on a busy machine).
     */
    public boolean mayPoll(Consumer consumer) {
        return !CronPickups.isCronScheduled(consumer) || leadership.isLeader();
    }

    /** Whether the route is a cron pickup this node holds back because it does not lead. */
    public boolean isStandingBy(Route route) {
        return cronPickups.contains(route) && !leadership.isLeader();
    }

    /**
     * Suspends or resumes the route's consumer as leadership stands now. Synchronized and reading
     * leadership inside, so a change arriving while a route starts leaves it as the latest state says.
     */
    private synchronized void follow(Route route) {
        boolean lead = leadership.isLeader();
        try {
            if (route.getCamelContext().isStopping() || route.getCamelContext().isStopped()) {
                return;
            }
            boolean suspended = ServiceHelper.isSuspended(route.getConsumer());
            if (lead && suspended) {
                ServiceHelper.resumeService(route.getConsumer());
                log.info("Scheduled pickup {} ({}) runs on this node: it leads the cluster now", route.getRouteId(),
                        CronPickups.describe(route.getConsumer()));
            } else if (!lead && !suspended) {
                ServiceHelper.suspendService(route.getConsumer());
                log.info("Scheduled pickup {} ({}) stands by on this node: another node leads the cluster and runs it",
                        route.getRouteId(), CronPickups.describe(route.getConsumer()));
            }
        } catch (Exception e) {
            log.warn("Scheduled pickup {} could not follow this node's leadership ({}): {}", route.getRouteId(),
                    lead ? "resume" : "suspend", e.toString());
        }
    }

    private final class LeaderOnlyPolicy extends RoutePolicySupport {

        @Override
        public void onStart(Route route) {
            if (CronPickups.isCronScheduled(route.getConsumer())) {
                cronPickups.add(route);
                follow(route);
            }
        }

        @Override
        public void onStop(Route route) {
            cronPickups.remove(route);
        }

        @Override
        public void onRemove(Route route) {
            cronPickups.remove(route);
        }
    }
}

package com.leadlex.importer.cluster;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.integration.leader.Candidate;
import org.springframework.integration.leader.Context;
import org.springframework.stereotype.Component;

import com.leadlex.importer.system.InstanceIdentity;

/**
 * Whether this node leads the cluster, as {@link LeaderElection} decides: the candidate it elects.
 * Work that must run once per cluster asks {@link #isLeader()} before each run; what must start and
 * stop with leadership listens for {@link LeadershipChanged}. A one-shot command never takes part,
 * and so never leads.
 */
@Component
public class Leadership implements Candidate {

    /** The one role the nodes compete for; its lock key is derived from it. */
    public static final String ROLE = "leadlex-importer-leader";
    private static final Logger log = LoggerFactory.getLogger(Leadership.class);

    private final String instanceId;
    private final ApplicationEventPublisher events;
    private volatile boolean leader;

    @Autowired
    public Leadership(InstanceIdentity instance, ApplicationEventPublisher events) {
        this(instance.id(), events);
    }

    Leadership(String instanceId, ApplicationEventPublisher events) {
        this.instanceId = instanceId;
        this.events = events;
    }

    public boolean isLeader() {
        return leader;
    }

    @Override
    public String getRole() {
        return ROLE;
    }

    @Override
    public String getId() {
        return instanceId;
    }

    @Override
    public void onGranted(Context context) {
        leader = true;
        log.info("This node ({}) now leads the cluster: it runs the paused-import resumer, the webhook batcher "
                + "and scheduled pickups", instanceId);
        tell(true);
    }

    @Override
    public void onRevoked(Context context) {
        if (!leader) {
            return;
        }
        leader = false;
        log.info("This node ({}) no longer leads the cluster (it is stopping, or could not renew its lock in time)",
                instanceId);
        tell(false);
    }

    /** Listeners must not break the election's thread; one called while the application closes may fail. */
    private void tell(boolean nowLeader) {
        try {
            events.publishEvent(new LeadershipChanged(nowLeader));
        } catch (RuntimeException e) {
            log.warn("A listener of this node's leadership failed: {}", e.toString());
        }
    }
}

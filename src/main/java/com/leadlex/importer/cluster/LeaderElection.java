package com.leadlex.importer.cluster;

import java.time.Duration;

import javax.sql.DataSource;

import org.springframework.context.SmartLifecycle;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.integration.jdbc.lock.DefaultLockRepository;
import org.springframework.integration.jdbc.lock.JdbcLockRegistry;
import org.springframework.integration.leader.Candidate;
import org.springframework.integration.leader.Context;
import org.springframework.integration.leader.event.LeaderEventPublisher;
import org.springframework.integration.support.leader.LockRegistryLeaderInitiator;
import org.springframework.integration.util.UUIDConverter;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The nodes elect one leader through Spring Integration: a {@link LockRegistryLeaderInitiator} over a
 * {@link JdbcLockRegistry} on the job database (table INT_LOCK, one row for the role). The leader
 * renews its lock every tenth of its time to live; the others try to take it as often, so a dead
 * leader is replaced once its lock expires, and one that stops hands it back at once (stopping
 * unlocks; closing deletes whatever lock this node still has). Started last and stopped first of
 * the application's lifecycle beans. The lock's times come from each node's own clock (the
 * library's): nodes need clocks within a few seconds of each other, as NTP keeps them; a disagreement
 * beyond that can give two leaders for a moment, which every leader task tolerates (it claims its
 * work in the database).
 */
public final class LeaderElection implements SmartLifecycle, AutoCloseable {

    /** The region of INT_LOCK that holds the importer's locks. */
    public static final String REGION = "leadlex-importer";

    private final DefaultLockRepository locks;
    private final LockRegistryLeaderInitiator initiator;

    public LeaderElection(DataSource dataSource, PlatformTransactionManager transactions, String instanceId,
            Duration lockTtl, Candidate candidate) {
        this.locks = new DefaultLockRepository(dataSource, clientIdOf(instanceId));
        locks.setRegion(REGION);
        locks.setTransactionManager(transactions);
        locks.afterPropertiesSet();
        locks.afterSingletonsInstantiated();
        Duration heartbeat = lockTtl.dividedBy(10);
        JdbcLockRegistry registry = new JdbcLockRegistry(locks, lockTtl);
        registry.setIdleBetweenTries(heartbeat);
        this.initiator = new LockRegistryLeaderInitiator(registry, candidate);
        initiator.setHeartBeatMillis(heartbeat.toMillis());
        initiator.setBusyWaitMillis(heartbeat.toMillis());
        initiator.setTaskExecutor(new SimpleAsyncTaskExecutor("leader-election-"));
        // the candidate (Leadership) tells the application itself; no Spring Integration events
        initiator.setLeaderEventPublisher(new SilentLeaderEvents());
    }

    /** The CLIENT_ID in INT_LOCK of the instance {@code instanceId} (36 characters, as the table allows). */
    public static String clientIdOf(String instanceId) {
        return UUIDConverter.getUUID(instanceId).toString();
    }

    /** The LOCK_KEY in INT_LOCK of the leader's lock, as the lock registry derives it from the role. */
    public static String leaderLockKey() {
        return UUIDConverter.getUUID(Leadership.ROLE).toString();
    }

    public boolean isLeader() {
        return initiator.getContext().isLeader();
    }

    @Override
    public void start() {
        locks.start();
        initiator.start();
    }

    @Override
    public void stop() {
        initiator.stop();
        locks.stop();
    }

    @Override
    public boolean isRunning() {
        return initiator.isRunning();
    }

    /** Deletes any lock this node still holds, so that another node need not wait for it to expire. */
    @Override
    public void close() {
        stop();
        locks.close();
    }

    private static final class SilentLeaderEvents implements LeaderEventPublisher {

        @Override
        public void publishOnGranted(Object source, Context context, String role) {
        }

        @Override
        public void publishOnRevoked(Object source, Context context, String role) {
        }

        @Override
        public void publishOnFailedToAcquire(Object source, Context context, String role) {
        }
    }
}

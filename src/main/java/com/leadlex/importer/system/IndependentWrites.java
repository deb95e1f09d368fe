package com.leadlex.importer.system;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.function.Supplier;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes that commit on their own (REQUIRES_NEW), whatever transaction the caller is in: what a
 * chunk transaction observed (a request sent, a failure, a pause) must survive that chunk's
 * rollback, and a webhook event must be stored before its answer. Also the one clock that the
 * importer's own tables are stamped with.
 */
@Component
public class IndependentWrites {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    public IndependentWrites(JdbcTemplate jdbc, PlatformTransactionManager transactionManager, Clock clock) {
        this.jdbc = jdbc;
        this.ownTransaction = new TransactionTemplate(transactionManager);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    /** Runs one statement in a transaction of its own; returns the rows changed. */
    public int update(String sql, Object... args) {
        Integer changed = ownTransaction.execute(tx -> jdbc.update(sql, args));
        return changed == null ? 0 : changed;
    }

    /** Runs several statements in one transaction of their own. */
    public <T> T inOwnTransaction(Supplier<T> work) {
        return ownTransaction.execute(tx -> work.get());
    }

    public OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }
}

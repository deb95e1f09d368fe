package com.leadlex.importer.system;

import java.sql.SQLException;
import java.util.Set;

import org.springframework.dao.TransientDataAccessException;

/**
 * Tells a database failure that goes away when the same work is tried again (a serialization
 * conflict, a deadlock, a connection lost for a moment) from one that will fail again, whatever
 * the database (H2 and PostgreSQL use the same SQL states for these).
 */
public final class TransientDatabaseFailures {

    /** Serialization failure, deadlock, and the connection-exception class. */
    private static final Set<String> TRANSIENT_STATES = Set.of("40001", "40P01", "08000", "08001", "08003", "08006");

    private TransientDatabaseFailures() {
    }

    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransientDataAccessException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && TRANSIENT_STATES.contains(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    /** The innermost message, for one log line. */
    public static String describe(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }
}

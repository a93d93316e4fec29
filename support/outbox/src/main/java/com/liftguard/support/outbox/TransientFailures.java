package com.liftguard.support.outbox;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;

/**
 * Tells a failure worth retrying (a lost race on a unique key, a lock or serialization conflict, a
 * dropped connection) from one that will fail the same way every time (a bug, an undecodable event).
 * Classification is by SQLState class where the driver gives one: 08 connection, 23 integrity (two
 * consumers creating the same row at once), 40 transaction rollback / serialization, HYT timeouts;
 * and by the JDBC exception types for the transient and recoverable families.
 */
public final class TransientFailures {
    private TransientFailures() {}

    public static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException) {
                return true;
            }
            if (t instanceof SQLException sql && transientState(sql.getSQLState())) {
                return true;
            }
            String name = t.getClass().getName();
            if (name.endsWith("OptimisticLockException")
                    || name.endsWith("PessimisticLockException")
                    || name.endsWith("LockTimeoutException")
                    || name.endsWith("JDBCConnectionException")
                    || name.endsWith("StaleObjectStateException")
                    || name.endsWith("LockAcquisitionException")) {
                return true;
            }
        }
        return false;
    }

    static boolean transientState(String state) {
        if (state == null || state.length() < 2) {
            return false;
        }
        String cls = state.substring(0, 2);
        return cls.equals("08")
                || cls.equals("23")
                || cls.equals("40")
                || state.startsWith("HYT")
                || state.equals("57P01")
                || state.equals("57P03")
                || state.equals("55P03");
    }
}

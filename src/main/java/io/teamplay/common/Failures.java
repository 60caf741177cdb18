package io.teamplay.common;

import java.sql.SQLException;
import java.util.List;

/**
 * What a failure means to the caller, told without the service's insides: a {@link ProblemException} speaks for
 * itself; a database or transaction failure is named by what happened (a conflict, a timeout); anything else is an
 * internal error whose message stays in the log. Used for whole requests ({@link ProblemMapper}) and for the items of
 * a request that goes on after one fails (imports, bulk edits).
 */
public final class Failures {

    private Failures() {
    }

    /** The problem document a request answers when it failed with {@code failure}. */
    public static Problem problem(Throwable failure) {
        boolean rolledBack = false;
        boolean database = false;
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                return problem.toProblem();
            }
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
                // a concurrent request wrote the same key first (the checks before the insert could not see it)
                return problem(409, "Conflict", "A concurrent request changed the same data first; reload and retry");
            }
            if (cause instanceof SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                // deadlock or serialization failure with a concurrent change (e.g. two users disabled into each other)
                return problem(409, "Conflict", "A concurrent change got in the way; it was rolled back, retry");
            }
            if (cause instanceof SQLException sql && ("55P03".equals(sql.getSQLState()) || "57014".equals(sql.getSQLState()))) {
                // lock_timeout, or statement_timeout cancelling the query
                return problem(503, "Service Unavailable",
                        "The database did not answer in time (a lock held too long); it was rolled back, retry");
            }
            if (cause instanceof org.hibernate.exception.DataException) {
                // a value the database cannot store (longer than its column, or holding a NUL character)
                return problem(400, "Invalid input", "A value is too long or holds characters that cannot be stored");
            }
            rolledBack |= cause instanceof jakarta.transaction.RollbackException;
            database |= cause instanceof SQLException || cause instanceof jakarta.persistence.PersistenceException;
        }
        if (rolledBack && !database) {
            // rolled back by the transaction manager itself, not for a failed statement: it outlived its timeout
            return problem(503, "Service Unavailable",
                    "The change took longer than the service allows and was rolled back; retry, with less at once if it happens again");
        }
        return problem(500, "Internal error", "An unexpected error occurred; see the service log");
    }

    /** The same, as one sentence for an item of a longer request (a row of an import, an account of a bulk edit). */
    public static String describe(Throwable failure) {
        return problem(failure).detail();
    }

    /** Whether {@code failure} is one the service did not anticipate (logged as an error, with its stack). */
    public static boolean unexpected(Throwable failure) {
        return problem(failure).status() == 500;
    }

    private static Problem problem(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, List.of());
    }
}

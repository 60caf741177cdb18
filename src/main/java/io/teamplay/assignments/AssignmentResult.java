package io.teamplay.assignments;

import io.teamplay.common.ProblemException;

import java.util.List;

/**
 * What a change of one seat came to, decided before anything was written: {@link Changed} (written),
 * {@link Unchanged} (the seat already was so: nothing written) or {@link Refused} (nothing written, and why). A
 * refusal is a value, not an exception, so a caller applying many changes in one transaction goes on after one.
 */
public sealed interface AssignmentResult {

    /** A change that went through: the seat as it is now (email null when cleared) and the tasks that moved with it. */
    sealed interface Applied extends AssignmentResult {

        String accountId();

        String role();

        String fromEmail();

        String email();

        String name();

        List<MovedTask> movedTasks();

        default int tasksMoved() {
            return movedTasks().size();
        }

        default boolean changed() {
            return this instanceof Changed;
        }
    }

    record Changed(String accountId, String role, String fromEmail, String email, String name,
                   List<MovedTask> movedTasks) implements Applied {

        Changed withMovedTasks(List<MovedTask> moved) {
            return new Changed(accountId, role, fromEmail, email, name, List.copyOf(moved));
        }
    }

    record Unchanged(String accountId, String role, String email, String name) implements Applied {

        @Override
        public String fromEmail() {
            return email;
        }

        @Override
        public List<MovedTask> movedTasks() {
            return List.of();
        }
    }

    /**
     * Nothing was written: {@code field} of the request is at fault, {@code reason} says why in the caller's words.
     * {@code kind} tells a malformed request (an email that is no email) and an unknown role from a business refusal.
     */
    record Refused(Kind kind, String field, String reason) implements AssignmentResult {

        public enum Kind { MALFORMED, UNKNOWN_ROLE, NOT_ALLOWED }

        static Refused notAllowed(String field, String reason) {
            return new Refused(Kind.NOT_ALLOWED, field, reason);
        }
    }

    /**
     * The applied change, or the refusal thrown as the caller's problem document: the one place a refusal becomes
     * an HTTP answer (400 malformed, 404 unknown role, 422 refused by a business rule, naming the field).
     */
    default Applied requireApplied() {
        return requireApplied(null);
    }

    /** As {@link #requireApplied()}, naming {@code field} of the caller's own request as the one at fault. */
    default Applied requireApplied(String field) {
        if (this instanceof Applied applied) {
            return applied;
        }
        Refused refused = (Refused) this;
        String at = field != null ? field : refused.field();
        throw switch (refused.kind()) {
            case MALFORMED -> ProblemException.badRequest(at, refused.reason());
            case UNKNOWN_ROLE -> ProblemException.notFound(refused.reason());
            case NOT_ALLOWED -> ProblemException.refused(at, refused.reason());
        };
    }
}

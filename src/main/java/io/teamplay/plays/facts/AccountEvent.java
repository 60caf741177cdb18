package io.teamplay.plays.facts;

import java.time.LocalDate;
import java.util.Objects;

/**
 * An account event as plays see it. Which fields are set depends on the type:
 * ATTRIBUTE_CHANGED sets attribute, oldValue and newValue; ASSIGNMENT_CHANGED sets role, fromEmail and toEmail;
 * USER_DISABLED sets userEmail; LEAVE_STARTED and LEAVE_ENDED set userEmail (the user on leave) and coverEmail, and
 * LEAVE_ENDED lists the accounts the cover took as its new value; every event has an id, an accountId, a date and a cascade depth.
 */
public final class AccountEvent {

    private final String id;
    private final EventType type;
    private final String accountId;
    private final String attribute;
    private final Object oldValue;
    private final Object newValue;
    private final String role;
    private final String fromEmail;
    private final String toEmail;
    private final String userEmail;
    private final LocalDate date;
    private final int depth;

    private AccountEvent(Builder b) {
        this.id = Objects.requireNonNull(b.id, "id");
        this.type = Objects.requireNonNull(b.type, "type");
        this.accountId = b.accountId;
        this.attribute = b.attribute;
        this.oldValue = b.oldValue;
        this.newValue = b.newValue;
        this.role = RoleKey.of(b.role);
        this.fromEmail = b.fromEmail;
        this.toEmail = b.toEmail;
        this.userEmail = b.userEmail;
        this.date = b.date == null ? LocalDate.now() : b.date;
        this.depth = b.depth;
    }

    public static Builder builder(String id, EventType type, String accountId) {
        return new Builder(id, type, accountId);
    }

    /** The deterministic id of an account's daily tick, so two instances insert one event. */
    public static String dailyId(String accountId, LocalDate date) {
        return "daily:" + accountId + ":" + date;
    }

    public static AccountEvent daily(String accountId, LocalDate date) {
        return builder(dailyId(accountId, date), EventType.DAILY, accountId).date(date).build();
    }

    public String getId() { return id; }
    public EventType getType() { return type; }
    public String getAccountId() { return accountId; }
    public String getAttribute() { return attribute; }
    public Object getOldValue() { return oldValue; }
    public Object getNewValue() { return newValue; }
    public String getRole() { return role; }
    public String getFromEmail() { return fromEmail; }
    public String getToEmail() { return toEmail; }
    public String getUserEmail() { return userEmail; }
    public LocalDate getDate() { return date; }
    /** With a leave starting or ending: the email of the user covering for the one on leave, or null. */
    public String getCoverEmail() { return isLeave() ? toEmail : null; }

    private boolean isLeave() {
        return type == EventType.LEAVE_STARTED || type == EventType.LEAVE_ENDED;
    }
    public int getDepth() { return depth; }

    /** The old value as text ("" when there was none), for comparing with a quoted value. */
    public String getOldText() {
        return text(oldValue);
    }

    /** The new value as text ("" when there is none). */
    public String getNewText() {
        return text(newValue);
    }

    /** True when the value before, as text, is this one ignoring case ("" for none). */
    public boolean oldIs(String value) {
        return getOldText().equalsIgnoreCase(value == null ? "" : value);
    }

    /** True when the value after, as text, is this one ignoring case ("" for none). */
    public boolean newIs(String value) {
        return getNewText().equalsIgnoreCase(value == null ? "" : value);
    }

    /** True when the value went from at most the threshold (or none) to above it (numbers, or dates, compared). */
    public boolean wentAbove(String threshold) {
        Integer after = Values.compare(newValue, threshold);
        Integer before = Values.compare(oldValue, threshold);
        return after != null && after > 0 && (before == null || before <= 0);
    }

    /** True when the value went from below the threshold (or none) to at least it. */
    public boolean reached(String threshold) {
        Integer after = Values.compare(newValue, threshold);
        Integer before = Values.compare(oldValue, threshold);
        return after != null && after >= 0 && (before == null || before < 0);
    }

    /** True when the value went from at least the threshold (or none) to below it. */
    public boolean fellBelow(String threshold) {
        Integer after = Values.compare(newValue, threshold);
        Integer before = Values.compare(oldValue, threshold);
        return after != null && after < 0 && (before == null || before >= 0);
    }

    /** True when the role that changed hands is this one (display name or key). */
    public boolean roleIs(String role) {
        return this.role != null && this.role.equals(RoleKey.of(role));
    }

    static String text(Object value) {
        if (value == null) {
            return "";
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }

    @Override
    public String toString() {
        return type + " " + id + " on account " + accountId + " (depth " + depth + ")";
    }

    public static final class Builder {
        private final String id;
        private final EventType type;
        private final String accountId;
        private String attribute;
        private Object oldValue;
        private Object newValue;
        private String role;
        private String fromEmail;
        private String toEmail;
        private String userEmail;
        private LocalDate date;
        private int depth;

        private Builder(String id, EventType type, String accountId) {
            this.id = id;
            this.type = type;
            this.accountId = accountId;
        }

        public Builder attribute(String attribute, Object oldValue, Object newValue) {
            this.attribute = attribute;
            this.oldValue = oldValue;
            this.newValue = newValue;
            return this;
        }

        public Builder assignment(String role, String fromEmail, String toEmail) {
            this.role = role;
            this.fromEmail = fromEmail;
            this.toEmail = toEmail;
            return this;
        }

        public Builder userEmail(String userEmail) {
            this.userEmail = userEmail;
            return this;
        }

        public Builder date(LocalDate date) {
            this.date = date;
            return this;
        }

        public Builder depth(int depth) {
            this.depth = depth;
            return this;
        }

        public AccountEvent build() {
            return new AccountEvent(this);
        }
    }
}

package io.teamplay.plays.facts;

/**
 * A member of a named team (the teams the active plays name in {@code team "..." has ...} or {@code teamIs("...")}),
 * as plays see them: whether they are available today (ACTIVE and not out of office) and their load: the seats they
 * hold (roles on accounts, all roles together) and their open tasks.
 */
public final class Teammate {

    private final String team;
    private final String email;
    private final String name;
    private final boolean available;
    private final long seats;
    private final long openTasks;

    public Teammate(String team, String email, String name, boolean available, long seats, long openTasks) {
        this.team = team;
        this.email = email;
        this.name = name;
        this.available = available;
        this.seats = seats;
        this.openTasks = openTasks;
    }

    public String getTeam() { return team; }
    public String getEmail() { return email; }
    public String getName() { return name; }
    /** True when the member is ACTIVE and not out of office on the event's day. */
    public boolean getAvailable() { return available; }
    /** The seats (roles on accounts) the member holds. */
    public long getSeats() { return seats; }
    /** The member's open tasks, on any account. */
    public long getOpenTasks() { return openTasks; }

    /** True when this is a member of that team (ignoring case). */
    public boolean teamIs(String team) {
        return this.team != null && team != null && this.team.equalsIgnoreCase(team.trim());
    }

    @Override
    public String toString() {
        return team + ": " + email + (available ? "" : " (away)") + ", " + seats + " seats, " + openTasks + " open tasks";
    }
}

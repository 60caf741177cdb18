package io.teamplay.plays.facts;

/**
 * A member of the event's account team, as plays see it: the role they hold there, who they are, and their load (on
 * how many accounts they hold that role, this one included).
 */
public final class TeamMember {

    private final String role;
    private final String email;
    private final String name;
    private final long load;

    public TeamMember(String role, String email, String name, long load) {
        this.role = RoleKey.of(role);
        this.email = email;
        this.name = name;
        this.load = load;
    }

    /** The role's key. */
    public String getRole() { return role; }
    public String getEmail() { return email; }
    /** The member's name, or null while no user has that email. */
    public String getName() { return name; }
    /** On how many accounts the member holds this role. */
    public long getLoad() { return load; }

    /** True when the seat is this role (display name or key). */
    public boolean roleIs(String role) {
        return this.role != null && this.role.equals(RoleKey.of(role));
    }

    @Override
    public String toString() {
        return role + " " + email + " (" + load + " accounts)";
    }
}

package io.teamplay.assignments;

/** Who to assign, as given by the caller: an email, a name, or both (the email wins). */
public record Assignee(String email, String name) {

    public static Assignee byEmail(String email) {
        return new Assignee(email, null);
    }

    public static Assignee byName(String name) {
        return new Assignee(null, name);
    }

    /** A cell or field that may hold either: an email when it has an @, a name otherwise. */
    public static Assignee byNameOrEmail(String value) {
        return value.contains("@") ? byEmail(value) : byName(value);
    }

    boolean isEmpty() {
        return (email == null || email.isBlank()) && (name == null || name.isBlank());
    }
}

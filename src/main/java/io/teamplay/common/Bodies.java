package io.teamplay.common;

/** Request bodies are required where an endpoint takes one. */
public final class Bodies {

    private Bodies() {
    }

    public static <T> T require(T body) {
        if (body == null) {
            throw new ProblemException(400, "Invalid input", "A JSON body is required", java.util.List.of());
        }
        return body;
    }
}

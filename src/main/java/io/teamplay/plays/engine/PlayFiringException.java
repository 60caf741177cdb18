package io.teamplay.plays.engine;

/** A play's rule failed while firing (its then part threw). Names the play and rule. */
public class PlayFiringException extends RuntimeException {

    private final String play;
    private final String rule;

    public PlayFiringException(String play, String rule, Throwable cause) {
        super("play '" + play + "' rule '" + rule + "' failed: " + rootMessage(cause), cause);
        this.play = play;
        this.rule = rule;
    }

    /** A failure told in the author's terms already (no cause to describe). */
    protected PlayFiringException(String play, String rule, String message) {
        super(message);
        this.play = play;
        this.rule = rule;
    }

    public String play() {
        return play;
    }

    public String rule() {
        return rule;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
    }
}

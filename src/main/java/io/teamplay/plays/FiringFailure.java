package io.teamplay.plays;

import io.teamplay.plays.engine.PlayFiringException;
import io.teamplay.plays.engine.PlayLimitExceeded;
import java.lang.reflect.InaccessibleObjectException;
import java.util.regex.Pattern;

/**
 * What a play's author is told when a rule failed while it ran (a dry run, a failed event, a run): the play, the
 * rule and what went wrong in the author's terms. The JVM's own message says it about the service's insides when it
 * speaks of modules, class loaders or classes ("class java.lang.String cannot be cast to class java.lang.Integer
 * (... in module java.base of loader 'bootstrap')"): then only the kind of failure is told, the rest goes to the log.
 */
final class FiringFailure {

    private static final Pattern INSIDES = Pattern.compile("\\bmodule\\b|\\bloader\\b|\\bclass [a-z]+\\.[\\w.$]+");

    private FiringFailure() {
    }

    static String describe(PlayFiringException e) {
        if (e instanceof PlayLimitExceeded) {
            return e.getMessage();
        }
        return "play '" + e.play() + "' rule '" + e.rule() + "' failed: " + what(root(e));
    }

    private static String what(Throwable root) {
        if (root instanceof ClassCastException) {
            return "a value is not of the type the rule treats it as";
        }
        if (root instanceof LinkageError || root instanceof SecurityException || root instanceof InaccessibleObjectException
                || root instanceof ReflectiveOperationException) {
            return "it reached past what plays may use (see rules/README.md)";
        }
        if (root instanceof VirtualMachineError) {
            return "it went too deep or grew too large";
        }
        String message = root.getMessage();
        if (message == null || message.isBlank() || INSIDES.matcher(message).find()) {
            return "an unexpected " + root.getClass().getSimpleName();
        }
        return message;
    }

    private static Throwable root(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }
}

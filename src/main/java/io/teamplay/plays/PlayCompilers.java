package io.teamplay.plays;

import io.teamplay.plays.engine.PlayCompiler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/** Loads plays.dsl and holds the compiler made from it; a new compiler only when the DSL's text changed. */
@ApplicationScoped
class PlayCompilers {

    private static final Logger LOG = Logger.getLogger(PlayCompilers.class);

    @Inject
    RulesDirectory directory;

    private volatile PlayCompiler compiler;
    private String dslText;

    PlayCompiler current() {
        PlayCompiler now = compiler;
        if (now == null) {
            reload();
            now = compiler;
        }
        return now;
    }

    /**
     * Reads plays.dsl again; answers true when the compiler changed. A DSL that does not load is reported and the
     * previous one stays (at start, with none loaded yet, no sentence is known until it is fixed).
     */
    synchronized boolean reload() {
        try {
            String text = directory.dsl();
            if (compiler != null && text.equals(dslText)) {
                return false;
            }
            compiler = new PlayCompiler(text);
            dslText = text;
            return true;
        } catch (RuntimeException e) {
            LOG.errorf("The plays DSL %s does not load (%s): %s", directory.dir().resolve(RulesDirectory.DSL_FILE),
                    e.getMessage(), compiler == null ? "no sentence is known until it is fixed"
                            : "the previous DSL stays in force");
            if (compiler == null) {
                compiler = new PlayCompiler("");
                dslText = "";
                return true;
            }
            return false;
        }
    }
}

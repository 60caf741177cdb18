package io.teamplay.plays;

import io.teamplay.plays.engine.CompiledPlay;
import io.teamplay.plays.engine.PlayBook;
import io.teamplay.plays.engine.PlayCompiler;
import io.teamplay.plays.engine.PlayError;
import io.teamplay.plays.engine.PlayFile;
import io.teamplay.plays.engine.PlayStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * Checks one play file on its own: compiles it alone (nothing else is recompiled), then, when it compiles, checks the
 * roles, teams and attributes it names against the service's data.
 */
@ApplicationScoped
class PlayChecks {

    @Inject
    PlayCompilers compilers;
    @Inject
    LiveDataCheck liveData;

    /**
     * What a check found. {@code alone} is the play compiled on its own (when it compiled), which the caller closes or
     * keeps (for dry runs).
     */
    record Verdict(PlayStatus status, List<PlayError> warnings, PlayCompiler compiler, PlayBook alone) {
        boolean ok() {
            return status.ok();
        }

        void close() {
            if (alone != null) {
                alone.close();
            }
        }
    }

    /**
     * @param strict true for a save by a person: an unknown role or team refuses the play; false for a file of the
     *               rules directory, whose names may not exist yet on this installation: they are only warned about
     */
    Verdict check(PlayFile file, boolean strict) {
        PlayCompiler compiler = compilers.current();
        CompiledPlay compiled = compiler.compileEach(List.of(file)).get(file.name());
        PlayStatus status = compiled.status();
        if (!status.ok()) {
            return new Verdict(status, List.of(), compiler, null);
        }
        PlayBook alone = compiler.openBook();
        alone.update(List.of(compiled), Set.of());
        LiveDataCheck.Findings findings = liveData.check(file, compiler.references(file));
        List<PlayError> warnings = new ArrayList<>(findings.warnings());
        if (!strict) {
            warnings.addAll(findings.errors());
        } else if (!findings.errors().isEmpty()) {
            alone.close();
            return new Verdict(withErrors(status, findings.errors()), sorted(warnings), compiler, null);
        }
        return new Verdict(status, sorted(warnings), compiler, alone);
    }

    static PlayStatus withErrors(PlayStatus status, List<PlayError> errors) {
        return new PlayStatus(status.name(), status.fileName(), status.team(), status.description(), status.source(),
                PlayStatus.Status.ERROR, sorted(errors));
    }

    private static List<PlayError> sorted(List<PlayError> findings) {
        return findings.stream().sorted(Comparator.comparingInt(PlayError::line).thenComparingInt(PlayError::column))
                .toList();
    }
}

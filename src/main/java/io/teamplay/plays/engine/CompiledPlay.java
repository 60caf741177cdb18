package io.teamplay.plays.engine;

import java.util.Collection;
import java.util.List;
import org.kie.api.definition.KiePackage;

/**
 * One play file compiled on its own terms (see {@link PlayCompiler#compileEach(List)}): its status and, when it
 * compiled, the package of rules a {@link PlayBook} takes in ({@link PlayBook#update}). A play's rules are one Drools
 * package of their own, so a book swaps one play without touching the others' compiled rules.
 */
public final class CompiledPlay {

    private final PlayFile file;
    private final PlayStatus status;
    private final String packageName;
    private final Collection<KiePackage> packages;

    CompiledPlay(PlayFile file, PlayStatus status, String packageName, Collection<KiePackage> packages) {
        this.file = file;
        this.status = status;
        this.packageName = packageName;
        this.packages = packages == null ? List.of() : List.copyOf(packages);
    }

    public PlayFile file() {
        return file;
    }

    public String name() {
        return file.name();
    }

    public PlayStatus status() {
        return status;
    }

    public boolean ok() {
        return status.ok();
    }

    String packageName() {
        return packageName;
    }

    Collection<KiePackage> packages() {
        return packages;
    }

    /** The same play refused with these errors (its rules are not taken in). */
    CompiledPlay refused(List<PlayError> errors) {
        return new CompiledPlay(file, new PlayStatus(status.name(), status.fileName(), status.team(),
                status.description(), status.source(), PlayStatus.Status.ERROR, errors), packageName, null);
    }
}

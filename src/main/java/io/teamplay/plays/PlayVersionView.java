package io.teamplay.plays;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/** Versions of a play as the API shows them. */
public final class PlayVersionView {

    private PlayVersionView() {
    }

    /** One line of a play's version list. {@code active}: this is the version that runs. */
    public record Summary(int version, String author, Instant at, String status, boolean active) {

        static Summary of(PlayVersion version, Integer inForce) {
            return new Summary(version.version, version.author, version.createdAt, version.status.name(),
                    inForce != null && inForce == version.version);
        }
    }

    /** One version in full: its source and how it was found when saved. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Detail(String name, int version, String file, String team, String description, String author,
                         String origin, Instant at, String status, boolean active, List<PlayView.Error> errors,
                         List<PlayView.Error> warnings, String source) {

        static Detail of(PlayVersion version, Integer inForce, PlayVersions versions) {
            return new Detail(version.play, version.version, version.fileName, version.team, version.description,
                    version.author, version.origin.name(), version.createdAt, version.status.name(),
                    inForce != null && inForce == version.version, PlayView.errors(versions.errors(version)),
                    PlayView.errors(versions.warnings(version)), version.source);
        }
    }
}

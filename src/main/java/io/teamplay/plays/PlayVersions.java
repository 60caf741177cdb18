package io.teamplay.plays;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamplay.plays.engine.PlayError;
import io.teamplay.plays.engine.PlayFile;
import io.teamplay.plays.engine.PlayStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.jboss.logging.Logger;

/**
 * The versions of every play, in the database: each save is a version, numbered per play, never changed afterwards.
 * Also answers which version of each play is shown and which runs (see {@link State}).
 */
@ApplicationScoped
@Transactional // reads too: each sees what is committed now, never entities a caller's session cached earlier
public class PlayVersions {

    private static final Logger LOG = Logger.getLogger(PlayVersions.class);

    @Inject
    ObjectMapper json;
    @Inject
    PlayActivations activations;

    /** One error or warning as stored: the version's file name is the file. */
    record Finding(int line, int column, String message) {
    }

    /**
     * Which version of every play is shown (the one in force when the play is active, else its latest OK version,
     * else, for a play of the rules directory that never compiled, its latest version) and which runs (the active
     * plays' versions in force).
     */
    record State(Map<String, PlayVersion> shown, Map<String, PlayVersion> inForce) {
    }

    /**
     * Adds a version. Must run in the transaction that locked the {@link PlayRevision} (which it raises). An OK version
     * of an active play is put in force when {@code putInForce}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    PlayVersion add(PlayFile file, PlayStatus checked, List<PlayError> warnings, String author,
                    PlayVersion.Origin origin, boolean putInForce, PlayRevision lock) {
        lock.raise();
        PlayVersion row = new PlayVersion();
        row.play = file.name();
        row.version = PlayVersion.latest(file.name()).map(v -> v.version + 1).orElse(1);
        row.fileName = file.fileName();
        row.team = checked.team();
        row.description = checked.description();
        row.author = author;
        row.origin = origin;
        row.createdAt = Instant.now();
        row.source = file.text();
        row.sourceHash = PlaySources.hash(file.text());
        row.status = checked.status();
        row.errors = write(checked.errors());
        row.warnings = write(warnings);
        row.persist();
        if (putInForce && row.ok()) {
            activations.follow(row.play, row.version);
        }
        LOG.infof("Play %s version %d saved by %s (%s, %s)", row.play, row.version, author, origin, row.status);
        return row;
    }

    /** Every version of the play, newest first. */
    public List<PlayVersion> of(String play) {
        return PlayVersion.of(play);
    }

    public Optional<PlayVersion> find(String play, int version) {
        return PlayVersion.find(play, version);
    }

    public Optional<PlayVersion> latest(String play) {
        return PlayVersion.latest(play);
    }

    public Optional<PlayVersion> latestOk(String play) {
        return PlayVersion.latestOk(play);
    }

    /** The change counter as committed now. */
    public long revision() {
        return PlayRevision.current();
    }

    public State state() {
        var em = PlayVersion.getEntityManager();
        List<PlayVersion> latest = em.createQuery("select v from PlayVersion v where v.version = "
                + "(select max(w.version) from PlayVersion w where w.play = v.play)", PlayVersion.class).getResultList();
        List<PlayVersion> latestOk = em.createQuery("select v from PlayVersion v where v.status = :ok and v.version = "
                        + "(select max(w.version) from PlayVersion w where w.play = v.play and w.status = :ok)",
                PlayVersion.class).setParameter("ok", PlayStatus.Status.OK).getResultList();
        List<PlayVersion> pinned = em.createQuery("select v from PlayVersion v, PlayActivation a where a.play = v.play "
                + "and a.active = true and a.version = v.version", PlayVersion.class).getResultList();
        List<PlayActivation> active = PlayActivation.list("active", true);
        Map<String, PlayVersion> ok = byPlay(latestOk);
        Map<String, PlayVersion> byPin = byPlay(pinned);
        Map<String, PlayVersion> inForce = new TreeMap<>();
        for (PlayActivation activation : active) {
            PlayVersion running = byPin.getOrDefault(activation.play, ok.get(activation.play));
            if (running != null && running.ok()) {
                inForce.put(activation.play, running);
            }
        }
        Map<String, PlayVersion> shown = new TreeMap<>();
        for (PlayVersion last : latest) {
            PlayVersion version = inForce.getOrDefault(last.play, ok.get(last.play));
            if (version == null && last.origin == PlayVersion.Origin.FILE) {
                version = last;
            }
            if (version != null) {
                shown.put(last.play, version);
            }
        }
        return new State(shown, inForce);
    }

    private static Map<String, PlayVersion> byPlay(List<PlayVersion> versions) {
        Map<String, PlayVersion> map = new HashMap<>();
        versions.forEach(v -> map.put(v.play, v));
        return map;
    }

    List<PlayError> errors(PlayVersion version) {
        return read(version.fileName, version.errors);
    }

    List<PlayError> warnings(PlayVersion version) {
        return read(version.fileName, version.warnings);
    }

    /** The version as a play status (how it compiled when it was saved). */
    PlayStatus status(PlayVersion version) {
        return new PlayStatus(version.play, version.fileName, version.team, version.description == null ? ""
                : version.description, version.source, version.status, errors(version));
    }

    private String write(List<PlayError> findings) {
        try {
            return json.writeValueAsString(findings.stream()
                    .map(e -> new Finding(e.line(), e.column(), e.message())).toList());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<PlayError> read(String file, String findings) {
        if (findings == null || findings.isBlank()) {
            return List.of();
        }
        try {
            return json.readValue(findings, new TypeReference<List<Finding>>() { }).stream()
                    .map(f -> new PlayError(file, f.line(), f.column(), f.message())).toList();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable findings of a play version: " + e.getMessage(), e);
        }
    }
}

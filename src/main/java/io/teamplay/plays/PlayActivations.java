package io.teamplay.plays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Which plays are active, and at which version. A play starts inactive; the state is a table, so it survives restarts
 * and every instance runs the same versions. Every change raises the {@link PlayRevision} in its transaction.
 */
@ApplicationScoped
@Transactional
public class PlayActivations {

    private static final Logger LOG = Logger.getLogger(PlayActivations.class);

    @jakarta.inject.Inject
    io.teamplay.common.BatchReads reads;

    /** Activates (at the latest OK version) or deactivates a play. */
    public void set(String play, boolean active, String actor) {
        set(play, active, active ? PlayVersion.latestOk(play).map(v -> v.version).orElse(null) : null, actor);
    }

    /** Activates a play at that version (null: the latest OK one), or deactivates it. */
    public void set(String play, boolean active, Integer version, String actor) {
        PlayRevision.lock().raise();
        PlayActivation row = PlayActivation.findById(play);
        if (row == null) {
            row = new PlayActivation();
            row.play = play;
        }
        row.active = active;
        if (active) {
            row.version = version;
            row.limitFailures = 0;
        }
        row.changedAt = Instant.now();
        row.changedBy = actor;
        row.persist();
        LOG.infof("Play %s %s by %s", play, active ? "activated" + (version == null ? "" : " at version " + version)
                : "deactivated", actor);
    }

    /** An active play follows a new OK version of itself: a save of a running play puts it in force. */
    @Transactional(Transactional.TxType.MANDATORY)
    void follow(String play, int version) {
        PlayActivation row = PlayActivation.findById(play);
        if (row != null && row.active) {
            row.version = version;
            row.limitFailures = 0;
        }
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isActive(String play) {
        PlayActivation row = PlayActivation.findById(play);
        return row != null && row.active;
    }

    /** The version an active play runs (empty when it is inactive or has no OK version). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Integer> versionInForce(String play) {
        PlayActivation row = PlayActivation.findById(play);
        if (row == null || !row.active) {
            return Optional.empty();
        }
        return row.version != null ? Optional.of(row.version) : PlayVersion.latestOk(play).map(v -> v.version);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> active() {
        // a batch of events reads them once (its handling and its roster ask)
        return reads.once(PlayActivations.class, () -> Set.copyOf(PlayActivation.<PlayActivation>list("active", true)
                .stream().map(a -> a.play).collect(Collectors.toSet())));
    }
}

package io.teamplay.plays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/** Which plays are active. A play starts inactive; the state is a table, so it survives restarts. */
@ApplicationScoped
@Transactional
public class PlayActivations {

    private static final Logger LOG = Logger.getLogger(PlayActivations.class);

    public void set(String play, boolean active, String actor) {
        PlayActivation row = PlayActivation.findById(play);
        if (row == null) {
            row = new PlayActivation();
            row.play = play;
        }
        row.active = active;
        row.changedAt = Instant.now();
        row.changedBy = actor;
        row.persist();
        LOG.infof("Play %s %s by %s", play, active ? "activated" : "deactivated", actor);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isActive(String play) {
        PlayActivation row = PlayActivation.findById(play);
        return row != null && row.active;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> active() {
        return PlayActivation.<PlayActivation>list("active", true).stream().map(a -> a.play).collect(Collectors.toSet());
    }
}

package io.teamplay.plays;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;

/** Reads the history of plays: what each fired, where, and what it changed. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class PlayRuns {

    public List<RunView> of(String play, int limit) {
        return PlayRun.<PlayRun>find("play = ?1 order by at desc, id desc", play).page(0, limit).list().stream()
                .map(PlayRun::view).toList();
    }

    /** The latest runs of any play on one account (the account page). */
    public List<RunView> onAccount(String accountId, int limit) {
        return PlayRun.<PlayRun>find("accountId = ?1 order by at desc, id desc", accountId).page(0, limit).list().stream()
                .map(PlayRun::view).toList();
    }

    public List<RunView> ofEvent(String eventId) {
        return PlayRun.<PlayRun>list("eventId = ?1 order by id", eventId).stream().map(PlayRun::view).toList();
    }

    public java.util.Optional<EventView> event(String id) {
        return PlayEventRow.<PlayEventRow>findByIdOptional(id).map(PlayEventRow::view);
    }
}

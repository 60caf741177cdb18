package io.teamplay.plays;

import io.teamplay.plays.facts.Situation;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The plays' memory: the keys a rule acted on, per account ("once per account", "once per value of an attribute"),
 * kept whatever version of the play runs. Written with the decisions of the event that acted, read with the facts.
 */
final class PlayMemory {

    private PlayMemory() {
    }

    /** Remembers that the rule acted on the key; a key remembered already stays as it was. */
    static void remember(String play, String rule, String accountId, String key, String eventId) {
        PlayRun.getEntityManager().createNativeQuery("""
                        insert into play_memory (play, rule_name, account_id, memory_key, event_id, at)
                        values (:play, :rule, :account, :key, :event, :at) on conflict do nothing""")
                .setParameter("play", play).setParameter("rule", rule).setParameter("account", accountId)
                .setParameter("key", key).setParameter("event", eventId).setParameter("at", Instant.now())
                .executeUpdate();
    }

    /** What the memory holds for each of these accounts, in one query (accounts holding nothing left out). */
    static java.util.Map<String, Set<String>> ofAll(java.util.Collection<String> accountIds) {
        java.util.Map<String, Set<String>> entries = new java.util.HashMap<>();
        if (accountIds.isEmpty()) {
            return entries;
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = PlayRun.getEntityManager().createNativeQuery(
                        "select account_id, play, rule_name, memory_key from play_memory where account_id in (:accounts)")
                .setParameter("accounts", accountIds).getResultList();
        rows.forEach(row -> entries.computeIfAbsent((String) row[0], a -> new HashSet<>())
                .add(Situation.memoryEntry((String) row[1], (String) row[2], (String) row[3])));
        return entries;
    }

    /** What the memory holds for the account, as {@link Situation#memoryEntry} entries. */
    static Set<String> of(String accountId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = PlayRun.getEntityManager().createNativeQuery(
                        "select play, rule_name, memory_key from play_memory where account_id = :account")
                .setParameter("account", accountId).getResultList();
        Set<String> entries = new HashSet<>();
        rows.forEach(row -> entries.add(Situation.memoryEntry((String) row[0], (String) row[1], (String) row[2])));
        return entries;
    }
}

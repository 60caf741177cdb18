package io.teamplay.plays;

import io.teamplay.plays.facts.Account;
import io.teamplay.plays.facts.AccountEvent;
import io.teamplay.plays.facts.EventType;
import io.teamplay.segments.SavedSegments;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Which saved segments an event made its account enter or leave: the account as it is now and as it was before the
 * change (the attribute's old value, the seat's previous holder; nothing before its creation), each matched against
 * the saved filters in memory (no query per segment: the filters are held by {@link SavedSegments}). What the plays
 * last saw the account in is remembered (one query per event, in its transaction, the account locked), so an account
 * whose creation is handled after its first change does not enter the same segment twice.
 */
@ApplicationScoped
class SegmentMoves {

    @Inject
    SavedSegments segments;

    Account of(AccountEvent event, Account account) {
        if (event.getType() != EventType.ACCOUNT_CREATED && event.getType() != EventType.ATTRIBUTE_CHANGED
                && event.getType() != EventType.ASSIGNMENT_CHANGED) {
            return account;
        }
        Set<String> after = segments.segmentsOf(account.getAttributes(), account.getTeam());
        Set<String> before = event.getType() == EventType.ACCOUNT_CREATED ? Set.of() : before(event, account);
        if (after.isEmpty() && before.isEmpty()) {
            return account;
        }
        Set<String> now = lower(after);
        Set<String> was = lower(before);
        Set<String> seen = remembered(account.getId());
        Set<String> entered = new TreeSet<>(now);
        entered.removeAll(was);
        entered.removeAll(seen);
        Set<String> left = new TreeSet<>(was);
        left.retainAll(seen);
        left.removeAll(now);
        remember(account.getId(), seen, now);
        return new Account(account.getId(), account.getName(), account.getAttributes(), account.getTeam(),
                account.situation().withSegments(entered, left));
    }

    private static Set<String> lower(Set<String> names) {
        Set<String> lower = new TreeSet<>();
        names.forEach(name -> lower.add(name.trim().toLowerCase(java.util.Locale.ROOT)));
        return lower;
    }

    @SuppressWarnings("unchecked")
    private static Set<String> remembered(String accountId) {
        return new TreeSet<String>(PlayRun.getEntityManager()
                .createNativeQuery("select segment from play_segment_membership where account_id = :account")
                .setParameter("account", accountId).getResultList());
    }

    private static void remember(String accountId, Set<String> seen, Set<String> now) {
        var em = PlayRun.getEntityManager();
        for (String segment : now) {
            if (!seen.contains(segment)) {
                em.createNativeQuery("insert into play_segment_membership (account_id, segment) values (:a, :s)")
                        .setParameter("a", accountId).setParameter("s", segment).executeUpdate();
            }
        }
        for (String segment : seen) {
            if (!now.contains(segment)) {
                em.createNativeQuery("delete from play_segment_membership where account_id = :a and segment = :s")
                        .setParameter("a", accountId).setParameter("s", segment).executeUpdate();
            }
        }
    }

    private Set<String> before(AccountEvent event, Account account) {
        Map<String, Object> attributes = new HashMap<>(account.getAttributes());
        Map<String, String> team = new HashMap<>(account.getTeam());
        if (event.getType() == EventType.ATTRIBUTE_CHANGED && event.getAttribute() != null) {
            put(attributes, event.getAttribute(), event.getOldValue());
        } else if (event.getType() == EventType.ASSIGNMENT_CHANGED && event.getRole() != null) {
            put(team, event.getRole(), event.getFromEmail());
        }
        return segments.segmentsOf(attributes, team);
    }

    private static <V> void put(Map<String, V> map, String key, V value) {
        if (value == null) {
            map.remove(key);
        } else {
            map.put(key, value);
        }
    }
}

package io.teamplay.accounts;

import jakarta.persistence.EntityManager;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * The rows of {@code attribute_history}: one per attribute change, with the path that made it (API, INTEGRATION,
 * PLAY), the actor and, for a play, its name. Values are kept as text, as the history shows them.
 */
final class AttributeHistory {

    static final List<String> COLUMNS = List.of("account_id", "at", "attribute", "from_value", "to_value", "source",
            "actor", "play");
    private static final String PLAY_ACTOR = "play:";

    private AttributeHistory() {
    }

    /** A change as a row of {@link #COLUMNS}, made by that path ({@code source}) or by a play when its actor says so. */
    static Object[] row(AttributeChanged change, String source, Instant at) {
        boolean byPlay = change.actor() != null && change.actor().startsWith(PLAY_ACTOR);
        return new Object[]{change.accountId(), at, change.attribute(), text(change.oldValue()),
                text(change.newValue()), byPlay ? "PLAY" : source, change.actor() == null ? "?" : change.actor(),
                byPlay ? change.actor().substring(PLAY_ACTOR.length()) : null};
    }

    static void insert(EntityManager em, List<AttributeChanged> changes, String source) {
        Instant now = Instant.now();
        for (AttributeChanged change : changes) {
            Object[] row = row(change, source, now);
            var insert = em.createNativeQuery("insert into attribute_history (" + String.join(", ", COLUMNS)
                    + ") values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)");
            for (int i = 0; i < row.length; i++) {
                insert.setParameter(i + 1, row[i]);
            }
            insert.executeUpdate();
        }
    }

    static List<AttributeHistoryView> of(EntityManager em, String accountId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select at, attribute, from_value, to_value, source, actor, play "
                        + "from attribute_history where account_id = ?1 order by at desc, id desc")
                .setParameter(1, accountId).getResultList();
        return rows.stream().map(r -> new AttributeHistoryView(instant(r[0]), (String) r[1], (String) r[2],
                (String) r[3], (String) r[4], (String) r[5], (String) r[6])).toList();
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return value instanceof Timestamp t ? t.toInstant() : Instant.parse(value.toString());
    }

    private static String text(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d && d == Math.rint(d) && !Double.isInfinite(d)) {
            return Long.toString(d.longValue());
        }
        return value.toString();
    }
}

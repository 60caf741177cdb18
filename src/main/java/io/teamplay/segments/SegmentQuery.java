package io.teamplay.segments;

import io.teamplay.accounts.AttributeValues;
import io.teamplay.assignments.TeamMember;
import io.teamplay.common.PageRequest;
import io.teamplay.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The read model of segments: one SQL query over accounts, their attributes and their team seats. It only reads;
 * every write goes through the owning feature's service. Each filter is an {@code exists} (or {@code not exists})
 * that an index answers: assignment (role_key, account_id), (email, role_key, account_id), the seat's unique
 * (account_id, role_key), and account_attribute (name, json_value, account_id); docs/SEGMENTS.md shows the plans.
 */
@ApplicationScoped
class SegmentQuery {

    /** PostgreSQL's "query_canceled", also H2's code for a statement cancelled by its timeout. */
    private static final String QUERY_CANCELED = "57014";

    @Inject
    EntityManager em;
    @Inject
    SegmentsConfig config;
    @ConfigProperty(name = "quarkus.datasource.db-kind")
    String dbKind;

    /** The matching ids in id order: a page of them (after {@code after} when given, else at the page's offset), or all. */
    List<String> ids(SegmentFilter filter, PageRequest page, String after) {
        Map<String, Object> params = new HashMap<>();
        StringBuilder sql = new StringBuilder("select a.id from account a where ").append(where(filter, params));
        if (after != null) {
            sql.append(" and a.id > :after");
            params.put("after", after);
        }
        Query query = native_(sql.append(" order by a.id").toString(), params);
        if (page != null) {
            query.setFirstResult(after != null ? 0 : page.offset()).setMaxResults(page.size);
        }
        @SuppressWarnings("unchecked")
        List<String> ids = query.getResultList();
        return ids;
    }

    /**
     * The page's accounts, in the order of {@code ids}, each with its attributes (by name) and its team (by role): one
     * statement for them all. Loading them as entities through the accounts' and assignments' services took five or
     * more queries (attributes fetched 16 accounts at a time) and, for each page, Hibernate translated its queries
     * anew (their id lists) and hydrated and dirty-checked some 350 entities: most of a page's time in the service.
     */
    List<AccountSummary> summaries(List<String> ids, Map<String, String> roleNames) {
        if (ids.isEmpty()) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("select a.id, a.name, 0 as part, t.name as k, t.json_value as v, "
                        + "cast(null as varchar(200)) as holder from account a "
                        + "left join account_attribute t on t.account_id = a.id where a.id in (:ids) "
                        + "union all select s.account_id, cast(null as varchar(500)), 1, s.role_key, s.email, s.name "
                        + "from assignment s where s.account_id in (:ids) order by 1, 3, 4")
                .setParameter("ids", ids)
                .getResultList();
        Map<String, String> names = new HashMap<>();
        Map<String, Map<String, String>> attributes = new HashMap<>();
        Map<String, List<TeamMember>> teams = new HashMap<>();
        for (Object[] row : rows) {
            String id = (String) row[0];
            if (((Number) row[2]).intValue() == 0) {
                names.put(id, (String) row[1]);
                Map<String, String> ofAccount = attributes.computeIfAbsent(id, key -> new TreeMap<>());
                if (row[3] != null) {
                    ofAccount.put((String) row[3], (String) row[4]);
                }
            } else {
                String role = (String) row[3];
                teams.computeIfAbsent(id, key -> new ArrayList<>())
                        .add(new TeamMember(role, roleNames.get(role), (String) row[4], (String) row[5]));
            }
        }
        List<AccountSummary> summaries = new ArrayList<>(ids.size());
        for (String id : ids) {
            if (names.containsKey(id)) { // an account deleted since the ids were read is left out
                Map<String, Object> values = new LinkedHashMap<>();
                attributes.get(id).forEach((name, json) -> values.put(name, AttributeValues.toJava(json)));
                summaries.add(new AccountSummary(id, names.get(id), values, teams.getOrDefault(id, List.of())));
            }
        }
        return summaries;
    }

    long count(SegmentFilter filter) {
        Map<String, Object> params = new HashMap<>();
        return ((Number) native_("select count(*) from account a where " + where(filter, params), params)
                .getSingleResult()).longValue();
    }

    /** The count, stopped at {@code limit}: the matching rows past it are never read. */
    long countUpTo(SegmentFilter filter, long limit) {
        Map<String, Object> params = new HashMap<>();
        params.put("limit", limit);
        return ((Number) native_("select count(*) from (select 1 from account a where " + where(filter, params)
                + " limit :limit) c", params).getSingleResult()).longValue();
    }

    /**
     * Runs segment queries under the statement timeout (PostgreSQL: {@code set local statement_timeout}, so it needs
     * the caller's transaction, and is reset after them; elsewhere the JDBC query timeout); a timeout becomes a 422
     * problem naming the filter.
     */
    <T> T bounded(Supplier<T> queries) {
        if ("postgresql".equals(dbKind)) {
            em.createNativeQuery("set local statement_timeout = " + config.statementTimeout().toMillis()).executeUpdate();
        }
        try {
            T result = queries.get();
            if ("postgresql".equals(dbKind)) { // the caller's transaction may go on with other statements
                em.createNativeQuery("set local statement_timeout to default").executeUpdate();
            }
            return result;
        } catch (RuntimeException e) {
            if (timedOut(e)) {
                throw ProblemException.refused("filter", "the segment query took longer than "
                        + config.statementTimeout().toMillis() + " ms and was cancelled: narrow the filter"
                        + " (or leave out count=true)");
            }
            throw e;
        }
    }

    private static boolean timedOut(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof jakarta.persistence.QueryTimeoutException
                    || t instanceof SQLException sql && QUERY_CANCELED.equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private Query native_(String sql, Map<String, Object> params) {
        Query query = em.createNativeQuery(sql);
        params.forEach(query::setParameter);
        if (!"postgresql".equals(dbKind)) {
            query.setHint("jakarta.persistence.query.timeout", (int) config.statementTimeout().toMillis());
        }
        return query;
    }

    private static String where(SegmentFilter filter, Map<String, Object> params) {
        StringBuilder sql = new StringBuilder("1 = 1");
        if (filter.role() != null || filter.assignee() != null) {
            sql.append(" and exists (select 1 from assignment s where s.account_id = a.id");
            if (filter.role() != null) {
                sql.append(" and s.role_key = :role");
                params.put("role", filter.role());
            }
            if (filter.assignee() != null) {
                sql.append(" and s.email = :assignee");
                params.put("assignee", filter.assignee());
            }
            sql.append(")");
        }
        if (filter.noHolder() != null) {
            sql.append(" and not exists (select 1 from assignment h where h.account_id = a.id and h.role_key = :noHolder)");
            params.put("noHolder", filter.noHolder());
        }
        int i = 0;
        for (Map.Entry<String, String> attribute : filter.attributes().entrySet()) {
            sql.append(" and exists (select 1 from account_attribute t").append(i).append(" where t").append(i)
                    .append(".account_id = a.id and t").append(i).append(".name = :n").append(i)
                    .append(" and t").append(i).append(".json_value in (:v").append(i).append("))");
            params.put("n" + i, attribute.getKey());
            params.put("v" + i, new ArrayList<>(AttributeValues.filterCandidates(attribute.getValue())));
            i++;
        }
        return sql.toString();
    }
}

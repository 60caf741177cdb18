package io.teamplay.segments;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teamplay.accounts.AttributeValues;
import io.teamplay.common.Emails;
import io.teamplay.common.ProblemException;
import io.teamplay.roles.RoleService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jboss.logging.Logger;

/**
 * The only writer of saved segments. Their filters are also held in memory (reloaded after a change here, and every
 * few seconds for changes made by another instance), so the segments an account is in are decided without a query:
 * {@link #segmentsOf}.
 */
@ApplicationScoped
@Transactional
public class SavedSegments {

    private static final Logger LOG = Logger.getLogger(SavedSegments.class);
    private static final Duration RELOAD_AFTER = Duration.ofSeconds(2);

    @Inject
    RoleService roles;
    @Inject
    ObjectMapper json;

    private record Loaded(Map<String, SegmentFilter> filters, Instant at) {
    }

    private volatile Loaded loaded;

    public SavedSegmentView create(SavedSegmentView request, String actor) {
        String name = name(request == null ? null : request.name());
        if (SavedSegment.findById(name) != null) {
            throw ProblemException.conflict("A segment named " + name + " already exists");
        }
        SavedSegment segment = new SavedSegment();
        segment.name = name;
        write(segment, request.filter(), actor);
        segment.persist();
        LOG.infof("Segment saved: %s by %s", name, actor);
        return view(segment);
    }

    public SavedSegmentView update(String name, SavedSegmentView request, String actor) {
        SavedSegment segment = require(name);
        write(segment, request == null ? null : request.filter(), actor);
        LOG.infof("Segment changed: %s by %s", segment.name, actor);
        return view(segment);
    }

    public void delete(String name, String actor) {
        require(name).delete();
        loaded = null;
        LOG.infof("Segment deleted: %s by %s", name, actor);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SavedSegmentView get(String name) {
        return view(require(name));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SavedSegmentView> all() {
        return SavedSegment.<SavedSegment>list("order by name").stream().map(this::view).toList();
    }

    /** True when a segment of that name is saved (names ignore case). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean exists(String name) {
        return filters().keySet().stream().anyMatch(n -> n.equalsIgnoreCase(name == null ? "" : name.trim()));
    }

    /** The names of the saved segments an account with these attributes and team (role key to email) is in. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> segmentsOf(Map<String, ?> attributes, Map<String, String> team) {
        Set<String> in = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        filters().forEach((name, filter) -> {
            if (SegmentMatch.matches(filter, attributes, team)) {
                in.add(name);
            }
        });
        return in;
    }

    private Map<String, SegmentFilter> filters() {
        Loaded now = loaded;
        if (now == null || now.at().plus(RELOAD_AFTER).isBefore(Instant.now())) {
            Map<String, SegmentFilter> filters = new LinkedHashMap<>();
            SavedSegment.<SavedSegment>list("order by name").forEach(s -> filters.put(s.name, filter(s)));
            now = new Loaded(Map.copyOf(filters), Instant.now());
            loaded = now;
        }
        return now.filters();
    }

    private void write(SavedSegment segment, SegmentFilter filter, String actor) {
        SegmentFilter valid = valid(filter);
        try {
            segment.filterJson = json.writeValueAsString(valid);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        segment.updatedBy = actor;
        segment.updatedAt = Instant.now();
        loaded = null;
    }

    private SegmentFilter valid(SegmentFilter filter) {
        if (filter == null) {
            throw ProblemException.badRequest("filter", "filter is required: {role?, assignee?, noHolder?, attributes?}");
        }
        if (filter.role() != null && roles.find(filter.role()).isEmpty()) {
            throw ProblemException.badRequest("filter.role", "there is no account role with key " + filter.role());
        }
        if (filter.noHolder() != null && roles.find(filter.noHolder()).isEmpty()) {
            throw ProblemException.badRequest("filter.noHolder", "there is no account role with key " + filter.noHolder());
        }
        if (filter.assignee() != null && !Emails.isWellFormed(filter.assignee())) {
            throw ProblemException.badRequest("filter.assignee", "'" + filter.assignee() + "' is not an email");
        }
        for (Map.Entry<String, String> attribute : filter.attributes().entrySet()) {
            if (!AttributeValues.isName(attribute.getKey())) {
                throw ProblemException.badRequest("filter.attributes." + attribute.getKey(), "'" + attribute.getKey()
                        + "' is not an attribute name: names start with a letter and hold only letters, digits and underscores");
            }
            if (attribute.getValue() == null || attribute.getValue().isBlank()) {
                throw ProblemException.badRequest("filter.attributes." + attribute.getKey(), "a value is required");
            }
        }
        if (filter.role() == null && filter.assignee() == null && filter.noHolder() == null && filter.attributes().isEmpty()) {
            throw ProblemException.badRequest("filter", "a segment filters on a role, an assignee, a role nobody holds or an attribute");
        }
        return filter;
    }

    private static String name(String name) {
        if (name == null || name.isBlank()) {
            throw ProblemException.badRequest("name", "name is required");
        }
        if (name.trim().length() > 200 || name.contains("\"")) {
            throw ProblemException.badRequest("name", "a segment's name is at most 200 characters, without double quotes");
        }
        return name.trim();
    }

    private SavedSegment require(String name) {
        SavedSegment segment = name == null ? null : SavedSegment.findById(name.trim());
        if (segment == null) {
            throw ProblemException.notFound("No segment named " + name);
        }
        return segment;
    }

    private SegmentFilter filter(SavedSegment segment) {
        try {
            return json.readValue(segment.filterJson, SegmentFilter.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("segment " + segment.name + " holds no filter", e);
        }
    }

    private SavedSegmentView view(SavedSegment segment) {
        return new SavedSegmentView(segment.name, filter(segment));
    }
}

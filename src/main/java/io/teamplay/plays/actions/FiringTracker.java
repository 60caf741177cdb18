package io.teamplay.plays.actions;

import io.teamplay.plays.facts.Once;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/** Tells the actions collector which play and rule are firing, so each decision carries them. */
public final class FiringTracker extends DefaultAgendaEventListener {

    private final Actions actions;
    private final Function<Rule, String> playOfRule;
    private String play;
    private String ruleName;

    public FiringTracker(Actions actions, Function<Rule, String> playOfRule) {
        this.actions = actions;
        this.playOfRule = playOfRule;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        Rule rule = event.getMatch().getRule();
        play = playOfRule.apply(rule);
        ruleName = rule.getName();
        List<Object> matched = List.copyOf(event.getMatch().getObjects());
        actions.firing(play, ruleName, onceKey(matched), matched);
    }

    @Override
    public void afterMatchFired(AfterMatchFiredEvent event) {
        actions.firing(null, null, null, List.of());
    }

    /** The memory key of a match: its Once facts' keys (usually one), or null when the rule does not remember. */
    public static String onceKey(List<?> matched) {
        Set<String> keys = new LinkedHashSet<>();
        for (Object fact : matched) {
            if (fact instanceof Once once) {
                keys.add(once.key());
            }
        }
        String key = String.join(", ", keys);
        // the memory indexes its keys: a rule matching many Once facts is named by a prefix and a hash
        return keys.isEmpty() ? null : key.length() <= 900 ? key
                : key.substring(0, 800) + "...#" + Integer.toHexString(key.hashCode());
    }

    /** The play of the rule that fired last (or is firing), or null. */
    public String play() {
        return play;
    }

    /** The rule that fired last (or is firing), or null. */
    public String rule() {
        return ruleName;
    }
}

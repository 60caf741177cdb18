package io.teamplay.plays.engine;

import io.teamplay.plays.actions.FiringTracker;
import io.teamplay.plays.facts.Situation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.rule.AgendaFilter;
import org.kie.api.runtime.rule.Match;

/**
 * Which matches fire: those of the active plays; once per rule and set of facts (a rule whose conditions are joined
 * with "or" matches once per branch that holds, and would otherwise act twice on the same facts); and not on a key
 * the plays' memory holds for that rule (once per account, once per value of an attribute).
 */
final class FiringFilter implements AgendaFilter {

    private final Set<String> activePlays;
    private final Function<Rule, String> playOf;
    private final Set<String> remembered;
    private final Set<List<Object>> fired = new HashSet<>();

    FiringFilter(Set<String> activePlays, Function<Rule, String> playOf, Situation situation) {
        this.activePlays = activePlays;
        this.playOf = playOf;
        this.remembered = situation.remembered();
    }

    @Override
    public boolean accept(Match match) {
        Rule rule = match.getRule();
        String play = playOf.apply(rule);
        if (!activePlays.contains(play)) {
            return false;
        }
        String once = FiringTracker.onceKey(match.getObjects());
        if (once != null && remembered.contains(Situation.memoryEntry(play, rule.getName(), once))) {
            return false;
        }
        List<Object> key = new ArrayList<>(match.getObjects().size() + 1);
        key.add(rule.getPackageName() + "/" + rule.getName());
        key.addAll(match.getObjects());
        return fired.add(key);
    }
}

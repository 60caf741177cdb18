package io.teamplay.plays.actions;

import java.util.function.Function;
import org.kie.api.definition.rule.Rule;
import org.kie.api.event.rule.BeforeMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;

/** Tells the actions collector which play and rule are firing, so each decision carries them. */
public final class FiringTracker extends DefaultAgendaEventListener {

    private final Actions actions;
    private final Function<Rule, String> playOfRule;

    public FiringTracker(Actions actions, Function<Rule, String> playOfRule) {
        this.actions = actions;
        this.playOfRule = playOfRule;
    }

    @Override
    public void beforeMatchFired(BeforeMatchFiredEvent event) {
        Rule rule = event.getMatch().getRule();
        actions.firing(playOfRule.apply(rule), rule.getName());
    }
}

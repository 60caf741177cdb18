package io.teamplay.plays;

import io.teamplay.plays.actions.PlayDecision;
import io.teamplay.plays.engine.PlayStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Applies one decision of a play, as {@link DecisionPlanner} plans it, and records what it did as a run: team changes
 * through the one assignment write path (path PLAY, the play's team decides who is eligible), tasks through the task
 * service. A refused action writes nothing, spoils nothing else of the event, and is recorded FAILED with its reason.
 * A batch of events takes the runs unsaved ({@link #applyUnsaved}) and saves them together (JDBC batches) at its end.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
class DecisionApplier {

    private static final Logger LOG = Logger.getLogger(DecisionApplier.class);

    @Inject
    DecisionPlanner planner;

    PlayRun apply(PlayDecision decision, PlayStatus play, RunContext context) {
        PlayRun run = applyUnsaved(decision, play, context);
        run.persist();
        return run;
    }

    /** As {@link #apply}, answering the run not saved yet: the caller saves it before its transaction commits. */
    PlayRun applyUnsaved(PlayDecision decision, PlayStatus play, RunContext context) {
        DecisionPlanner.Step step = planner.apply(decision, play, context);
        PlayRun run = new PlayRun();
        run.play = decision.play();
        run.rule = decision.rule();
        run.eventId = context.eventId();
        run.accountId = context.accountId();
        run.action = DecisionPlanner.action(decision);
        run.role = decision.role();
        run.at = Instant.now();
        run.before = step.before();
        run.after = step.after();
        run.detail = step.detail();
        run.outcome = step.outcome();
        run.reason = step.reason();
        run.once = decision.once();
        if (decision.once() != null && run.outcome != PlayRun.Outcome.FAILED) {
            // a refused action is tried again next time; one that was done (or already so) is not
            PlayMemory.remember(run.play, run.rule, run.accountId, decision.once(), run.eventId);
        }
        LOG.infof("Play %s rule '%s' on event %s account %s: %s %s %s -> %s %s%s", run.play, run.rule, run.eventId,
                run.accountId, run.action, run.role, run.before, run.after, run.outcome,
                run.reason == null ? "" : " (" + run.reason + ")");
        return run;
    }
}

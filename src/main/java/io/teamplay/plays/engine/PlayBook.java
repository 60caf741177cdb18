package io.teamplay.plays.engine;

import io.teamplay.plays.actions.Actions;
import io.teamplay.plays.actions.FiringTracker;
import io.teamplay.plays.actions.PlayDecision;
import io.teamplay.plays.facts.Account;
import io.teamplay.plays.facts.AccountEvent;
import io.teamplay.plays.facts.Situation;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieContainerSessionsPool;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;

/**
 * The active valid plays compiled into one KieBase (see {@link PlayCompiler#compile(List, Set)}), plus the status of
 * every play file, active or not. Immutable and safe to fire from
 * many threads: each firing gets its own session, always disposed. Retired (disposed) once replaced and idle.
 */
public final class PlayBook {

    /** Most rule firings one event may cause inside one session; a play that loops on itself stops here. */
    public static final int MAX_FIRINGS_PER_EVENT = 1_000;

    /** Sessions kept for reuse: a session serves one firing at a time and is reset when given back. */
    private static final int SESSION_POOL = 8;

    private final KieContainer container;
    private final KieBase kieBase;
    private final KieContainerSessionsPool sessions;
    private final ReleaseId releaseId;
    private final Map<String, PlayStatus> plays;
    private final Map<String, String> playOfPackage;
    private final Set<String> builtFor;
    private final AtomicInteger firing = new AtomicInteger();
    private final AtomicBoolean retired = new AtomicBoolean();
    private final AtomicBoolean disposed = new AtomicBoolean();

    PlayBook(KieContainer container, ReleaseId releaseId, Map<String, PlayStatus> plays,
             Map<String, String> playOfPackage, Set<String> builtFor) {
        this.container = container;
        this.kieBase = container == null ? null : container.getKieBase();
        this.sessions = container == null ? null : container.newKieSessionsPool(SESSION_POOL);
        this.releaseId = releaseId;
        this.plays = Map.copyOf(plays);
        this.playOfPackage = Map.copyOf(playOfPackage);
        this.builtFor = builtFor;
    }

    public static PlayBook empty() {
        return new PlayBook(null, null, Map.of(), Map.of(), null);
    }

    /** The set of active plays this book was built for, or null when it was built with every valid play. */
    public Set<String> builtFor() {
        return builtFor;
    }

    public Collection<PlayStatus> plays() {
        return plays.values();
    }

    public Optional<PlayStatus> play(String name) {
        return Optional.ofNullable(plays.get(name));
    }

    /** The plays whose rules are in the KieBase and can fire: the active ones that compiled. */
    public Set<String> runnable() {
        return Set.copyOf(playOfPackage.values());
    }

    /**
     * Fires the rules of the active plays on one event and its account, and returns what they decided, in firing
     * order. Writes nothing.
     */
    public List<PlayDecision> fire(AccountEvent event, Account account, Set<String> activePlays) {
        return tryFire(event, account, activePlays)
                .orElseThrow(() -> new IllegalStateException("this play book was replaced and disposed"));
    }

    /** Like {@link #fire}, but answers empty instead of firing when this book was replaced in the meantime. */
    public Optional<List<PlayDecision>> tryFire(AccountEvent event, Account account, Set<String> activePlays) {
        firing.incrementAndGet();
        try {
            if (retired.get()) {
                return Optional.empty();
            }
            if (kieBase == null || activePlays.isEmpty()) {
                return Optional.of(List.of());
            }
            return Optional.of(fireInSession(event, account, activePlays));
        } finally {
            if (firing.decrementAndGet() == 0 && retired.get()) {
                dispose();
            }
        }
    }

    private List<PlayDecision> fireInSession(AccountEvent event, Account account, Set<String> activePlays) {
        Actions actions = new Actions();
        FiringTracker tracker = new FiringTracker(actions, this::playOf);
        KieSession session = sessions.newKieSession();
        try {
            session.setGlobal(Actions.GLOBAL, actions);
            session.addEventListener(tracker);
            actions.about(event, account);
            session.insert(event);
            if (account != null) {
                session.insert(account);
                account.companions().forEach(session::insert);
            }
            // only active plays are in the KieBase; the filter is a second guard (a play deactivated since the
            // book was built stops firing at once)
            session.fireAllRules(new FiringFilter(activePlays, this::playOf,
                    account == null ? Situation.NONE : account.situation()), MAX_FIRINGS_PER_EVENT);
            return List.copyOf(actions.decisions());
        } catch (ConsequenceException e) {
            Rule rule = e.getMatch().getRule();
            throw new PlayFiringException(playOf(rule), rule.getName(), e.getCause() == null ? e : e.getCause());
        } catch (Error e) {
            // Drools passes Errors through unwrapped (a play can 'throw new AssertionError()', overflow its stack
            // or exhaust the heap); left alone they would end the worker thread that fired.
            throw new PlayFiringException(tracker.play(), tracker.rule(), e);
        } finally {
            session.removeEventListener(tracker);
            session.dispose();
        }
    }

    String playOf(Rule rule) {
        return playOfPackage.getOrDefault(rule.getPackageName(), rule.getPackageName());
    }

    /** Disposes this book once no firing uses it (for a book that was never put in force). */
    public void close() {
        retire();
    }

    boolean retired() {
        return retired.get();
    }

    /** Marks this book replaced; it is disposed as soon as no firing uses it any more. */
    void retire() {
        retired.set(true);
        if (firing.get() == 0) {
            dispose();
        }
    }

    private void dispose() {
        if (container != null && disposed.compareAndSet(false, true)) {
            sessions.shutdown();
            container.dispose();
            KieServices.Factory.get().getRepository().removeKieModule(releaseId);
        }
    }
}

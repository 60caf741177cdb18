package io.teamplay.plays.engine;

import io.teamplay.plays.actions.Actions;
import io.teamplay.plays.actions.FiringTracker;
import io.teamplay.plays.actions.PlayDecision;
import io.teamplay.plays.facts.Account;
import io.teamplay.plays.facts.AccountEvent;
import io.teamplay.plays.facts.EventType;
import io.teamplay.plays.facts.Situation;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.Collectors;
import org.drools.kiesession.rulebase.InternalKnowledgeBase;
import org.drools.kiesession.rulebase.KnowledgeBaseFactory;
import org.kie.api.KieBase;
import org.kie.api.KieBaseConfiguration;
import org.kie.api.KieServices;
import org.kie.api.builder.ReleaseId;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.kie.api.runtime.KieContainer;
import org.kie.api.runtime.KieSessionsPool;
import org.kie.api.runtime.KieSession;
import org.kie.api.runtime.rule.ConsequenceException;
import org.kie.internal.conf.ConstraintJittingThresholdOption;

/**
 * The active valid plays compiled into one KieBase (see {@link PlayCompiler#compile(List, Set)}), plus the status of
 * every play file, active or not; or, for the book in force ({@link PlayCompiler#openBook()}), plays taken in and out
 * one at a time ({@link #update}), each firing seeing the plays before a change or after it. Safe to fire from
 * many threads: each firing gets its own session, always disposed. Retired (disposed) once replaced and idle.
 */
public final class PlayBook {

    private static final String WARM_UP = "warm-up";
    private static final FiringLimits WARM_UP_LIMITS = new FiringLimits(Duration.ofSeconds(2), Duration.ofSeconds(2),
            1_000, 100, FiringLimits.DEFAULTS.memoryBytes());

    /** Sessions kept for reuse: a session serves one firing at a time and is reset when given back. */
    private static final int SESSION_POOL = 8;

    private final KieContainer container;
    private final KieBase kieBase;
    private final ReleaseId releaseId;
    private final Set<String> builtFor;
    private final AtomicInteger firing = new AtomicInteger();
    private final AtomicBoolean retired = new AtomicBoolean();
    private final AtomicBoolean disposed = new AtomicBoolean();
    /** Firings hold it to read, {@link #update} to write: a firing sees the plays before a change or after it. */
    private final ReentrantReadWriteLock changing = new ReentrantReadWriteLock();
    // replaced (never changed) by update, under the write lock
    private volatile KieSessionsPool sessions;
    private volatile Map<String, PlayStatus> plays;
    private volatile Map<String, String> playOfPackage;
    private volatile Map<String, CompiledPlay> compiled = Map.of();

    PlayBook(KieContainer container, ReleaseId releaseId, Map<String, PlayStatus> plays,
             Map<String, String> playOfPackage, Set<String> builtFor) {
        this.container = container;
        this.kieBase = container == null ? null : container.newKieBase(configuration(container.getClassLoader()));
        this.sessions = container == null ? null : kieBase.newKieSessionsPool(SESSION_POOL);
        this.releaseId = releaseId;
        this.plays = Map.copyOf(plays);
        this.playOfPackage = Map.copyOf(playOfPackage);
        this.builtFor = builtFor;
    }

    private PlayBook(KieBase kieBase) {
        this.container = null;
        this.releaseId = null;
        this.kieBase = kieBase;
        this.sessions = kieBase.newKieSessionsPool(SESSION_POOL);
        this.plays = Map.of();
        this.playOfPackage = Map.of();
        this.builtFor = null;
    }

    /** An empty book that takes plays one at a time ({@link #update}), compiled with that class loader. */
    static PlayBook open(ClassLoader classLoader) {
        return new PlayBook(KnowledgeBaseFactory.newKnowledgeBase(configuration(classLoader)));
    }

    /**
     * Conditions are compiled to bytecode the first time they are evaluated (in the book's warm-up), not after 20
     * evaluations in the middle of some event's firing, where it cost that event tens of milliseconds of its limits.
     */
    private static KieBaseConfiguration configuration(ClassLoader classLoader) {
        KieBaseConfiguration configuration = KieServices.Factory.get().newKieBaseConfiguration(null, classLoader);
        configuration.setOption(ConstraintJittingThresholdOption.get(0));
        return configuration;
    }

    public static PlayBook empty() {
        return new PlayBook(null, null, Map.of(), Map.of(), null);
    }

    /**
     * Puts these plays in this book (a play already in it is replaced: its rules come out, the new ones go in) and
     * takes those out, in one step: a firing sees the book before or after, never in between. Only these plays'
     * rules are touched; the others' stay as they were compiled. The new rules are warmed up before any event sees
     * them. A play whose package another play of the book uses is refused here (answered with that error).
     */
    public Map<String, PlayStatus> update(Collection<CompiledPlay> in, Collection<String> out) {
        Map<String, PlayStatus> answered = new LinkedHashMap<>();
        changing.writeLock().lock();
        try {
            // the pooled sessions would otherwise be brought up to date with every change (a shut down pool's ones
            // stay known to the KieBase, disposed): none is in use now, so they go, and a new pool follows
            sessions.shutdown();
            InternalKnowledgeBase rules = (InternalKnowledgeBase) kieBase;
            new ArrayList<>(rules.getWorkingMemories()).forEach(rules::disposeStatefulSession);
            Map<String, CompiledPlay> nowCompiled = new HashMap<>(compiled);
            Map<String, PlayStatus> nowPlays = new HashMap<>(plays);
            Map<String, String> nowPackages = new HashMap<>(playOfPackage);
            Set<String> leaving = new HashSet<>(out);
            in.forEach(p -> leaving.add(p.name()));
            for (String play : leaving) {
                nowCompiled.remove(play);
                nowPlays.remove(play);
                nowPackages.entrySet().stream().filter(e -> e.getValue().equals(play)).map(Map.Entry::getKey)
                        .toList().forEach(name -> {
                            kieBase.removeKiePackage(name);
                            nowPackages.remove(name);
                        });
            }
            List<KiePackage> adding = new ArrayList<>();
            for (CompiledPlay play : in) {
                CompiledPlay taken = admitted(play, nowPackages);
                if (taken.ok()) {
                    nowPackages.put(taken.packageName(), taken.name());
                    adding.addAll(taken.packages());
                }
                nowCompiled.put(taken.name(), taken);
                nowPlays.put(taken.name(), taken.status());
                answered.put(taken.name(), taken.status());
            }
            if (!adding.isEmpty()) {
                rules.addPackages(adding);
            }
            compiled = Map.copyOf(nowCompiled);
            plays = Map.copyOf(nowPlays);
            playOfPackage = Map.copyOf(nowPackages);
            sessions = kieBase.newKieSessionsPool(SESSION_POOL);
            warmUp(answered.entrySet().stream().filter(e -> e.getValue().ok()).map(Map.Entry::getKey)
                    .collect(Collectors.toSet()));
        } finally {
            changing.writeLock().unlock();
        }
        return answered;
    }

    /** The play as this book would take it: refused when its package is another play's in this book. */
    public PlayStatus admits(CompiledPlay play) {
        return admitted(play, playOfPackage).status();
    }

    private static CompiledPlay admitted(CompiledPlay play, Map<String, String> playOfPackage) {
        String owner = playOfPackage.get(play.packageName());
        if (!play.ok() || owner == null || owner.equals(play.name())) {
            return play;
        }
        return play.refused(List.of(new PlayError(play.file().fileName(), 1, 1, "uses the package "
                + play.packageName() + ", which the play '" + owner + "' uses already; each play needs its own package")));
    }

    /** The play as this book compiled it (books that take plays one at a time, see {@link #update}). */
    public Optional<CompiledPlay> compiled(String play) {
        return Optional.ofNullable(compiled.get(play));
    }

    /** True when this book holds the play compiled from exactly this file (so it need not be compiled again). */
    public boolean holds(PlayFile file) {
        CompiledPlay play = compiled.get(file.name());
        return play != null && play.file().equals(file);
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
     * Fires the rules of the active plays on one event and its account within the default {@link FiringLimits}, and
     * returns what they decided, in firing order. Writes nothing.
     */
    public List<PlayDecision> fire(AccountEvent event, Account account, Set<String> activePlays) {
        return fire(event, account, activePlays, FiringLimits.DEFAULTS);
    }

    /**
     * Fires the rules of the active plays on one event and its account, and returns what they decided, in firing
     * order. Writes nothing. Throws {@link PlayLimitExceeded} when the firing passed a limit (it is stopped there, and
     * nothing it decided is answered), {@link PlayFiringException} when a rule failed.
     */
    public List<PlayDecision> fire(AccountEvent event, Account account, Set<String> activePlays, FiringLimits limits) {
        return tryFire(event, account, activePlays, limits)
                .orElseThrow(() -> new IllegalStateException("this play book was replaced and disposed"));
    }

    /** Like {@link #fire}, but answers empty instead of firing when this book was replaced in the meantime. */
    public Optional<List<PlayDecision>> tryFire(AccountEvent event, Account account, Set<String> activePlays,
                                                FiringLimits limits) {
        firing.incrementAndGet();
        try {
            if (retired.get()) {
                return Optional.empty();
            }
            if (kieBase == null || activePlays.isEmpty()) {
                return Optional.of(List.of());
            }
            changing.readLock().lock();
            try {
                // the active plays were read before the lock: a play taken out since (the last one leaves a KieBase
                // that no longer declares the actions global) has nothing left to fire
                Set<String> inBook = new java.util.HashSet<>(activePlays);
                inBook.retainAll(playOfPackage.values());
                if (inBook.isEmpty()) {
                    return Optional.of(List.of());
                }
                return Optional.of(fireInSession(event, account, activePlays, limits));
            } finally {
                changing.readLock().unlock();
            }
        } finally {
            if (firing.decrementAndGet() == 0 && retired.get()) {
                dispose();
            }
        }
    }

    private List<PlayDecision> fireInSession(AccountEvent event, Account account, Set<String> activePlays,
                                             FiringLimits limits) {
        FiringWatch watch = new FiringWatch(limits);
        Actions actions = new Actions(watch);
        FiringTracker tracker = new FiringTracker(actions, this::playOf);
        KieSession session = sessions.newKieSession();
        watch.watch(session);
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
            // book was built stops firing at once, and its memory keeps "once" rules quiet); the watch counts the
            // firings that pass against their limit
            FiringFilter filter = new FiringFilter(activePlays, this::playOf,
                    account == null ? Situation.NONE : account.situation());
            session.fireAllRules(match -> filter.accept(match)
                    && watch.mayFire(playOf(match.getRule()), match.getRule().getName()), limits.firings() + 1);
            stopIfPassed(watch.end(), tracker, activePlays);
            return List.copyOf(actions.decisions());
        } catch (ConsequenceException e) {
            stopIfPassed(watch.end(), tracker, activePlays);
            Rule rule = e.getMatch().getRule();
            throw new PlayFiringException(playOf(rule), rule.getName(), e.getCause() == null ? e : e.getCause());
        } catch (OutOfMemoryError e) {
            watch.ranOutOfMemory();
            stopIfPassed(watch.end(), tracker, activePlays);
            throw e;
        } catch (Error e) {
            // Drools passes Errors through unwrapped (a play can 'throw new AssertionError()', overflow its stack
            // or exhaust the heap); left alone they would end the worker thread that fired.
            stopIfPassed(watch.end(), tracker, activePlays);
            throw new PlayFiringException(tracker.play(), tracker.rule(), e);
        } finally {
            watch.end();
            session.removeEventListener(tracker);
            session.dispose();
        }
    }

    /**
     * Fires every rule of the book once on throwaway facts of each event type, answers nothing and keeps nothing. A
     * book's first firings are many times slower than the next (sessions made, the network and generated classes
     * initialised): done here, they do not count against the limits of the first real events.
     */
    void warmUp() {
        warmUp(runnable());
    }

    private void warmUp(Set<String> plays) {
        if (kieBase == null || plays.isEmpty()) {
            return;
        }
        Account account = new Account(WARM_UP, WARM_UP, Map.of(), Map.of());
        for (EventType type : EventType.values()) {
            try {
                fire(AccountEvent.builder(WARM_UP, type, WARM_UP).date(LocalDate.now()).build(), account, plays,
                        WARM_UP_LIMITS);
            } catch (RuntimeException e) {
                // a play that fails on empty facts fails the same on real ones, where it is reported
            }
        }
    }


    /** Throws when the firing passed a limit, naming the play and rule to blame. */
    private void stopIfPassed(FiringWatch.Breach breach, FiringTracker tracker, Set<String> activePlays) {
        if (breach == null) {
            return;
        }
        String play = breach.play() != null ? breach.play() : tracker.play();
        String rule = breach.play() != null ? breach.rule() : tracker.rule();
        if (play == null) {
            Set<String> checked = new java.util.HashSet<>(runnable());
            checked.retainAll(activePlays);
            play = checked.size() == 1 ? checked.iterator().next() : null;
        }
        throw new PlayLimitExceeded(play, rule, breach.limit(), breach.what());
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
        if (kieBase != null && disposed.compareAndSet(false, true)) {
            sessions.shutdown();
            if (container != null) {
                container.dispose();
                KieServices.Factory.get().getRepository().removeKieModule(releaseId);
            }
        }
    }
}

import io.teamplay.plays.actions.PlayDecision;
import io.teamplay.plays.engine.PlayBook;
import io.teamplay.plays.engine.PlayCompiler;
import io.teamplay.plays.engine.PlayFile;
import io.teamplay.plays.facts.Account;
import io.teamplay.plays.facts.AccountEvent;
import io.teamplay.plays.facts.EventType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;

/**
 * Engine benchmark: 20 active plays (every trigger and action of the DSL), events of every type fired on accounts
 * from 1, 2 and 4 threads, a fresh session per event. Prints events per second. No database: the figure of the
 * rules engine alone. Run with bench/plays.sh.
 */
public class PlaysEngineBench {

    static final String[] TRIGGERS = {
            "the account is created and its segment is \"enterprise\"",
            "the stage leaves \"onboarding\"",
            "the stage changes to \"churned\"",
            "the health changes from \"green\" to \"red\"",
            "the \"Success Manager\" changes hands",
            "the \"Sales Manager\" is cleared",
            "any role changes hands and its segment is \"smb\"",
            "a team member is disabled and it has no \"Success Manager\"",
            "a new day starts and its health is \"red\"",
            "it is 90 days before the renewal_date",
            "it is 30 days after the renewal_date",
            "the account is created and its arr is at least 100000",
            "the tier changes",
            "a new day starts and its segment is not \"enterprise\"",
            "it is 7 days before the renewal_date and it has a \"Renewal Manager\"",
            "the region changes to \"emea\"",
            "the account is created and it has no \"Sales Manager\"",
            "the \"Renewal Manager\" changes hands",
            "it is 1 days after the signed_on",
            "the stage changes from \"trial\" to \"onboarding\"",
    };
    static final String[] ACTIONS = {
            "assign the least loaded member of team \"Enterprise\" as \"Success Manager\"",
            "clear the \"Onboarding Manager\"",
            "create a task \"Win back\" for the \"Success Manager\" due in 3 days",
            "notify the \"Success Manager\" that \"health went red\"",
            "notify the \"Success Manager\" that \"welcome\"",
            "assign the next member of team \"Sales\" by round robin as \"Sales Manager\"",
            "notify the \"Success Manager\" that \"team changed\"",
            "assign \"lead@x.io\" as \"Success Manager\"",
            "create a task \"Look at it\" for the \"Success Manager\" due today",
            "assign the next member of team \"Renewals\" by round robin as \"Renewal Manager\"",
            "create a task \"Review renewal\" for the \"Success Manager\" due in 5 days",
            "assign the least loaded member of team \"Enterprise\" as \"Executive Sponsor\"",
            "notify the \"Sales Manager\" that \"tier changed\"",
            "create a task \"Daily check\" for the \"Success Manager\" due today",
            "create a task \"Renewal in a week\" for the \"Renewal Manager\" due in 2 days",
            "assign \"emea.lead@x.io\" as \"Sales Manager\"",
            "assign the next member of team \"Sales\" by round robin as \"Sales Manager\"",
            "notify the \"Renewal Manager\" that \"you own the renewal\"",
            "create a task \"Day one call\" for the \"Success Manager\" due in 1 days",
            "assign the least loaded member of team \"Onboarding\" as \"Onboarding Manager\"",
    };

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("cost")) {
            cost(args.length > 1 ? Integer.parseInt(args[1]) : 5);
            return;
        }
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Compiled compiled = compile();
        PlayBook book = compiled.book();
        long compileMs = compiled.millis();
        Set<String> active = new HashSet<>(book.runnable());
        if (active.size() != 20) {
            throw new IllegalStateException("not all 20 plays compiled: " + book.plays());
        }
        LocalDate today = LocalDate.of(2026, 11, 23);
        List<Object[]> workload = workload(today);
        System.out.printf("compile: 20 plays in %d ms%n", compileMs);
        fire(book, active, workload, 2, seconds); // warm-up: JIT-compiles the engine and the constraints
        for (int threads : new int[] {1, 2, 4}) {
            double[] result = fire(book, active, workload, threads, seconds);
            System.out.printf("engine: %d thread(s), 20 active plays: %,.0f events/s (%,.0f decisions/s)%n",
                    threads, result[0], result[1]);
        }
        book.close();
    }

    record Compiled(PlayBook book, long millis) {
    }

    /** The 20 plays compiled into one book, and how long it took. */
    static Compiled compile() throws java.io.IOException {
        PlayCompiler compiler = new PlayCompiler(Files.readString(Path.of("rules/plays.dsl")));
        List<PlayFile> files = plays();
        long start = System.nanoTime();
        PlayBook book = compiler.compile(files);
        return new Compiled(book, (System.nanoTime() - start) / 1_000_000);
    }

    /** The 20 plays: trigger i with action i. */
    static List<PlayFile> plays() {
        List<PlayFile> files = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            files.add(PlayFile.of("bench-" + i + ".dslr", "// team: Enterprise\nrule \"bench " + i + "\"\nwhen\n    "
                    + TRIGGERS[i] + "\nthen\n    " + ACTIONS[i] + "\nend\n"));
        }
        return files;
    }

    /**
     * What one firing costs when nothing goes wrong, on one thread (as the worker fires): wall and CPU microseconds
     * and kilobytes allocated per event, after a warm-up. Prints one line "cost: ..." (bench/firing-cost.sh).
     */
    static void cost(int seconds) throws Exception {
        Compiled compiled = compile();
        PlayBook book = compiled.book();
        long compileMs = compiled.millis();
        Set<String> active = new HashSet<>(book.runnable());
        List<Object[]> work = workload(LocalDate.of(2026, 11, 23));
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        long firstStart = System.nanoTime();
        book.fire((AccountEvent) work.get(0)[0], (Account) work.get(0)[1], active);
        long firstUs = (System.nanoTime() - firstStart) / 1_000;
        long events = 0;
        long decisions = 0;
        long stopped = 0;
        for (int i = 0; i < 20_000; i++) { // warm-up
            stopped += fireCounting(book, active, work.get(i % work.size())) < 0 ? 1 : 0;
        }
        java.lang.management.OperatingSystemMXBean os = java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long process = os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
        long cpu = threads.getCurrentThreadCpuTime();
        long allocated = threads.getCurrentThreadAllocatedBytes();
        long start = System.nanoTime();
        long until = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < until) {
            for (int i = 0; i < 100; i++) {
                int decided = fireCounting(book, active, work.get((int) (events++ % work.size())));
                decisions += Math.max(decided, 0);
                stopped += decided < 0 ? 1 : 0;
            }
        }
        double wallUs = (System.nanoTime() - start) / 1e3 / events;
        double cpuUs = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / events;
        double kb = (threads.getCurrentThreadAllocatedBytes() - allocated) / 1024.0 / events;
        double processUs = os instanceof com.sun.management.OperatingSystemMXBean sun
                ? (sun.getProcessCpuTime() - process) / 1e3 / events : 0;
        System.out.printf("cost: compile %d ms, first firing %d us, per event %.1f us wall %.1f us cpu %.1f us process-cpu "
                + "%.1f KB allocated, %,.0f events/s, %.2f decisions/event, %d stopped by a limit%n", compileMs, firstUs,
                wallUs, cpuUs, processUs, kb, events / (wallUs * events / 1e6), (double) decisions / events, stopped);
        book.close();
    }

    /**
     * Fires one event; answers the decisions taken, or -1 when a limit stopped the firing (with the limits only, and
     * only on a machine so loaded that a firing waits 200 ms for a core: counted and printed, never hidden).
     */
    static int fireCounting(PlayBook book, Set<String> active, Object[] w) {
        try {
            return book.fire((AccountEvent) w[0], (Account) w[1], active).size();
        } catch (RuntimeException e) {
            if (e.getClass().getSimpleName().equals("PlayLimitExceeded")) {
                return -1;
            }
            throw e;
        }
    }

    static List<Object[]> workload(LocalDate today) {
        List<Object[]> work = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            String id = "acct-" + i;
            Account account = new Account(id, "Account " + i,
                    Map.of("segment", i % 3 == 0 ? "enterprise" : "smb", "health", i % 4 == 0 ? "red" : "green",
                            "arr", 50_000 + i * 100, "renewal_date", today.plusDays(i % 120).toString(),
                            "signed_on", today.minusDays(i % 3).toString()),
                    i % 2 == 0 ? Map.of("success_manager", "sam@x.io") : Map.of());
            AccountEvent event = switch (i % 5) {
                case 0 -> AccountEvent.builder("c" + i, EventType.ACCOUNT_CREATED, id).date(today).build();
                case 1 -> AccountEvent.builder("a" + i, EventType.ATTRIBUTE_CHANGED, id)
                        .attribute("stage", "onboarding", "live").date(today).build();
                case 2 -> AccountEvent.builder("s" + i, EventType.ASSIGNMENT_CHANGED, id)
                        .assignment("success_manager", "a@x.io", "b@x.io").date(today).build();
                case 3 -> AccountEvent.builder("u" + i, EventType.USER_DISABLED, id).userEmail("a@x.io").date(today).build();
                default -> AccountEvent.daily(id, today);
            };
            work.add(new Object[] {event, account});
        }
        return work;
    }

    static double[] fire(PlayBook book, Set<String> active, List<Object[]> work, int threads, int seconds)
            throws InterruptedException {
        LongAdder events = new LongAdder();
        LongAdder decisions = new LongAdder();
        AtomicBoolean stop = new AtomicBoolean();
        CountDownLatch done = new CountDownLatch(threads);
        for (int t = 0; t < threads; t++) {
            int offset = t * 37;
            new Thread(() -> {
                int i = offset;
                while (!stop.get()) {
                    Object[] w = work.get(i++ % work.size());
                    List<PlayDecision> d = book.fire((AccountEvent) w[0], (Account) w[1], active);
                    events.increment();
                    decisions.add(d.size());
                }
                done.countDown();
            }).start();
        }
        long start = System.nanoTime();
        Thread.sleep(seconds * 1000L);
        stop.set(true);
        done.await();
        double elapsed = (System.nanoTime() - start) / 1e9;
        return new double[] {events.sum() / elapsed, decisions.sum() / elapsed};
    }
}

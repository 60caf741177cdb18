import io.teamplay.plays.engine.PlayCompiler;
import io.teamplay.plays.engine.PlayError;
import io.teamplay.plays.engine.PlayFile;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.parser.DrlParser;

/**
 * What the allowlist check costs per play file, next to compiling that file. For each shipped play (rules/) and a
 * synthetic play of 50 rules: the checker alone (PlayChecker on the parsed rules), the whole preparation (DSL
 * expansion, parse, checks), and the compile of the file on its own (prepare + KieBuilder + KieBase). Mean over
 * many rounds after a warm-up. Run with bench/allowlist/run.sh. (The checker's classes are package-private: they are
 * reached by reflection, as a benchmark may.)
 */
public class PlayCheckBench {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        String dsl = Files.readString(Path.of("rules/plays.dsl"));
        List<PlayFile> files = new ArrayList<>();
        try (Stream<Path> paths = Files.list(Path.of("rules"))) {
            paths.filter(p -> PlayFile.isPlayFile(p.getFileName().toString())).sorted().forEach(p -> {
                try {
                    files.add(PlayFile.of(p.getFileName().toString(), Files.readString(p)));
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        files.add(PlayFile.of("fifty-rules.drl", fiftyRules()));

        Class<?> preparerType = Class.forName("io.teamplay.plays.engine.PlayPreparer");
        Constructor<?> newPreparer = preparerType.getDeclaredConstructor(String.class);
        newPreparer.setAccessible(true);
        Object preparer = newPreparer.newInstance(dsl);
        Method prepare = preparerType.getDeclaredMethod("prepare", PlayFile.class);
        prepare.setAccessible(true);
        Class<?> prepared = Class.forName("io.teamplay.plays.engine.PreparedPlay");
        Method map = prepared.getDeclaredMethod("map");
        map.setAccessible(true);
        Class<?> checkerType = Class.forName("io.teamplay.plays.engine.PlayChecker");
        Method check = checkerType.getDeclaredMethod("check", PackageDescr.class, map.getReturnType(), String.class);
        check.setAccessible(true);
        PlayCompiler compiler = new PlayCompiler(dsl);

        System.out.printf("%-34s %12s %12s %12s %8s%n", "file", "check (ms)", "prepare (ms)", "compile (ms)", "check %");
        for (PlayFile file : files) {
            Object play = prepare.invoke(preparer, file);
            Object sourceMap = map.invoke(play);
            String compiled = expanded(play);
            PackageDescr descr = new DrlParser().parse(false, compiled);
            List<?> errors = (List<?>) check.invoke(null, descr, sourceMap, compiled);
            List<PlayError> compileErrors = compiler.check(file);
            if (!errors.isEmpty() || !compileErrors.isEmpty()) {
                throw new IllegalStateException(file.fileName() + ": " + errors + compileErrors);
            }
            // warm-up, then measure each step on its own
            time(rounds, () -> check.invoke(null, descr, sourceMap, compiled));
            time(rounds, () -> prepare.invoke(preparer, file));
            double checkMs = time(rounds, () -> check.invoke(null, descr, sourceMap, compiled));
            double prepareMs = time(rounds, () -> prepare.invoke(preparer, file));
            int compileRounds = Math.max(5, rounds / 20);
            time(compileRounds, () -> compiler.check(file));
            double compileMs = time(compileRounds, () -> compiler.check(file));
            System.out.printf("%-34s %12.3f %12.3f %12.1f %7.1f%%%n", file.fileName(), checkMs, prepareMs, compileMs,
                    100 * checkMs / compileMs);
        }
    }

    interface Step {
        Object run() throws Exception;
    }

    static double time(int rounds, Step step) throws Exception {
        long start = System.nanoTime();
        for (int i = 0; i < rounds; i++) {
            step.run();
        }
        return (System.nanoTime() - start) / 1e6 / rounds;
    }

    /** The text Drools compiles: the build text without the header the service puts on line 1. */
    static String expanded(Object play) throws Exception {
        Method buildText = play.getClass().getDeclaredMethod("buildText");
        buildText.setAccessible(true);
        String text = (String) buildText.invoke(play);
        return text.substring(text.indexOf("actions; ") + "actions; ".length());
    }

    static String fiftyRules() {
        StringBuilder text = new StringBuilder("// team: Enterprise\n// description: fifty rules\n");
        for (int i = 0; i < 50; i++) {
            text.append("rule \"r").append(i).append("\"\nsalience ").append(i).append("\nwhen\n")
                    .append("    $event : AccountEvent( type == EventType.ATTRIBUTE_CHANGED, attribute == \"a").append(i)
                    .append("\", newText != \"\" )\n")
                    .append("    $account : Account( id == $event.accountId, atLeast(\"arr\", ").append(i * 1000)
                    .append("), !hasHolder(\"Success Manager\") || is(\"segment\", \"enterprise\") )\n")
                    .append("then\n    actions.notifyHolder(\"Success Manager\", $account.getName() + \" changed a")
                    .append(i).append(" to \" + $event.getNewText());\n")
                    .append("    actions.createTask(\"Success Manager\", \"Look at a").append(i).append("\", ")
                    .append(i % 7).append(");\nend\n");
        }
        return text.toString();
    }
}

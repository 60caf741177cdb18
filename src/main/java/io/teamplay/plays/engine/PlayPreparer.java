package io.teamplay.plays.engine;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.lang.model.SourceVersion;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsError;
import org.drools.drl.parser.DroolsParserException;
import org.drools.drl.parser.ParserError;
import org.drools.drl.parser.lang.ExpanderException;
import org.drools.drl.parser.lang.dsl.DSLMapping;
import org.drools.drl.parser.lang.dsl.DefaultDSLMapping;
import org.drools.drl.parser.lang.dsl.DSLTokenizedMappingFile;
import org.drools.drl.parser.lang.dsl.DefaultExpander;

/**
 * Gets one play file ready for Drools, on its own: reads its header, expands its DSL sentences, parses it with
 * Drools' DRL parser, checks the parsed rules against the allowlist ({@link PlayChecker}) and puts it in the
 * package the service gives it, with the fact model imported and the actions global declared.
 */
final class PlayPreparer {

    /** What every play has without writing it (after the package line the service gives it). */
    static final String STANDARD_HEADER = "import io.teamplay.plays.facts.*; "
            + "global io.teamplay.plays.actions.Actions actions; ";

    private final DSLMapping dsl;

    PlayPreparer(String dslText) {
        if (dslText == null || dslText.isBlank()) {
            this.dsl = new DefaultDSLMapping();
            return;
        }
        DSLTokenizedMappingFile file = new DSLTokenizedMappingFile();
        try {
            if (!file.parseAndLoad(new StringReader(dslText == null ? "" : dslText))) {
                throw new IllegalArgumentException("the plays DSL does not load: " + file.getErrors());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.dsl = file.getMapping();
    }

    PreparedPlay prepare(PlayFile file) {
        List<PlayError> errors = new ArrayList<>();
        PlayHeader header = PlayHeader.read(file.text());
        if (header.team() == null) {
            errors.add(new PlayError(file.fileName(), 1, 1, "the play names no owning team; start the file with a "
                    + "line such as '// team: Enterprise'"));
        }
        String compiled = file.isDsl() ? expand(file, errors) : file.text();
        SourceMap map = new SourceMap(file.fileName(), file.text(), compiled, file.isDsl());
        String packageName = "plays." + identifier(file.name());
        Set<String> ruleNames = new LinkedHashSet<>();
        if (errors.stream().noneMatch(e -> e.message().startsWith("cannot understand"))) {
            List<PlayError> unreadable = PlayChecker.beforeParsing(map, compiled);
            errors.addAll(unreadable);
            PackageDescr descr = unreadable.isEmpty() ? parse(compiled, map, errors) : null;
            if (descr != null) {
                // only what the allowlist accepts is ever compiled: the checker reads the rules Drools will build
                errors.addAll(check(descr, map, compiled));
                descr.getRules().stream().map(RuleDescr::getName).forEach(ruleNames::add);
            }
        }
        String head = "package " + packageName + "; " + STANDARD_HEADER;
        return new PreparedPlay(file, header, packageName, ruleNames, head + compiled, map,
                new PreparedPlay.Insertion(1, 1, head.length()), errors);
    }

    /** Private-use characters standing for the play's braces while the DSL expands it. */
    private static final char BRACE_OPEN = '\uE000';
    private static final char BRACE_CLOSE = '\uE001';

    private String expand(PlayFile file, List<PlayError> errors) {
        StringBuilder withoutExpander = new StringBuilder();
        for (String line : file.text().split("\n", -1)) {
            withoutExpander.append(line.trim().startsWith("expander ") ? "" : line).append('\n');
        }
        withoutExpander.setLength(withoutExpander.length() - 1);
        DefaultExpander expander = new DefaultExpander();
        expander.addDSLMapping(dsl);
        String expanded = shown(expander.expand(hidden(withoutExpander.toString())));
        SourceMap map = new SourceMap(file.fileName(), file.text(), expanded, true);
        for (ExpanderException e : expander.getErrors()) {
            int line = e.getLine();
            String sentence = map.sourceLine(line).trim();
            errors.add(map.onLine(line, null, "cannot understand the sentence \"" + sentence
                    + "\": it matches no sentence of plays.dsl (see rules/README.md for the sentences plays know)"));
        }
        return expanded;
    }

    /**
     * The file's braces, hidden from the expander: it substitutes a sentence's placeholders inside the values it
     * captured too, so a message holding "{role}" or "{title}" was rewritten, and one naming a placeholder of its own
     * sentence made the expander loop for ever. Braces in a play's text are only ever merge fields, never DSL.
     */
    private static String hidden(String text) {
        return text.replace(BRACE_OPEN, ' ').replace(BRACE_CLOSE, ' ').replace('{', BRACE_OPEN).replace('}', BRACE_CLOSE);
    }

    private static String shown(String expanded) {
        return expanded.replace(BRACE_OPEN, '{').replace(BRACE_CLOSE, '}');
    }

    private static PackageDescr parse(String compiled, SourceMap map, List<PlayError> errors) {
        DrlParser parser = new DrlParser();
        PackageDescr descr;
        try {
            descr = parser.parse(false, compiled);
        } catch (DroolsParserException e) {
            errors.add(map.onLine(1, null, "cannot be read: " + e.getMessage()));
            return null;
        } catch (StackOverflowError e) {
            // deep nesting is refused before parsing; this is the last line of defence for the compiling thread
            errors.add(map.onLine(1, null, "cannot be read: it nests too deeply"));
            return null;
        }
        for (DroolsError error : parser.getErrors()) {
            errors.add(parserError(error, map));
        }
        return parser.hasErrors() ? null : descr;
    }

    private static List<PlayError> check(PackageDescr descr, SourceMap map, String compiled) {
        try {
            return PlayChecker.check(descr, map, compiled);
        } catch (StackOverflowError e) {
            return List.of(map.onLine(1, null, "cannot be read: it nests too deeply"));
        }
    }

    private static PlayError parserError(DroolsError error, SourceMap map) {
        String message = error.getMessage().replaceFirst("^\\[ERR \\d+\\]\\s*Line \\d+:\\d+\\s*", "").trim();
        String word = BuildMessages.quotedWord(message);
        if (error instanceof ParserError p && p.getRow() > 0) {
            if (p.getCol() > 0) {
                return map.at(p.getRow(), p.getCol() + 1, word, message);
            }
            return map.onLine(p.getRow(), word, message);
        }
        int[] lines = error.getLines();
        return map.onLine(lines.length > 0 && lines[0] > 0 ? lines[0] : 1, word, message);
    }

    /** A Java-ish identifier made of a play name ("Welcome new accounts" -> welcome_new_accounts). */
    static String identifier(String name) {
        String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        boolean usable = !id.isEmpty() && !Character.isDigit(id.charAt(0)) && !SourceVersion.isKeyword(id);
        return usable ? id : "p_" + id;
    }
}

package io.teamplay.plays.engine;

import io.teamplay.plays.engine.SourceTokens.Token;
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
 * Gets one play file ready for Drools, on its own: reads its header, expands its DSL sentences, runs the sandbox,
 * parses it with Drools' DRL parser and adds the standard imports and the actions global.
 */
final class PlayPreparer {

    static final String STANDARD_HEADER = "import io.teamplay.plays.facts.*; import java.time.*; "
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
            List<PlayError> refused = Sandbox.check(map, compiled);
            errors.addAll(refused);
            boolean tooDeep = refused.stream().anyMatch(e -> e.message().startsWith("nests brackets"));
            PackageDescr descr = tooDeep ? null : parse(compiled, map, errors);
            if (descr != null && descr.getName() != null && !descr.getName().isBlank()) {
                if (!descr.getName().equals(packageName) && descr.getName().startsWith("plays.")) {
                    // plays.<name> is where the play <name> lives; claiming it would refuse that play instead
                    errors.add(map.onLine(packageLine(compiled), "package", "puts its rules in the package "
                            + descr.getName() + ", which is reserved for the play of that name; choose another "
                            + "package or leave the line out"));
                }
                packageName = descr.getName();
            }
            if (descr != null) {
                descr.getRules().stream().map(RuleDescr::getName).forEach(ruleNames::add);
            }
        }
        HeaderSpot insertion = insertion(compiled, packageName);
        String buildText = insert(compiled, insertion);
        return new PreparedPlay(file, header, packageName, ruleNames, buildText, map,
                new PreparedPlay.Insertion(insertion.line, insertion.column, insertion.text.length()), errors);
    }

    private String expand(PlayFile file, List<PlayError> errors) {
        StringBuilder withoutExpander = new StringBuilder();
        for (String line : file.text().split("\n", -1)) {
            withoutExpander.append(line.trim().startsWith("expander ") ? "" : line).append('\n');
        }
        withoutExpander.setLength(withoutExpander.length() - 1);
        DefaultExpander expander = new DefaultExpander();
        expander.addDSLMapping(dsl);
        String expanded = expander.expand(withoutExpander.toString());
        SourceMap map = new SourceMap(file.fileName(), file.text(), expanded, true);
        for (ExpanderException e : expander.getErrors()) {
            int line = e.getLine();
            String sentence = map.sourceLine(line).trim();
            errors.add(map.onLine(line, null, "cannot understand the sentence \"" + sentence
                    + "\": it matches no sentence of plays.dsl (see rules/README.md for the sentences plays know)"));
        }
        return expanded;
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
            // the sandbox refuses deep nesting first; this is the last line of defence for the compiling thread
            errors.add(map.onLine(1, null, "cannot be read: it nests too deeply"));
            return null;
        }
        for (DroolsError error : parser.getErrors()) {
            errors.add(parserError(error, map));
        }
        return parser.hasErrors() ? null : descr;
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

    private static int packageLine(String compiled) {
        List<Token> tokens = SourceTokens.of(compiled);
        return tokens.stream().filter(t -> t.is("package")).findFirst().map(Token::line).orElse(1);
    }

    private record HeaderSpot(int line, int column, String text) {
    }

    /** The standard header goes right after the package statement, or opens line 1 when there is none. */
    private static HeaderSpot insertion(String compiled, String packageName) {
        List<Token> tokens = SourceTokens.of(compiled);
        if (!tokens.isEmpty() && tokens.get(0).is("package")) {
            int i = 1;
            while (i + 1 < tokens.size() && tokens.get(i + 1).is(".") && tokens.get(i + 1).line() == tokens.get(0).line()) {
                i += 2;
            }
            Token last = tokens.get(Math.min(i, tokens.size() - 1));
            boolean semicolon = i + 1 < tokens.size() && tokens.get(i + 1).is(";");
            if (semicolon) {
                last = tokens.get(i + 1);
            }
            return new HeaderSpot(last.line(), last.column() + last.text().length(),
                    (semicolon ? " " : "; ") + STANDARD_HEADER);
        }
        return new HeaderSpot(1, 1, "package " + packageName + "; " + STANDARD_HEADER);
    }

    private static String insert(String compiled, HeaderSpot insertion) {
        String[] lines = compiled.split("\n", -1);
        String line = lines[insertion.line - 1];
        int at = Math.min(insertion.column - 1, line.length());
        lines[insertion.line - 1] = line.substring(0, at) + insertion.text + line.substring(at);
        return String.join("\n", lines);
    }

    /** A Java-ish identifier made of a play name ("Welcome new accounts" -> welcome_new_accounts). */
    static String identifier(String name) {
        String id = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        boolean usable = !id.isEmpty() && !Character.isDigit(id.charAt(0)) && !SourceVersion.isKeyword(id);
        return usable ? id : "p_" + id;
    }
}

package io.teamplay.plays;

import io.teamplay.plays.engine.PlayBook;
import io.teamplay.plays.engine.PlayCompiler;
import io.teamplay.plays.engine.PlayError;
import io.teamplay.plays.engine.PlayFile;
import io.teamplay.plays.engine.PlayStatus;
import io.teamplay.plays.facts.Account;
import io.teamplay.plays.facts.AccountEvent;
import io.teamplay.plays.facts.EventType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** Shared fixtures for the plays tests: the shipped DSL, a compiler, accounts and events. */
final class PlayFixtures {

    static final Path RULES = Path.of("rules");
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final PlayCompiler COMPILER = new PlayCompiler(read(RULES.resolve("plays.dsl")));
    /**
     * The default limits but for time (2 s, as the test profile sets for the service): tests of what plays decide
     * must not fail because a shared, loaded machine paused the firing thread (the limits have tests of their own).
     */
    static final io.teamplay.plays.engine.FiringLimits UNHURRIED = new io.teamplay.plays.engine.FiringLimits(
            java.time.Duration.ofSeconds(2), java.time.Duration.ofSeconds(2), io.teamplay.plays.engine.FiringLimits.DEFAULTS.firings(),
            io.teamplay.plays.engine.FiringLimits.DEFAULTS.decisions(), io.teamplay.plays.engine.FiringLimits.DEFAULTS.memoryBytes());

    private PlayFixtures() {
    }

    static String read(Path path) {
        try {
            return Files.readString(path);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static PlayBook compile(PlayFile... files) {
        return COMPILER.compile(Arrays.asList(files));
    }

    static PlayFile drl(String name, String text) {
        return PlayFile.of(name + ".drl", text);
    }

    static PlayFile dslr(String name, String text) {
        return PlayFile.of(name + ".dslr", text);
    }

    static List<PlayError> errorsOf(PlayFile file) {
        PlayStatus status = compile(file).play(file.name()).orElseThrow();
        return status.errors();
    }

    static Account account(String id, Map<String, ?> attributes, Map<String, String> team) {
        return new Account(id, "Account " + id, attributes, team);
    }

    static AccountEvent created(String accountId) {
        return AccountEvent.builder("created:" + accountId, EventType.ACCOUNT_CREATED, accountId).date(TODAY).build();
    }

    static AccountEvent attributeChanged(String accountId, String attribute, Object oldValue, Object newValue) {
        return AccountEvent.builder("attr:" + accountId + ":" + attribute, EventType.ATTRIBUTE_CHANGED, accountId)
                .attribute(attribute, oldValue, newValue).date(TODAY).build();
    }

    static AccountEvent assignmentChanged(String accountId, String role, String from, String to) {
        return AccountEvent.builder("assign:" + accountId + ":" + role, EventType.ASSIGNMENT_CHANGED, accountId)
                .assignment(role, from, to).date(TODAY).build();
    }

    static AccountEvent userDisabled(String accountId, String email) {
        return AccountEvent.builder("disabled:" + accountId + ":" + email, EventType.USER_DISABLED, accountId)
                .userEmail(email).date(TODAY).build();
    }

    static AccountEvent daily(String accountId) {
        return AccountEvent.daily(accountId, TODAY);
    }
}

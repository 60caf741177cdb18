package io.teamplay.plays;

import static io.teamplay.plays.PlayFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.teamplay.plays.engine.PlayBook;
import io.teamplay.plays.engine.PlayFile;
import io.teamplay.plays.facts.Account;
import io.teamplay.plays.facts.AccountEvent;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The book in force taking plays in and out, one at a time, while events fire on it. */
class PlayBookUpdateTest {

    private static final PlayFile TELLING = dslr("telling", """
            // team: Success
            // description: tells the Success Manager when the stage changes
            expander plays.dsl

            rule "tell"
            when
                the stage changes
            then
                notify the "Success Manager" that "stage changed"
            end
            """);

    @Test
    void anEventWhoseActivePlaysWereReadBeforeTheLastPlayLeftTheBookFiresNothingInsteadOfFailing() {
        PlayBook book = COMPILER.openBook();
        book.update(COMPILER.compileEach(List.of(TELLING)).values(), List.of());
        AccountEvent event = attributeChanged("a1", "stage", "onboarding", "live");
        Account account = account("a1", Map.of("stage", "live"), Map.of("success_manager", "sam@example.com"));
        assertEquals(1, book.fire(event, account, Set.of("telling")).size());

        // the worker read "telling" as active, then the play was deactivated: the book no longer holds any rule
        book.update(List.of(), List.of("telling"));

        assertEquals(List.of(), book.fire(event, account, Set.of("telling")));
        assertEquals(Set.of(), book.runnable());
    }
}

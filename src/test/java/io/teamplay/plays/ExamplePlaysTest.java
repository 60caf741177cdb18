package io.teamplay.plays;

import static io.teamplay.plays.PlayFixtures.*;
import static org.junit.jupiter.api.Assertions.*;

import io.teamplay.plays.actions.PlayDecision;
import io.teamplay.plays.actions.PlayDecision.AssignLeastLoaded;
import io.teamplay.plays.actions.PlayDecision.AssignRole;
import io.teamplay.plays.actions.PlayDecision.AssignRoundRobin;
import io.teamplay.plays.actions.PlayDecision.ClearRole;
import io.teamplay.plays.actions.PlayDecision.CreateTask;
import io.teamplay.plays.actions.PlayDecision.NotifyHolder;
import io.teamplay.plays.engine.PlayBook;
import io.teamplay.plays.engine.PlayFile;
import io.teamplay.plays.engine.PlayStatus;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The plays shipped in rules/: all compile, and each fires as its guide says. */
class ExamplePlaysTest {

    private static PlayBook book;

    @BeforeAll
    static void compileTheShippedPlays() throws IOException {
        try (Stream<Path> files = Files.list(RULES)) {
            List<PlayFile> plays = files.filter(p -> PlayFile.isPlayFile(p.getFileName().toString()))
                    .map(p -> PlayFile.of(p.getFileName().toString(), read(p))).toList();
            book = COMPILER.compile(plays);
        }
    }

    private static List<PlayDecision> fire(String play, io.teamplay.plays.facts.AccountEvent event,
                                           io.teamplay.plays.facts.Account account) {
        return book.fire(event, account, Set.of(play), UNHURRIED);
    }

    @Test
    void shouldCompileEveryShippedPlay() {
        assertTrue(book.plays().size() >= 5);
        for (PlayStatus play : book.plays()) {
            assertEquals(List.of(), play.errors(), play.name());
            assertNotNull(play.team(), play.name());
            assertFalse(play.description().isBlank(), play.name());
        }
    }

    @Test
    void enterpriseSuccessManagerShouldPickTheLeastLoadedMember() {
        var enterprise = account("a1", Map.of("segment", "Enterprise"), Map.of());
        assertEquals(List.of(new AssignLeastLoaded("enterprise-success-manager",
                        "New enterprise accounts get a Success Manager", "success_manager", "Enterprise")),
                fire("enterprise-success-manager", created("a1"), enterprise));
        var smb = account("a2", Map.of("segment", "smb"), Map.of());
        assertEquals(List.of(), fire("enterprise-success-manager", created("a2"), smb));
    }

    @Test
    void onboardingHandoverShouldClearAndCreateATask() {
        var account = account("a1", Map.of("stage", "adoption"), Map.of("onboarding_manager", "olga@x.io"));
        List<PlayDecision> decisions = fire("onboarding-handover",
                attributeChanged("a1", "stage", "onboarding", "adoption"), account);
        String rule = "Leaving onboarding ends the onboarding assignment";
        assertEquals(List.of(new ClearRole("onboarding-handover", rule, "onboarding_manager"),
                new CreateTask("onboarding-handover", rule, "success_manager",
                        "Hand-over call with the onboarding team", 7)), decisions);
        assertEquals(List.of(), fire("onboarding-handover",
                attributeChanged("a1", "stage", "trial", "onboarding"), account));
    }

    @Test
    void renewalPreparationShouldAssignInTurnAndCreateATask() {
        var account = account("a1", Map.of("renewal_date", TODAY.plusDays(90).toString()), Map.of());
        List<PlayDecision> decisions = fire("renewal-preparation", daily("a1"), account);
        assertEquals(2, decisions.size(), decisions.toString());
        assertTrue(decisions.contains(new AssignRoundRobin("renewal-preparation",
                "Renewals get a Renewal Manager 90 days ahead", "renewal_manager", "Renewals")));
        assertTrue(decisions.contains(new CreateTask("renewal-preparation", "Renewal Managers prepare 90 days ahead",
                "renewal_manager", "Prepare the renewal", 14)));
        var later = account("a1", Map.of("renewal_date", TODAY.plusDays(89).toString()), Map.of());
        assertEquals(List.of(), fire("renewal-preparation", daily("a1"), later));
    }

    @Test
    void renewalFollowUpShouldCreateATaskDueToday() {
        var account = account("a1", Map.of("renewal_date", TODAY.minusDays(30).toString()), Map.of());
        assertEquals(List.of(new CreateTask("renewal-follow-up", "Review the renewal a month later",
                "success_manager", "Review the renewal outcome", 0)), fire("renewal-follow-up", daily("a1"), account));
    }

    @Test
    void newSuccessManagerShouldBeNotified() {
        var account = account("a1", Map.of(), Map.of("success_manager", "sam@x.io"));
        List<PlayDecision> decisions = fire("new-success-manager",
                assignmentChanged("a1", "Success Manager", "old@x.io", "sam@x.io"), account);
        assertEquals(1, decisions.size());
        assertInstanceOf(NotifyHolder.class, decisions.get(0));
        assertEquals(List.of(), fire("new-success-manager",
                assignmentChanged("a1", "sales_manager", null, "sam@x.io"), account));
    }

    @Test
    void redHealthShouldRemindEveryDay() {
        var red = account("a1", Map.of("health", "red"), Map.of());
        assertEquals(1, fire("red-health-daily", daily("a1"), red).size());
        var green = account("a2", Map.of("health", "green"), Map.of());
        assertEquals(List.of(), fire("red-health-daily", daily("a2"), green));
    }

    @Test
    void disabledUserCoverShouldAssignTheTeamLead() {
        var uncovered = account("a1", Map.of("segment", "enterprise"), Map.of());
        assertEquals(List.of(new AssignRole("disabled-user-cover",
                        "Enterprise accounts left without a Success Manager are covered by the team lead",
                        "success_manager", "lead@teamplay.example")),
                fire("disabled-user-cover", userDisabled("a1", "gone@x.io"), uncovered));
        var covered = account("a2", Map.of("segment", "enterprise"), Map.of("success_manager", "sam@x.io"));
        assertEquals(List.of(), fire("disabled-user-cover", userDisabled("a2", "gone@x.io"), covered));
    }
}

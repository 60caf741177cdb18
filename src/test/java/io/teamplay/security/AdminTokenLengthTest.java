package io.teamplay.security;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A configured admin token shorter than 32 characters stops the service at start, saying why in one line. */
@QuarkusMainTest
@TestProfile(AdminTokenLengthTest.ShortAdminToken.class)
class AdminTokenLengthTest {

    public static class ShortAdminToken implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("teamplay.admin-token", "only-31-characters-long-secret!");
        }
    }

    /** Launched inside the test so that a service which starts (and so never returns) fails it by the timeout. */
    @Test
    @Timeout(value = 4, unit = TimeUnit.MINUTES, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
    void shouldRefuseToStartWithAShortAdminToken(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch();
        String output = result.getOutput() + "\n" + result.getErrorOutput();
        assertEquals(1, result.exitCode(), output);
        List<String> lines = output.lines().filter(l -> l.contains("TEAMPLAY_ADMIN_TOKEN")).toList();
        assertEquals(1, lines.size(), output);
        assertTrue(lines.get(0).contains("ERROR") && lines.get(0).contains("Refusing to start: TEAMPLAY_ADMIN_TOKEN "
                + "(teamplay.admin-token) has 31 characters; it must have at least 32"), lines.get(0));
    }
}

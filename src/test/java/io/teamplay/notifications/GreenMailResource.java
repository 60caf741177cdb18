package io.teamplay.notifications;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;

import java.io.IOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.ServerSocket;
import java.util.Map;

/**
 * A real SMTP server (GreenMail) on a free port; the mailer is pointed at it and taken out of mock mode. GLOBAL: every
 * {@code @QuarkusTest} shares it, so the tests that read emails need no start of their own (a start of the service
 * with another set of test resources costs about 10 s); the others never run the digest (teamplay.digest.every=off).
 */
@WithTestResource(value = GreenMailResource.class, scope = TestResourceScope.GLOBAL)
public class GreenMailResource implements QuarkusTestResourceLifecycleManager {

    /** Marks the test field that receives the running GreenMail. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.FIELD)
    public @interface InjectGreenMail {
    }

    private static final int CLIENT_TIMEOUT_MS = 5_000;

    private GreenMail greenMail;

    @Override
    public Map<String, String> start() {
        int port = freePort();
        greenMail = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        startAgain(greenMail);
        return Map.of(
                "quarkus.mailer.mock", "false",
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", String.valueOf(port),
                "quarkus.mailer.start-tls", "DISABLED",
                // The tests stop and restart this server and close idle sessions after 5 s: no pooled connection
                // survives either, so each email gets its own connection here.
                "quarkus.mailer.keep-alive", "false");
    }

    /**
     * Starts the server, closing idle client sessions after 5 s instead of 30: under load the mailer now and then
     * misses GreenMail's greeting and waits until the server gives up with a 421 (which the digest retries once).
     */
    static void startAgain(GreenMail greenMail) {
        greenMail.start();
        greenMail.getSmtp().setClientSocketTimeout(CLIENT_TIMEOUT_MS);
    }

    @Override
    public void stop() {
        if (greenMail != null) {
            greenMail.stop();
        }
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(greenMail, new TestInjector.AnnotatedAndMatchesType(InjectGreenMail.class, GreenMail.class));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException("No free port for GreenMail", e);
        }
    }
}

package io.teamplay.notifications;

import io.vertx.ext.mail.SMTPException;
import org.junit.jupiter.api.Test;

import java.net.ConnectException;
import java.util.List;
import java.util.concurrent.CompletionException;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Only a 421 (channel closed, nothing accepted) is worth an immediate second try. */
class DigestMailerTest {

    @Test
    void shouldRetryAtOnceOnlyWhenTheServerClosedTheChannel() {
        assertTrue(DigestMailer.closedWithoutTakingIt(new CompletionException(smtp(421))));
        assertFalse(DigestMailer.closedWithoutTakingIt(new CompletionException(smtp(450))));
        assertFalse(DigestMailer.closedWithoutTakingIt(new CompletionException(smtp(550))));
        assertFalse(DigestMailer.closedWithoutTakingIt(new CompletionException(new ConnectException("refused"))));
    }

    private static SMTPException smtp(int code) {
        return new SMTPException("got error response: " + code, code, List.of(code + " closing"), code >= 500);
    }
}

package io.teamplay.notifications;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.vertx.ext.mail.SMTPException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;

/** Renders a digest email (HTML with a plain-text part) and hands it to SMTP through the blocking mailer. */
@ApplicationScoped
class DigestMailer {

    static final String ITEMS_HEADER = "X-Teamplay-Digest-Items";
    private static final Logger LOG = Logger.getLogger(DigestMailer.class);
    private static final int SERVICE_CLOSING = 421;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance html(DigestEmail email);

        static native TemplateInstance text(DigestEmail email);
    }

    @Inject
    Mailer mailer;
    @Inject
    DigestConfig config;

    /**
     * Blocks until the SMTP server accepted the message; throws when it did not. A 421 (the server closes the channel
     * without having taken the message) is retried once at once on a new connection: it cannot repeat an email.
     */
    void send(DigestEmail email, String messageId, List<Long> itemIds) {
        Mail mail = Mail.withHtml(email.recipient(), email.subject(), Templates.html(email).render())
                .setText(Templates.text(email).render())
                .addHeader("Message-ID", messageId)
                .addHeader(ITEMS_HEADER, itemIds.stream().map(String::valueOf).collect(Collectors.joining(",")));
        try {
            mailer.send(mail);
        } catch (RuntimeException e) {
            if (!closedWithoutTakingIt(e)) {
                throw e;
            }
            LOG.infof("SMTP closed the channel (421) without taking the digest to %s; reconnecting once", email.recipient());
            mailer.send(mail);
        }
    }

    /** A 421 reply: "service not available, closing transmission channel"; no message was accepted. */
    static boolean closedWithoutTakingIt(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SMTPException smtp) {
                return smtp.getReplyCode() == SERVICE_CLOSING;
            }
        }
        return false;
    }

    /**
     * The same items always give the same Message-ID, so a receiver can drop the copy sent again after a crash
     * between SMTP's acceptance and the commit that marks the items sent.
     */
    String messageIdOf(List<Long> itemIds) {
        String ids = itemIds.stream().sorted().map(String::valueOf).collect(Collectors.joining(","));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(ids.getBytes(StandardCharsets.UTF_8));
            return "<digest-" + HexFormat.of().formatHex(digest, 0, 16) + "@" + config.messageIdDomain() + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}

package io.teamplay.notifications;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static io.teamplay.TestFixtures.asAdmin;

/** What GreenMail received (emails by recipient, subject, Message-ID, parts), and running the digest that sends them. */
public final class Inbox {

    private Inbox() {
    }

    public static Map<String, Integer> runDigest() {
        return asAdmin().post("/api/digests/run").then().statusCode(200).extract().jsonPath().getMap("");
    }

    public static List<MimeMessage> to(MimeMessage[] received, String recipient) {
        return Arrays.stream(received).filter(m -> recipientsOf(m).contains(recipient)).toList();
    }

    public static List<String> recipientsOf(MimeMessage message) {
        try {
            return Arrays.stream(message.getAllRecipients()).map(Object::toString).toList();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String subjectOf(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    public static String messageIdOf(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** The part of the given type ("text/plain", "text/html") of a multipart/alternative email. */
    public static String part(MimeMessage message, String type) {
        try {
            return find(message.getContent(), message.getContentType(), type);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String find(Object content, String contentType, String type) throws Exception {
        if (content instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart part = multipart.getBodyPart(i);
                String found = find(part.getContent(), part.getContentType(), type);
                if (found != null) {
                    return found;
                }
            }
            return null;
        }
        return contentType != null && contentType.toLowerCase().startsWith(type) ? content.toString() : null;
    }
}

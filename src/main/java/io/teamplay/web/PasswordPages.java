package io.teamplay.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.teamplay.common.ProblemException;
import io.teamplay.users.Passwords;
import io.teamplay.users.Tokens;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;
import java.util.Optional;

/**
 * The one-time link an ADMIN gives a user ({@code /password/<token>}): the user sets a password there, once, before
 * the link expires, and signs in with it. No session exists yet, so the form carries a double-submit token as the
 * sign-in form does.
 */
@Path("/password/{token}")
@Produces(MediaType.TEXT_HTML)
public class PasswordPages {

    private static final String NOT_VALID = "it was used already, or it expired, or its user is disabled.";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance setPassword(String token, String email, String csrf, String error, int minLength);
    }

    @Inject
    Passwords passwords;
    @Context
    UriInfo uri;

    @GET
    @PermitAll
    public Response form(String token) {
        return page(200, token, passwords.linkOwner(token), null);
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response set(String token, @FormParam("password") String password, @FormParam("confirm") String confirm,
                        @FormParam("csrf") String csrf, @CookieParam(SignInPages.SIGN_IN_COOKIE) String expectedCsrf) {
        Optional<String> owner = passwords.linkOwner(token);
        if (expectedCsrf == null || !expectedCsrf.equals(csrf)) {
            return page(403, token, owner, "The form had expired: please type the password again.");
        }
        if (password != null && !password.equals(confirm)) {
            return page(400, token, owner, "The two passwords differ: type the same one twice.");
        }
        try {
            passwords.setPassword(token, password);
        } catch (ProblemException refused) {
            return page(refused.status(), token, owner, refused.getMessage());
        }
        return Response.seeOther(URI.create(SignInPages.PATH + "?password-set=1"))
                .cookie(SignInPages.cookie(uri, SignInPages.SIGN_IN_COOKIE, "", 0)).build();
    }

    private Response page(int status, String token, Optional<String> owner, String error) {
        if (owner.isEmpty()) {
            return Response.status(404).entity(Templates.setPassword(token, null, null, NOT_VALID, Passwords.MIN_LENGTH))
                    .build();
        }
        String csrf = Tokens.generate();
        return Response.status(status).cookie(SignInPages.cookie(uri, SignInPages.SIGN_IN_COOKIE, csrf, 3600))
                .entity(Templates.setPassword(token, owner.get(), csrf, error, Passwords.MIN_LENGTH)).build();
    }
}

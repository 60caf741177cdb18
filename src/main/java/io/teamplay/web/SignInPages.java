package io.teamplay.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.teamplay.common.ProblemException;
import io.teamplay.common.access.Access;
import io.teamplay.security.TooManySignIns;
import io.teamplay.security.WebSessions;
import io.teamplay.users.Tokens;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.net.URI;

/**
 * Signing in and out of the web app. Signing in takes an email and that user's API token (or the bootstrap admin
 * token, email left empty) and sets the session cookie: HttpOnly, SameSite=Strict, Secure over HTTPS. The sign-in
 * form itself is protected by a double-submit token ({@value #SIGN_IN_COOKIE}), as no session exists yet.
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class SignInPages {

    static final String PATH = "/sign-in";
    static final String HOME = "/accounts";
    static final String SIGN_IN_COOKIE = "tp_sign_in";

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance signIn(String csrf, String next, String email, String error, String notice);
    }

    @Inject
    WebSessions sessions;
    @Inject
    Viewer viewer;
    @Inject
    WebErrors errors;
    @Context
    UriInfo uri;

    @GET
    @PermitAll
    public Response home() {
        return Response.seeOther(URI.create(HOME)).build();
    }

    @GET
    @Path("sign-in")
    @PermitAll
    public Response form(@QueryParam("next") String next, @QueryParam("password-set") String passwordSet) {
        return signInPage(200, next, null, null,
                passwordSet == null ? null : "Your password is set: sign in with your email and it.");
    }

    @POST
    @Path("sign-in")
    @PermitAll
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signIn(@FormParam("email") String email, @FormParam("token") String token,
                           @FormParam("csrf") String csrf, @FormParam("next") String next,
                           @CookieParam(SIGN_IN_COOKIE) String expectedCsrf) {
        if (expectedCsrf == null || !expectedCsrf.equals(csrf)) {
            return signInPage(403, next, email, "The form had expired: please sign in again.", null);
        }
        try {
            return sessions.signIn(email, token).map(opened -> signedIn(opened, next))
                    .orElseGet(() -> signInPage(401, next, email,
                            "That email and token do not match an active user. Check both and try again.", null));
        } catch (TooManySignIns refused) {
            return tooMany(refused, next, email);
        }
    }

    @POST
    @Path("sign-in/password")
    @PermitAll
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signInWithPassword(@FormParam("email") String email, @FormParam("password") String password,
                                       @FormParam("csrf") String csrf, @FormParam("next") String next,
                                       @CookieParam(SIGN_IN_COOKIE) String expectedCsrf) {
        if (expectedCsrf == null || !expectedCsrf.equals(csrf)) {
            return signInPage(403, next, email, "The form had expired: please sign in again.", null);
        }
        try {
            return sessions.signInWithPassword(email, password).map(opened -> signedIn(opened, next))
                    .orElseGet(() -> signInPage(401, next, email,
                            "That email and password do not match an active user. Check both and try again.", null));
        } catch (TooManySignIns refused) {
            return tooMany(refused, next, email);
        }
    }

    private Response tooMany(TooManySignIns refused, String next, String email) {
        long minutes = Math.max(1, (refused.retryAfter().toSeconds() + 59) / 60);
        Response page = signInPage(429, next, email, "Too many failed sign-ins for this email. Try again in "
                + minutes + (minutes == 1 ? " minute." : " minutes."), null);
        return Response.fromResponse(page).header("Retry-After", Math.max(1, refused.retryAfter().toSeconds())).build();
    }

    private Response signedIn(WebSessions.Opened opened, String next) {
        return Response.seeOther(URI.create(safe(next)))
                .cookie(cookie(WebSessions.COOKIE, opened.cookie(), (int) WebSessions.LIFETIME.toSeconds()),
                        cookie(SIGN_IN_COOKIE, "", 0))
                .build();
    }

    @POST
    @Path("sign-out")
    @RolesAllowed({Access.ADMIN, Access.ADVANCED, Access.STANDARD, Access.READ_ONLY})
    @jakarta.ws.rs.Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response signOut(@FormParam("csrf") String csrf, @CookieParam(WebSessions.COOKIE) String session) {
        viewer.requireCsrf(csrf);
        sessions.signOut(session);
        return Response.seeOther(URI.create(PATH)).cookie(cookie(WebSessions.COOKIE, "", 0)).build();
    }

    private Response signInPage(int status, String next, String email, String error, String notice) {
        String csrf = Tokens.generate();
        return Response.status(status).cookie(cookie(SIGN_IN_COOKIE, csrf, 3600))
                .entity(Templates.signIn(csrf, safe(next), email, error, notice)).build();
    }

    /** Only a path of this service: never an absolute or scheme-relative URL (no open redirect). */
    static String safe(String next) {
        return next != null && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : HOME;
    }

    private NewCookie cookie(String name, String value, int maxAge) {
        return cookie(uri, name, value, maxAge);
    }

    /** A cookie the way the web app sets them all: HttpOnly, SameSite=Strict, Secure over HTTPS. */
    static NewCookie cookie(UriInfo uri, String name, String value, int maxAge) {
        return new NewCookie.Builder(name).value(value).path("/").maxAge(maxAge).httpOnly(true)
                .secure("https".equals(uri.getRequestUri().getScheme()))
                .sameSite(NewCookie.SameSite.STRICT).build();
    }

    @ServerExceptionMapper
    Response signedOut(UnauthorizedException e) {
        return errors.signIn(uri);
    }

    @ServerExceptionMapper
    Response forbidden(ForbiddenException e) {
        return errors.forbidden(e);
    }

    @ServerExceptionMapper
    Response problem(ProblemException e) {
        return errors.problem(e);
    }
}

package io.teamplay.web;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.teamplay.common.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.core.UriInfo;

import java.net.URI;

/**
 * What a page answers when it cannot show itself: a signed-out browser goes to the sign-in page (and comes back
 * after), a refusal is a page saying why with the same status the API would give. The API keeps its problem
 * documents: each page resource maps these exceptions for its own methods only, with three one-line
 * {@code @ServerExceptionMapper} methods calling this class. (Quarkus REST keeps a mapper local only when it is
 * declared in the {@code @Path} class itself; one inherited from a base class would be global and turn the API's 401s
 * into redirects.)
 */
@ApplicationScoped
public class WebErrors {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail);
    }

    Response signIn(UriInfo uri) {
        URI target = UriBuilder.fromPath(SignInPages.PATH).queryParam("next", pathAndQuery(uri)).build();
        return Response.seeOther(target).build();
    }

    Response forbidden(RuntimeException refused) {
        return page(403, "Not allowed", refused.getMessage() != null ? refused.getMessage()
                : "Your permission does not allow this");
    }

    Response problem(ProblemException problem) {
        return page(problem.status(), problem.toProblem().title(), problem.getMessage());
    }

    static Response page(int status, String title, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .entity(Templates.error(status, title, detail)).build();
    }

    private static String pathAndQuery(UriInfo uri) {
        String query = uri.getRequestUri().getRawQuery();
        return uri.getRequestUri().getRawPath() + (query == null ? "" : "?" + query);
    }
}

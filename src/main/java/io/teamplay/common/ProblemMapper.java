package io.teamplay.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/** Every error leaves the service as application/problem+json. */
public class ProblemMapper {

    public static final String PROBLEM_JSON = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(ProblemMapper.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem());
    }

    /** No credentials: an anonymous caller reached a method that needs a permission. */
    @ServerExceptionMapper
    public Response unauthenticated(UnauthorizedException e) {
        return challenge("An Authorization: Bearer <token> header is required");
    }

    @ServerExceptionMapper
    public Response authenticationFailed(AuthenticationFailedException e) {
        return challenge("The bearer token is unknown, revoked, or belongs to a disabled user");
    }

    /** Authenticated, but the method's {@code @RolesAllowed} does not list the caller's permission. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, ResourceInfo resource) {
        RolesAllowed allowed = resource == null || resource.getResourceMethod() == null ? null
                : resource.getResourceMethod().getAnnotation(RolesAllowed.class);
        String detail = allowed == null ? "You may not do this" : "Only " + either(allowed.value()) + " users may do this";
        return respond(new Problem("about:blank", "Forbidden", 403, detail, List.of()));
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return invalidJson(e);
    }

    /** A body that is no JSON, or JSON of the wrong shape: told in JSON words, never in the service's class names. */
    @ServerExceptionMapper
    public Response invalidJson(JsonProcessingException e) {
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ProblemException problem) {
                // a request record refusing a value while it is built
                return problem(problem);
            }
        }
        if (e instanceof InvalidDefinitionException) {
            // the service cannot build one of its own types: a defect, not the caller's fault
            return unexpected(new IllegalStateException("JSON binding of a request type failed", e));
        }
        String field = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        String message = JsonWords.describe(e, field);
        List<Problem.FieldError> errors = field == null ? List.of() : List.of(Problem.FieldError.field(field, message));
        return respond(new Problem("about:blank", "Malformed JSON", 400, message, errors));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> Problem.FieldError.field(field(v.getPropertyPath()), v.getMessage()))
                .toList();
        String detail = errors.stream().map(err -> err.field() + ": " + err.message()).collect(Collectors.joining("; "));
        return respond(new Problem("about:blank", "Invalid input", 400, detail, errors));
    }

    /**
     * Errors the REST layer raises itself (no such path, method or media type, a parameter that is not a number):
     * answered with what the caller can act on, never with the exception's own message.
     */
    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return invalidJson(json);
        }
        if (e instanceof jakarta.ws.rs.NotFoundException && e.getCause() != null) {
            // A query or path parameter that could not be converted (?size=abc, ?status=BOGUS): malformed input.
            return respond(Parameters.unreadable(e.getCause(), uri));
        }
        int status = e.getResponse().getStatus();
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return respond(new Problem("about:blank", title, status, detail(status, uri), List.of()));
    }

    private static String detail(int status, UriInfo uri) {
        return switch (status) {
            case 404 -> "Nothing is at " + uri.getPath();
            case 405 -> "This method is not allowed on " + uri.getPath();
            case 406 -> "None of the accepted media types can be answered; ask for application/json";
            case 415 -> "This Content-Type is not accepted here (JSON is application/json, CSV imports text/csv)";
            default -> {
                Response.Status known = Response.Status.fromStatusCode(status);
                yield known == null ? "The request failed with status " + status : known.getReasonPhrase();
            }
        };
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        Problem problem = Failures.problem(e);
        if (Failures.unexpected(e)) {
            LOG.error("Unexpected error", e);
        } else {
            LOG.infof("Request failed (%s): answered %d: %s", e, problem.status(), problem.detail());
        }
        return respond(problem);
    }

    /**
     * The field a violation names: a request record's component ("license"), or "body" when the constrained thing is
     * a method parameter: the only constrained parameters are request bodies (@Valid @NotNull).
     */
    private static String field(jakarta.validation.Path path) {
        jakarta.validation.Path.Node last = null;
        for (jakarta.validation.Path.Node node : path) {
            last = node;
        }
        if (last == null) {
            return "body";
        }
        return last.getKind() == jakarta.validation.ElementKind.PARAMETER ? "body" : last.getName();
    }

    /** "ADMIN", "ADMIN or ADVANCED", "ADMIN, ADVANCED or STANDARD". */
    private static String either(String... names) {
        int last = names.length - 1;
        return last <= 0 ? String.join("", names)
                : String.join(", ", java.util.Arrays.copyOf(names, last)) + " or " + names[last];
    }

    private static Response challenge(String detail) {
        return Response.status(401).type(PROBLEM_JSON).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer")
                .entity(new Problem("about:blank", "Unauthorized", 401, detail, List.of())).build();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem).build();
    }
}

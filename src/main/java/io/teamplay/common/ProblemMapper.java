package io.teamplay.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
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

    @ServerExceptionMapper
    public Response invalidJson(JsonProcessingException e) {
        String field = null;
        if (e instanceof MismatchedInputException mismatch && !mismatch.getPath().isEmpty()) {
            field = mismatch.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        String message = e instanceof InvalidFormatException invalid
                ? "'" + invalid.getValue() + "' is not accepted" + accepted(invalid.getTargetType())
                : e.getOriginalMessage();
        List<Problem.FieldError> errors = field == null ? List.of() : List.of(Problem.FieldError.field(field, message));
        return respond(new Problem("about:blank", "Malformed JSON", 400, message, errors));
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> Problem.FieldError.field(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        String detail = errors.stream().map(err -> err.field() + ": " + err.message()).collect(Collectors.joining("; "));
        return respond(new Problem("about:blank", "Invalid input", 400, detail, errors));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return invalidJson(json);
        }
        if (e instanceof jakarta.ws.rs.NotFoundException && e.getCause() != null) {
            // A query or path parameter that could not be converted (?size=abc, ?status=BOGUS): malformed input.
            String message = "A parameter could not be read: " + e.getCause().getMessage();
            return respond(new Problem("about:blank", "Invalid input", 400, message, List.of()));
        }
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null ? "Error" : Response.Status.fromStatusCode(status).getReasonPhrase();
        return respond(new Problem("about:blank", title, status, e.getMessage(), List.of()));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof org.hibernate.exception.ConstraintViolationException violation
                    && violation.getKind() == org.hibernate.exception.ConstraintViolationException.ConstraintKind.UNIQUE) {
                // a concurrent request wrote the same key first (the checks before the insert could not see it)
                LOG.infof("Unique constraint %s refused a write: answered 409", violation.getConstraintName());
                return respond(new Problem("about:blank", "Conflict", 409,
                        "A concurrent request changed the same data first; reload and retry", List.of()));
            }
            if (cause instanceof java.sql.SQLException sql && ("40P01".equals(sql.getSQLState()) || "40001".equals(sql.getSQLState()))) {
                // deadlock or serialization failure with a concurrent change (e.g. two users disabled into each other)
                LOG.infof("Concurrent change aborted (SQL state %s): answered 409", sql.getSQLState());
                return respond(new Problem("about:blank", "Conflict", 409,
                        "A concurrent change got in the way; nothing was written, retry", List.of()));
            }
            if (cause instanceof org.hibernate.exception.DataException data) {
                // a value the database cannot store (longer than its column, or holding a NUL character)
                LOG.infof("The database refused a value (SQL state %s): answered 400", data.getSQLState());
                return respond(new Problem("about:blank", "Invalid input", 400,
                        "A value is too long or holds characters that cannot be stored", List.of()));
            }
        }
        LOG.error("Unexpected error", e);
        return respond(new Problem("about:blank", "Internal error", 500, "An unexpected error occurred; see the service log", List.of()));
    }

    private static String accepted(Class<?> type) {
        return type != null && type.isEnum()
                ? ": one of " + java.util.Arrays.toString(type.getEnumConstants())
                : " as " + (type == null ? "this field" : type.getSimpleName());
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
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

package io.teamplay.common;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
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
        Problem problem = Failures.problem(e);
        if (Failures.unexpected(e)) {
            LOG.error("Unexpected error", e);
        } else {
            LOG.infof("Request failed (%s): answered %d: %s", e, problem.status(), problem.detail());
        }
        return respond(problem);
    }

    private static String accepted(Class<?> type) {
        return type != null && type.isEnum()
                ? ": one of " + java.util.Arrays.toString(type.getEnumConstants())
                : " as " + (type == null ? "this field" : type.getSimpleName());
    }

    private static String lastNode(String path) {
        return path.substring(path.lastIndexOf('.') + 1);
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(PROBLEM_JSON).entity(problem).build();
    }
}

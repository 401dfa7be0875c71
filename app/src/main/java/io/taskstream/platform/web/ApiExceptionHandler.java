package io.taskstream.platform.web;

import io.taskstream.platform.problem.ClientErrorException;
import io.taskstream.platform.problem.FieldViolation;
import io.taskstream.platform.problem.ProblemType;
import io.taskstream.platform.problem.TooManyRequestsException;
import jakarta.validation.ConstraintViolationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.lang.Nullable;
import org.springframework.validation.BindingResult;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;

/**
 * Maps every failure to an RFC 9457 problem: client mistakes to 4xx with a stable type and a human
 * detail, anything else to a bare 500 (logged with its stack trace, never sent to the client).
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(ClientErrorException.class)
    ResponseEntity<Object> clientError(ClientErrorException e) {
        return problem(Problems.of(e.type(), e.getMessage(), e.violations()));
    }

    @ExceptionHandler(TooManyRequestsException.class)
    ResponseEntity<Object> tooManyRequests(TooManyRequestsException e) {
        return ResponseEntity.status(e.type().status()).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()))
                .body(Problems.of(e.type(), e.getMessage()));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException e) {
        String detail = "'" + e.getValue() + "' is not a valid value for " + e.getName();
        return problem(Problems.of(ProblemType.BAD_PARAMETER, detail, List.of(new FieldViolation(e.getName(), detail))));
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException e) {
        List<FieldViolation> violations = e.getConstraintViolations().stream()
                .map(v -> new FieldViolation(leaf(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return problem(Problems.of(ProblemType.VALIDATION, "Request parameters are invalid", violations));
    }

    @ExceptionHandler(PayloadTooLargeException.class)
    ResponseEntity<Object> tooLarge(PayloadTooLargeException e) {
        return problem(Problems.of(ProblemType.PAYLOAD_TOO_LARGE, e.getMessage()));
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception e) {
        log.error("Unhandled error", e);
        return problem(Problems.of(ProblemType.INTERNAL, "Something went wrong on our side. The request id identifies it in our logs."));
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(validation(e.getBindingResult()));
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldViolation> violations = new ArrayList<>();
        e.getParameterValidationResults().forEach(result -> {
            String name = Objects.requireNonNullElse(result.getMethodParameter().getParameterName(), "parameter");
            result.getResolvableErrors().forEach(error -> violations.add(new FieldViolation(name, error.getDefaultMessage())));
        });
        return problem(Problems.of(ProblemType.VALIDATION, "Request parameters are invalid", violations));
    }

    @Override
    protected ResponseEntity<Object> handleMissingServletRequestParameter(MissingServletRequestParameterException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(Problems.of(ProblemType.BAD_PARAMETER, "Missing request parameter '" + e.getParameterName() + "'"));
    }

    @Override
    protected ResponseEntity<Object> handleHttpMediaTypeNotSupported(HttpMediaTypeNotSupportedException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        String sent = request.getHeader(HttpHeaders.CONTENT_TYPE);
        String use = "; use one of " + e.getSupportedMediaTypes();
        String detail = e.getContentType() != null ? "Content type '" + e.getContentType() + "' is not supported" + use
                : sent == null ? "The request has no Content-Type" + use
                : "Content type '" + sent + "' is not a media type" + use;
        ResponseEntity<Object> response = problem(Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, detail));
        return ResponseEntity.status(response.getStatusCode()).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(response.getBody());
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return problem(unreadable(e));
    }

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception e, @Nullable Object body, HttpHeaders headers,
            HttpStatusCode statusCode, WebRequest request) {
        ProblemType type = ProblemType.forStatus(statusCode.value());
        String detail = body instanceof ProblemDetail pd && pd.getDetail() != null ? pd.getDetail() : type.title();
        ProblemDetail problem = Problems.of(type, detail);
        problem.setStatus(statusCode.value());
        return ResponseEntity.status(statusCode).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }

    static ProblemDetail unreadable(HttpMessageNotReadableException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof PayloadTooLargeException tooLarge) {
                return Problems.of(ProblemType.PAYLOAD_TOO_LARGE, tooLarge.getMessage());
            }
        }
        if (e.getCause() instanceof ClientErrorException error) {
            return Problems.of(error.type(), error.getMessage(), error.violations());
        }
        if (e.getCause() instanceof JacksonException json) {
            ClientErrorException error = JsonErrors.clientError(json);
            return Problems.of(error.type(), error.getMessage(), error.violations());
        }
        return Problems.of(ProblemType.MALFORMED_REQUEST, "The request body is missing or unreadable");
    }

    private static ProblemDetail validation(BindingResult result) {
        List<FieldViolation> violations = new ArrayList<>();
        result.getFieldErrors().forEach(f -> violations.add(new FieldViolation(f.getField(), f.getDefaultMessage())));
        result.getGlobalErrors().forEach(g -> violations.add(new FieldViolation(g.getObjectName(), g.getDefaultMessage())));
        if (violations.isEmpty()) {
            return Problems.of(ProblemType.VALIDATION, "The request is invalid");
        }
        return Problems.of(ProblemType.VALIDATION, ClientErrorException.invalid(violations).getMessage(), violations);
    }

    private static String leaf(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    /**
     * The problem as {@code application/problem+json} whatever the request's {@code Accept} says: a client that asked
     * for XML still learns what went wrong, rather than getting an empty 406 because its error cannot be negotiated.
     */
    private static ResponseEntity<Object> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus()).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

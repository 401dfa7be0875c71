package io.taskstream.platform.web;

import io.taskstream.platform.problem.FieldViolation;
import io.taskstream.platform.problem.ProblemType;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.slf4j.MDC;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/** Builds the problem documents every error path of the API shares. */
public final class Problems {

    private Problems() {
    }

    public static ProblemDetail of(ProblemType type, String detail) {
        return of(type, detail, List.of());
    }

    public static ProblemDetail of(ProblemType type, String detail, List<FieldViolation> violations) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(type.status(), detail);
        problem.setType(type.uri());
        problem.setTitle(type.title());
        if (!violations.isEmpty()) {
            problem.setProperty("errors", violations);
        }
        String requestId = MDC.get(RequestIdFilter.MDC_KEY);
        if (requestId != null) {
            problem.setProperty("requestId", requestId);
        }
        return problem;
    }

    /**
     * The problem for a request refused before it reached the API (by the security firewall or Tomcat itself),
     * of which only the status is known. Its request id is the one on the response, or, when no filter ran to
     * put one there (or the error dispatch runs after they finished), the request's own or a new one, now also
     * on the response.
     */
    static ProblemDetail refused(HttpServletRequest request, HttpServletResponse response, int status) {
        String requestId = response.getHeader(RequestIdFilter.HEADER);
        if (requestId == null) {
            requestId = RequestIdFilter.requestIdOf(request);
            response.setHeader(RequestIdFilter.HEADER, requestId);
        }
        ProblemType type = status == 400 || status == 505 ? ProblemType.BAD_REQUEST : ProblemType.forStatus(status);
        ProblemDetail problem = of(type, type.title());
        problem.setStatus(status);
        problem.setProperty("requestId", requestId);
        return problem;
    }

    /** Answers with the problem outside Spring MVC: from a servlet filter, before any controller. */
    static void write(HttpServletResponse response, JsonMapper json, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}

package io.taskstream.platform.web;

import io.taskstream.platform.problem.ClientErrorException;
import io.taskstream.platform.problem.FieldViolation;
import io.taskstream.platform.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a query string the servlet container cannot decode, such as {@code q=%} (a malformed escape) or
 * {@code =x} (a parameter without a name), with a 400 problem on every route. Tomcat finds out only when something
 * first reads a parameter, and throws there: in a controller, a security filter or Actuator, which would answer
 * a client's typo with a server error. Parameters holding text the API does not store ({@code q=%00}, see
 * {@link JsonText#problem(String)}) are refused here too, with a 400 validation problem naming them, before any
 * search or filter hands them to the database.
 */
public class QueryStringFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    public QueryStringFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getQueryString() != null) {
            Map<String, String[]> parameters;
            try {
                parameters = request.getParameterMap();
            } catch (IllegalStateException undecodable) { // Tomcat's InvalidParameterException
                // Tomcat decodes a form body's parameters along with the query string's.
                String type = request.getContentType();
                String what = type != null && type.startsWith(MediaType.APPLICATION_FORM_URLENCODED_VALUE)
                        ? "The query string or the form body" : "The query string";
                Problems.write(response, json, Problems.of(ProblemType.BAD_PARAMETER, what + " cannot be "
                        + "decoded: write reserved characters as %XX escapes (a literal % as %25) and give every "
                        + "parameter a name"));
                return;
            }
            List<FieldViolation> violations = unstorable(parameters);
            if (!violations.isEmpty()) {
                ClientErrorException invalid = ClientErrorException.invalid(violations);
                Problems.write(response, json, Problems.of(ProblemType.VALIDATION, invalid.getMessage(), violations));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    private static List<FieldViolation> unstorable(Map<String, String[]> parameters) {
        List<FieldViolation> violations = new ArrayList<>();
        parameters.forEach((name, values) -> {
            String problem = JsonText.problem(name);
            if (problem != null) {
                violations.add(new FieldViolation("query", "a parameter's name " + problem));
                return;
            }
            for (String value : values) {
                problem = JsonText.problem(value);
                if (problem != null) {
                    violations.add(new FieldViolation(name, problem));
                    return;
                }
            }
        });
        return violations;
    }
}

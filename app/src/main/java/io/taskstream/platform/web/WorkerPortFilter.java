package io.taskstream.platform.web;

import io.taskstream.platform.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * In a process that does not run the {@code api} role, the HTTP port still serves what the platform calls:
 * Actuator (probes, metrics) and the Dapr sidecar's callbacks (subscriptions, event delivery, jobs). The REST
 * API, MCP and the web app answer 404 there, so a worker reached by mistake is not a second way into the data.
 */
public class WorkerPortFilter extends OncePerRequestFilter {

    private static final List<String> PLATFORM_PREFIXES = List.of("/actuator/", "/dapr/", "/job/");

    private final JsonMapper json;

    public WorkerPortFilter(JsonMapper json) {
        this.json = json;
    }

    static boolean servedByWorkers(String path) {
        return path.equals("/actuator") || PLATFORM_PREFIXES.stream().anyMatch(path::startsWith);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (servedByWorkers(request.getRequestURI().substring(request.getContextPath().length()))) {
            chain.doFilter(request, response);
            return;
        }
        Problems.write(response, json, Problems.of(ProblemType.NOT_FOUND,
                "This process does not run the api role; it serves only /actuator and the Dapr callbacks"));
    }
}

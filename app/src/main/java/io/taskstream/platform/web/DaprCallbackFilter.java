package io.taskstream.platform.web;

import io.taskstream.platform.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The one gate of the Dapr sidecar's callbacks ({@code /dapr/**}: subscriptions and event routes;
 * {@code /job/**}: job triggers), in front of every controller that serves them: a call must carry the app API
 * token in {@code dapr-api-token} (compared in constant time), whatever its peer address or forwarding headers
 * say. Anything else is answered 401 as a problem document and reaches no handler (ADR 033).
 *
 * <p>It is mapped on {@link #URL_PATTERNS}, which the container matches against the decoded, normalised path,
 * the same one Spring MVC routes on (a percent-encoded {@code /%64apr/...} cannot slip past it).
 *
 * <p>Only with no token and the explicit opt-out for local experiments does a call without one pass, and then
 * only from a loopback peer that sent no forwarding header (so no proxy relayed it).
 */
public class DaprCallbackFilter extends OncePerRequestFilter {

    public static final String HEADER = "dapr-api-token";
    public static final String[] URL_PATTERNS = {"/dapr/*", "/job/*"};
    private static final Logger log = LoggerFactory.getLogger(DaprCallbackFilter.class);

    private final byte[] token;
    private final JsonMapper json;

    /** @param token the app API token; null only with the opt-out for local experiments */
    public DaprCallbackFilter(String token, JsonMapper json) {
        this.token = token == null ? null : token.getBytes(StandardCharsets.UTF_8);
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String presented = request.getHeader(HEADER);
        if (token != null ? presented != null && MessageDigest.isEqual(token, presented.getBytes(StandardCharsets.UTF_8))
                : unforwardedLoopback(request)) {
            chain.doFilter(request, response);
            return;
        }
        log.info("Refused a Dapr callback {} {} from {}: {}", request.getMethod(), request.getRequestURI(),
                request.getRemoteAddr(), presented == null ? "no dapr-api-token" : "wrong dapr-api-token");
        Problems.write(response, json, Problems.of(ProblemType.UNAUTHORIZED,
                "Only the Dapr sidecar may call this route: it needs the app API token in 'dapr-api-token'"));
    }

    private static boolean unforwardedLoopback(HttpServletRequest request) {
        if (request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null) {
            return false;
        }
        try {
            // The container's peer address is always a literal: no name is looked up.
            return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}

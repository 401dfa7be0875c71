package io.taskstream.platform.security;

import io.taskstream.platform.problem.ProblemType;
import io.taskstream.platform.web.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * 401 and 403 as problem documents, keeping the RFC 6750 {@code WWW-Authenticate} header that the
 * bearer-token handlers set, with its {@code resource_metadata} from the public URL ({@link ProtectedResource}).
 */
final class ProblemSecurityHandlers implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint bearerEntryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler bearerDenied = new BearerTokenAccessDeniedHandler();
    private final JsonMapper json;
    private final ProtectedResource resource;

    ProblemSecurityHandlers(JsonMapper json, ProtectedResource resource) {
        this.json = json;
        this.resource = resource;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        bearerEntryPoint.commence(request, response, e);
        String challenge = response.getHeader(HttpHeaders.WWW_AUTHENTICATE);
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, resource.challenge(challenge));
        String detail = request.getHeader("Authorization") == null
                ? "This request needs an 'Authorization: Bearer <token>' header"
                : "The bearer token is invalid or expired";
        write(response, ProblemType.UNAUTHORIZED, detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        bearerDenied.handle(request, response, e);
        write(response, ProblemType.FORBIDDEN, "You may not access this resource");
    }

    private void write(HttpServletResponse response, ProblemType type, String detail) throws IOException {
        response.setStatus(type.status().value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), Problems.of(type, detail));
    }
}

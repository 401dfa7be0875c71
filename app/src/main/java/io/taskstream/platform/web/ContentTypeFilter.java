package io.taskstream.platform.web;

import io.taskstream.platform.problem.ProblemType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request whose {@code Content-Type} names no concrete media type, such as {@code *}{@code /*},
 * {@code application/*}, {@code foo} or {@code application/json; charset=nonsense}, with a 415 problem on every route,
 * whatever its method. A wildcard is a pattern a client may accept, never the type of a body it sends; Spring refuses
 * to hold one (or an unparseable one) as a request's content type and throws wherever it first looks (the MCP route's
 * matching looks at every request), which would answer the client's mistake with a server error.
 */
public class ContentTypeFilter extends OncePerRequestFilter {

    private final JsonMapper json;

    public ContentTypeFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String contentType = request.getContentType();
        if (contentType != null) {
            String problem = problem(contentType);
            if (problem != null) {
                Problems.write(response, json, Problems.of(ProblemType.UNSUPPORTED_MEDIA_TYPE,
                        "Content type '" + contentType.strip() + "' " + problem + ": send application/json"));
                return;
            }
        }
        chain.doFilter(request, response);
    }

    /** What is wrong with the content type, or null when it names a concrete media type. */
    private static String problem(String contentType) {
        try {
            MediaType type = MediaType.parseMediaType(contentType);
            return type.isWildcardType() || type.isWildcardSubtype() ? "is a pattern, not the type of a body" : null;
        } catch (InvalidMediaTypeException unparseable) {
            return "is not a media type";
        }
    }
}

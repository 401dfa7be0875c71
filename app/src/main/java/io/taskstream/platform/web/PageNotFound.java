package io.taskstream.platform.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A page address the web app does not know (a mistyped or stale link, {@code /nope}) is answered by the web app
 * itself with 404, so a browser shows the app's own not-found screen rather than a JSON document. Only what a
 * browser navigates to counts as a page: a GET or HEAD that accepts HTML, outside the API, the API description,
 * Actuator, MCP and the asset files, and not naming a file (a missing {@code /logo.png} is no page). Everything else
 * stays a problem document, as {@link ApiExceptionHandler} words it.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class PageNotFound {

    private static final List<String> NOT_PAGES = List.of("/api/", "/v3/", "/actuator", "/mcp", "/swagger-ui",
            "/assets/", "/error", "/.well-known/");

    private final ApiExceptionHandler problems;
    private final Resource app = new ClassPathResource("static/index.html");

    PageNotFound(ApiExceptionHandler problems) {
        this.problems = problems;
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ResponseEntity<?> notFound(NoResourceFoundException e, HttpServletRequest request, WebRequest web) throws Exception {
        if (isPage(request) && app.exists()) {
            return ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_HTML)
                    .cacheControl(CacheControl.noCache()).body(app);
        }
        return problems.handleException(e, web);
    }

    static boolean isPage(HttpServletRequest request) {
        String method = request.getMethod();
        if (!HttpMethod.GET.matches(method) && !HttpMethod.HEAD.matches(method)) {
            return false;
        }
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.equals("/api") || NOT_PAGES.stream().anyMatch(path::startsWith)) {
            return false;
        }
        if (path.substring(path.lastIndexOf('/') + 1).contains(".")) {
            return false;
        }
        String accept = request.getHeader("Accept");
        return accept != null && MediaType.parseMediaTypes(accept).stream()
                .anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }
}

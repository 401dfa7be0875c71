package io.taskstream.platform.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URI;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Renders the errors that reach the servlet container's error page instead of a controller (a URL the
 * security firewall rejects, a method Tomcat refuses such as TRACE) as problem documents like every
 * other error; Boot's default controller would answer with a JSON shape of its own. Replaces it. What Tomcat
 * refuses before dispatching at all is {@link ProblemErrorReportValve}'s.
 */
@RestController
class ProblemErrorController implements ErrorController {

    @RequestMapping("${server.error.path:/error}")
    ResponseEntity<ProblemDetail> error(HttpServletRequest request, HttpServletResponse response) {
        // Asked for directly, the error page is no resource of the API: nothing went wrong but the address.
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code ? code : 404;
        ProblemDetail problem = Problems.refused(request, response, status);
        // The refused request's path, not the error page's ("/error"), which Spring would fill in.
        if (request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String path) {
            try {
                problem.setInstance(URI.create(path));
            } catch (IllegalArgumentException notAUri) {
                // a path the firewall refused for its characters: the problem goes without it
            }
        }
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
    }
}

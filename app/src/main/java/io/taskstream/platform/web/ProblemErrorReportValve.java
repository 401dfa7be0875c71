package io.taskstream.platform.web;

import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Lifecycle;
import org.apache.catalina.Valve;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import tools.jackson.databind.json.JsonMapper;

/**
 * Tomcat's answer to a request it refuses before any filter or servlet runs (a malformed request line or header,
 * a header over the size limit, a character a URL may not hold, an unknown HTTP version): a problem document like
 * every other error instead of Tomcat's HTML page. Errors the application answered itself pass untouched.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

    /**
     * One line per request Tomcat refused while reading it. Tomcat's own report of it (the first one a day at INFO,
     * with the whole stack trace) is switched off in {@code application.yaml}: a client's oversized header is no
     * fault of the server's.
     */
    private static final Logger log = LoggerFactory.getLogger(ProblemErrorReportValve.class);

    private final JsonMapper json;

    private ProblemErrorReportValve(JsonMapper json) {
        this.json = json;
    }

    /**
     * Makes the valve the host's only error report valve: named as the host's class for it, Tomcat neither adds
     * its own at start nor looks for another when it refuses a request outside the pipeline; and it replaces,
     * once all are there, the one Spring Boot adds while it prepares the context.
     */
    static void replaceErrorReports(StandardHost host, JsonMapper json) {
        host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        host.addLifecycleListener(event -> {
            if (Lifecycle.BEFORE_START_EVENT.equals(event.getType())) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.getPipeline().addValve(new ProblemErrorReportValve(json));
            }
        });
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean();
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        ProblemDetail problem = Problems.refused(request, response, status);
        if (throwable != null) {
            log.info("Refused a request Tomcat could not read ({} {}, request id {}): {}", status, problem.getTitle(),
                    problem.getProperties() == null ? null : problem.getProperties().get("requestId"),
                    oneLine(throwable.getMessage()));
        }
        BrowserPolicyHeaders.apply(response);
        try {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(problem));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException ignored) {
            // the client is gone or the response committed meanwhile: nothing more to tell, as Tomcat's own valve
        }
    }

    /** A client's text, such as a header it sent, on one line and short. */
    private static String oneLine(String text) {
        if (text == null) {
            return "no reason given";
        }
        String line = text.replaceAll("[\\r\\n\\t]+", " ").strip();
        return line.length() > 200 ? line.substring(0, 200) + "…" : line;
    }
}

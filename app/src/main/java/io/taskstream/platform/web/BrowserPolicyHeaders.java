package io.taskstream.platform.web;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;

/**
 * What a browser may do with any page or document this server answers with: send no {@code Referer} from it (a task
 * link in a description must not tell another site the page's URL, which holds the user's id), and use none of the
 * powerful features (camera, microphone, location, payment, devices, …) the web app never needs. Browser
 * notifications are not a Permissions-Policy feature, so the reminders' pop-ups keep working.
 * <p>
 * Set by a Tomcat engine valve, before any error page or filter, so that every answer carries them: the API's, the web
 * app's files, Actuator's (also on a management port of its own), problems from the filters in front of Spring
 * Security, from its firewall and from Tomcat's error pages, and (through {@link ProblemErrorReportValve}) what Tomcat
 * refuses before any valve runs.
 */
public final class BrowserPolicyHeaders {

    public static final String REFERRER_POLICY = "no-referrer";
    /** Only features Chromium knows: an unknown one is a console error there (other browsers skip unknown ones). */
    public static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), display-capture=(), geolocation=(), "
            + "gyroscope=(), hid=(), idle-detection=(), magnetometer=(), microphone=(), midi=(), payment=(), "
            + "publickey-credentials-get=(), screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()";

    private BrowserPolicyHeaders() {
    }

    static void apply(HttpServletResponse response) {
        if (!response.isCommitted()) {
            response.setHeader("Referrer-Policy", REFERRER_POLICY);
            response.setHeader("Permissions-Policy", PERMISSIONS_POLICY);
        }
    }

    /** The valve that sets them on every request the server's engine passes on, before any host or context sees it. */
    static ValveBase valve() {
        return new Valve();
    }

    private static final class Valve extends ValveBase {

        Valve() {
            super(true);
        }

        @Override
        public void invoke(Request request, Response response) throws IOException, ServletException {
            apply(response);
            getNext().invoke(request, response);
        }
    }
}

package io.taskstream.platform.web;

import io.taskstream.platform.TaskstreamProperties;
import io.taskstream.platform.roles.ConditionalOnRole;
import io.taskstream.platform.roles.Role;
import java.net.InetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Once the app serves requests, one line saying where to open it ({@code ./run.sh}, {@code java -jar}): among the
 * start-up lines, the one a person starting it looks for.
 */
@Component
@ConditionalOnRole(Role.API)
class ReadyLine {

    private static final Logger log = LoggerFactory.getLogger(ReadyLine.class);

    private final TaskstreamProperties properties;
    private final Environment environment;

    ReadyLine(TaskstreamProperties properties, Environment environment) {
        this.properties = properties;
        this.environment = environment;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof WebServerApplicationContext web && web.getWebServer() != null) {
            log.info("Taskstream is ready: open {}", url(web.getWebServer().getPort()));
        }
    }

    /** The public URL when one is set, else this machine's address as the server listens on it. */
    String url(int port) {
        if (properties.publicUrl() != null) {
            return properties.publicUrl().toString();
        }
        String address = environment.getProperty("server.address");
        String host = address == null || address.isBlank() || anyLocal(address) ? "localhost"
                : address.contains(":") ? "[" + address + "]" : address;
        return "http://" + host + ":" + port + "/";
    }

    private static boolean anyLocal(String address) {
        try {
            return InetAddress.getByName(address).isAnyLocalAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }
}

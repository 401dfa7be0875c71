package io.taskstream.platform.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.config.MeterFilterReply;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Keeps the exported metrics within Prometheus's naming conventions, as {@code promtool check metrics} checks them:
 * the libraries' meters that have no description get one (Prometheus's help text), and the few whose names carry
 * an abbreviated unit ({@code _ms}, {@code _ns}) or a {@code _count} suffix without being a histogram are not
 * exported (the Kafka clients' timings in nanoseconds and connection counts, the JVM's compilation time, the
 * process CPU time and CPU count: the dashboards and alerts use none of them; {@code process_cpu_usage},
 * {@code jvm_*} and the Kafka consumer lag stay). deploy/monitoring/metrics.md lists what is exported.
 */
@Configuration(proxyBeanMethods = false)
class MetricNaming {

    /** Help texts of the libraries' meters that come without one (Spring's observations, Tomcat). */
    static final Map<String, String> HELP = Map.ofEntries(
            Map.entry("http.server.requests", "HTTP requests served, by route template, method, status and outcome"),
            Map.entry("http.server.requests.active", "HTTP requests in progress"),
            Map.entry("tasks.scheduled.execution", "runs of scheduled work"),
            Map.entry("tasks.scheduled.execution.active", "scheduled work in progress"),
            Map.entry("tomcat.sessions.active.current", "open servlet sessions (the API keeps none)"),
            Map.entry("tomcat.sessions.active.max", "most servlet sessions open at once"),
            Map.entry("tomcat.sessions.alive.max", "longest time a servlet session was alive"),
            Map.entry("tomcat.sessions.created", "servlet sessions created"),
            Map.entry("tomcat.sessions.expired", "servlet sessions expired"),
            Map.entry("tomcat.sessions.rejected", "servlet sessions refused"));

    @Bean
    MeterFilter prometheusNaming() {
        return new MeterFilter() {
            @Override
            public MeterFilterReply accept(Meter.Id id) {
                return abbreviatedOrMisnamed(id.getName()) ? MeterFilterReply.DENY : MeterFilterReply.NEUTRAL;
            }

            @Override
            public Meter.Id map(Meter.Id id) {
                if (id.getDescription() != null && !id.getDescription().isBlank()) {
                    return id;
                }
                String help = HELP.getOrDefault(id.getName(), id.getName().replace('.', ' '));
                return new Meter.Id(id.getName(), io.micrometer.core.instrument.Tags.of(id.getTagsAsIterable()),
                        id.getBaseUnit(), help, id.getType());
            }
        };
    }

    /** A name with an abbreviated unit or a {@code count} that Prometheus would read as a histogram's. */
    static boolean abbreviatedOrMisnamed(String name) {
        return name.endsWith(".ns") || name.contains(".ns.") || name.endsWith(".ms") || name.contains(".ms.")
                || name.equals("jvm.compilation.time") || name.equals("process.cpu.time")
                || name.equals("system.cpu.count")
                || name.startsWith("kafka.") && name.endsWith(".connection.count");
    }
}

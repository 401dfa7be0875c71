package io.taskstream.support;

import io.taskstream.platform.TaskstreamProperties;
import javax.sql.DataSource;

/**
 * One more replica of the application for the whole test JVM, on the {@link ApiIT} context's database, with the
 * settings the shared context must not have: a public URL, quotas small enough to reach in a test, and Actuator on a
 * management port of its own (as in Kubernetes). Started by the
 * first test that asks for it, shared by every later one (a context costs seconds of the suite's time), stopped with
 * the JVM (Spring's shutdown hook). Its relay is off: the first instance publishes every event.
 */
public final class ConfiguredInstance {

    public static final String PUBLIC_URL = "https://tasks.example.com";
    public static final int OPEN_TASKS = 5;
    public static final int CONVERSATIONS = 3;
    public static final int LIVE_STREAMS = 2;
    public static final int CHAT_MESSAGES_PER_MINUTE = 4;

    private static SecondInstance instance;

    private ConfiguredInstance() {
    }

    /** The instance's port, started on first use. */
    public static synchronized int port(DataSource dataSource, TaskstreamProperties properties) {
        if (instance == null) {
            instance = SecondInstance.sharing(dataSource, properties.dataDir().toAbsolutePath().toString(),
                    "--taskstream.events.relay.enabled=false",
                    "--management.server.port=0",
                    "--taskstream.public-url=" + PUBLIC_URL + "/",
                    "--taskstream.quotas.open-tasks=" + OPEN_TASKS,
                    "--taskstream.quotas.conversations=" + CONVERSATIONS,
                    "--taskstream.quotas.live-streams=" + LIVE_STREAMS,
                    "--taskstream.quotas.chat-messages.per-user=" + CHAT_MESSAGES_PER_MINUTE,
                    "--taskstream.quotas.chat-messages.period=PT1M");
        }
        return instance.port();
    }

    /** The port Actuator listens on, apart from the app's. */
    public static synchronized int managementPort(DataSource dataSource, TaskstreamProperties properties) {
        port(dataSource, properties);
        return Integer.parseInt(instance.bean(org.springframework.core.env.Environment.class)
                .getRequiredProperty("local.management.port"));
    }
}

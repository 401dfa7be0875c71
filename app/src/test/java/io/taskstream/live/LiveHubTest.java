package io.taskstream.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.taskstream.events.CloudEvent;
import io.taskstream.events.PublishedEvents;
import io.taskstream.events.Topic;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

class LiveHubTest {

    private static final PublishedEvents NOTHING_PUBLISHED = new PublishedEvents() {
        @Override
        public List<CloudEvent> after(Topic topic, String key, long position, int limit) {
            return List.of();
        }

        @Override
        public long oldestRetainedPosition() {
            return Long.MAX_VALUE;
        }
    };

    @Test
    void stoppingEndsEveryOpenStreamBeforeTheWebServerWaitsForActiveRequests() throws Exception {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        LiveHub hub = new LiveHub(NOTHING_PUBLISHED, meters, new io.taskstream.platform.QuotaProperties(10_000, 100, 20,
                new io.taskstream.platform.QuotaProperties.ChatMessages(30, java.time.Duration.ofMinutes(1))),
                new org.springframework.beans.factory.support.StaticListableBeanFactory()
                        .getBeanProvider(io.taskstream.platform.security.SessionVerifier.class));
        try {
            hub.start();
            SseEmitter first = hub.open(UUID.randomUUID(), java.util.Optional.empty(), null);
            SseEmitter second = hub.open(UUID.randomUUID(), java.util.Optional.empty(), null);
            assertThat(meters.get("taskstream.live.streams").gauge().value()).isEqualTo(2);

            hub.stop();

            assertThat(hub.isRunning()).isFalse();
            assertThat(meters.get("taskstream.live.streams").gauge().value()).isZero();
            for (SseEmitter emitter : List.of(first, second)) {
                assertThatThrownBy(() -> emitter.send(SseEmitter.event().comment("still open?")))
                        .as("the stream was completed").isInstanceOf(IllegalStateException.class);
            }
            assertThat(hub.getPhase()).as("stops before the graceful shutdown of the web server")
                    .isGreaterThan(WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE);
        } finally {
            hub.destroy();
        }
    }
}

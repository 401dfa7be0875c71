package io.taskstream.events;

import static io.taskstream.support.TaskJson.task;
import static org.assertj.core.api.Assertions.assertThat;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SpanProcessor;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.taskstream.support.EventSchemas;
import io.taskstream.support.Eventually;
import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Session;
import io.taskstream.support.KafkaBroker;
import io.taskstream.support.UsesKafkaBroker;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/**
 * With tracing on, one trace runs from the HTTP request that changed a task, through the outbox, the relay's
 * publication span and Kafka (CloudEvent {@code traceparent} attribute and record header), to the consumer's span,
 * and on through the events the consumer writes.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "taskstream.data-dir=target/it-data/${random.uuid}",
        "taskstream.events.transport=kafka",
        "management.tracing.export.enabled=true",
        "management.tracing.sampling.probability=1.0"})
@Import(UsesKafkaBroker.class)
class EventTracingIT {

    /** Every finished span, exported synchronously. */
    static final InMemorySpanExporter SPANS = InMemorySpanExporter.create();

    @TestConfiguration(proxyBeanMethods = false)
    static class Spans {
        @Bean
        SpanProcessor inMemorySpans() {
            return SimpleSpanProcessor.create(SPANS);
        }
    }

    @LocalServerPort
    int port;
    @Autowired
    JsonMapper json;

    HttpApi api;

    @BeforeEach
    void connect() {
        api = new HttpApi(port);
    }

    @Test
    void theEventOfAChangeCarriesTheRequestsTraceAndTheConsumerContinuesIt() {
        Session ann = api.signup();
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpan = HexFormat.of().formatHex(randomBytes(8));

        var created = api.withHeader("traceparent", "00-" + traceId + "-" + callerSpan + "-01").as(ann)
                .post(ann.tasks(), task("Traced").json());
        assertThat(created.status()).isEqualTo(201);

        ConsumerRecord<String, String> record = Eventually.await(Duration.ofSeconds(60),
                () -> KafkaBroker.shared().readAll("task-events", Duration.ofMillis(500)).stream()
                        .filter(r -> ann.userId().equals(r.key())).findFirst().orElse(null),
                r -> r != null);
        String attribute = json.readTree(record.value()).get("traceparent").asString();
        assertThat(attribute).matches("00-" + traceId + "-[0-9a-f]{16}-01").doesNotContain(callerSpan);
        assertThat(new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8)).isEqualTo(attribute);

        List<SpanData> consumed = Eventually.await(Duration.ofSeconds(60), () -> SPANS.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("audit process") && s.getTraceId().equals(traceId)).toList(),
                spans -> !spans.isEmpty());
        SpanData audit = consumed.getFirst();
        assertThat(audit.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(audit.getParentSpanId()).as("the span that wrote the event").isEqualTo(attribute.substring(36, 52));
        assertThat(SPANS.getFinishedSpanItems()).as("the request's server span")
                .anySatisfy(s -> {
                    assertThat(s.getTraceId()).isEqualTo(traceId);
                    assertThat(s.getKind()).isEqualTo(SpanKind.SERVER);
                    assertThat(s.getParentSpanId()).isEqualTo(callerSpan);
                });
    }

    @Test
    void aRequestWithoutTraceContextStartsATraceThatItsEventsCarry() {
        Session bob = api.signup();
        api.as(bob).post(bob.tasks(), task("Untraced").json());

        ConsumerRecord<String, String> record = Eventually.await(Duration.ofSeconds(60),
                () -> KafkaBroker.shared().readAll("task-events", Duration.ofMillis(500)).stream()
                        .filter(r -> bob.userId().equals(r.key())).findFirst().orElse(null),
                r -> r != null);

        // The request itself is traced (a new trace starts at the server), so the event carries that one.
        String attribute = json.readTree(record.value()).get("traceparent").asString();
        assertThat(attribute).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");
        assertThat(EventSchemas.validate(json.readTree(record.value()))).isEmpty();
    }

    @Test
    void completingARecurringTaskTracesTheNextOccurrenceFromTheRequestThroughTheRecurrenceConsumer() {
        Session cat = api.signup();
        var created = api.as(cat).post(cat.tasks(), task("Water the plants").due("2030-01-07T09:00")
                .recurrence("FREQ=DAILY").json());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        long id = created.json().get("id").asLong();
        String traceId = HexFormat.of().formatHex(randomBytes(16));
        String callerSpan = HexFormat.of().formatHex(randomBytes(8));

        var completed = api.withHeader("traceparent", "00-" + traceId + "-" + callerSpan + "-01").as(cat)
                .send(cat.complete(id), "PATCH", "application/json", "{\"completed\":true}");
        assertThat(completed.status()).as(completed.toString()).isEqualTo(200);

        // request → outbox publish task-events (completed) → recurrence process → outbox publish task-events
        // (the next occurrence's created) → audit process
        SpanData audit = Eventually.await(Duration.ofSeconds(60), () -> inTrace(traceId).stream()
                .filter(s -> s.getName().equals("audit process") && "taskstream.task.created".equals(eventType(s)))
                .findFirst().orElse(null), s -> s != null);
        Map<String, SpanData> trace = inTrace(traceId).stream()
                .collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));

        SpanData nextPublished = trace.get(audit.getParentSpanId());
        assertThat(nextPublished.getName()).isEqualTo("outbox publish task-events");
        assertThat(nextPublished.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(eventType(nextPublished)).isEqualTo("taskstream.task.created");

        SpanData recurrence = trace.get(nextPublished.getParentSpanId());
        assertThat(recurrence.getName()).as("the next occurrence is written inside the consumer's span")
                .isEqualTo("recurrence process");
        assertThat(recurrence.getKind()).isEqualTo(SpanKind.CONSUMER);
        assertThat(eventType(recurrence)).isEqualTo("taskstream.task.completed");

        SpanData completionPublished = trace.get(recurrence.getParentSpanId());
        assertThat(completionPublished.getName()).isEqualTo("outbox publish task-events");
        assertThat(completionPublished.getKind()).isEqualTo(SpanKind.PRODUCER);
        assertThat(eventType(completionPublished)).isEqualTo("taskstream.task.completed");

        List<SpanData> toTheRequest = ancestors(completionPublished, trace);
        assertThat(toTheRequest).as("the publication descends from the request's server span")
                .anySatisfy(s -> {
                    assertThat(s.getKind()).isEqualTo(SpanKind.SERVER);
                    assertThat(s.getParentSpanId()).isEqualTo(callerSpan);
                });
    }

    @Test
    void aFiredReminderStartsATraceThatTheNotifierContinuesWhenItMakesTheNotification() {
        Session dan = api.signup();
        Instant remindAt = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.SECONDS);
        var created = api.as(dan).post(dan.tasks(), task("Call the plumber")
                .due(Instant.now().plus(Duration.ofHours(1)).toString()).remindAt(remindAt.toString()).json());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        // reminders fire → outbox publish reminders → notifier process (the notification is made in it)
        SpanData notifier = Eventually.await(Duration.ofSeconds(60), () -> SPANS.getFinishedSpanItems().stream()
                .filter(s -> s.getName().equals("notifier process")
                        && "taskstream.reminder.due".equals(eventType(s)))
                .findFirst().orElse(null), s -> s != null);
        Map<String, SpanData> trace = inTrace(notifier.getTraceId()).stream()
                .collect(Collectors.toMap(SpanData::getSpanId, Function.identity()));
        SpanData published = trace.get(notifier.getParentSpanId());
        assertThat(published.getName()).isEqualTo("outbox publish reminders");
        assertThat(published.getKind()).isEqualTo(SpanKind.PRODUCER);
        SpanData fired = trace.get(published.getParentSpanId());
        assertThat(fired.getName()).isEqualTo("reminders fire");
        assertThat(fired.getParentSpanContext().isValid()).as("a trace of its own").isFalse();
        assertThat(fired.getAttributes().get(AttributeKey.stringKey("taskstream.reminders.fired"))).isEqualTo("1");

        var notifications = Eventually.await(Duration.ofSeconds(30),
                () -> api.as(dan).get("/api/" + dan.userId() + "/notifications"),
                r -> r.status() == 200 && r.body().contains("Call the plumber"));
        assertThat(notifications.status()).isEqualTo(200);
    }

    /** The spans finished so far in the trace. */
    private static List<SpanData> inTrace(String traceId) {
        return SPANS.getFinishedSpanItems().stream().filter(s -> s.getTraceId().equals(traceId)).toList();
    }

    private static String eventType(SpanData span) {
        return span.getAttributes().get(AttributeKey.stringKey("cloudevents.event_type"));
    }

    /** The span's parent, its parent's parent, and so on, as far as they are in the trace. */
    private static List<SpanData> ancestors(SpanData span, Map<String, SpanData> trace) {
        List<SpanData> ancestors = new java.util.ArrayList<>();
        Optional<SpanData> parent = Optional.ofNullable(trace.get(span.getParentSpanId()));
        while (parent.isPresent()) {
            ancestors.add(parent.get());
            parent = Optional.ofNullable(trace.get(parent.get().getParentSpanId()));
        }
        return ancestors;
    }

    private static byte[] randomBytes(int n) {
        byte[] bytes = new byte[n];
        ThreadLocalRandom.current().nextBytes(bytes);
        return bytes;
    }
}

package io.taskstream.events;

import io.taskstream.platform.config.DaprProperties;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Publishes through the Dapr sidecar's pub/sub API, one event at a time in order:
 * {@code POST /v1.0/publish/{pubsub}/{topic}?metadata.partitionKey={user}} with the structured CloudEvent
 * as {@code application/cloudevents+json}, which Dapr forwards as is (no second envelope). The partition
 * key keeps one user's events on one Kafka partition. Any answer but 2xx fails the batch, so the relay
 * retries it. See https://docs.dapr.io/reference/api/pubsub_api/.
 */
class DaprTransport implements EventTransport {

    private final HttpClient http = HttpClient.newBuilder().build();
    private final DaprProperties sidecar;
    private final String pubsub;

    DaprTransport(DaprProperties sidecar, EventsProperties properties) {
        this.sidecar = sidecar;
        this.pubsub = properties.dapr().pubsub();
    }

    @Override
    public void publish(List<OutboundMessage> batch) throws Exception {
        for (OutboundMessage message : batch) {
            URI uri = URI.create(sidecar.baseUrl() + "/v1.0/publish/" + encode(pubsub) + "/" + encode(message.topicName())
                    + "?metadata.partitionKey=" + encode(message.key()));
            HttpRequest.Builder request = HttpRequest.newBuilder(uri)
                    .timeout(sidecar.timeout())
                    .header("Content-Type", CloudEvent.CONTENT_TYPE)
                    .POST(HttpRequest.BodyPublishers.ofString(message.json()));
            if (sidecar.apiToken() != null) {
                request.header("dapr-api-token", sidecar.apiToken());
            }
            if (message.event().traceparent() != null) {
                // Dapr continues the trace from this header (the attribute travels inside the event too).
                request.header(EventTracing.TRACEPARENT, message.event().traceparent());
            }
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() / 100 != 2) {
                throw new IllegalStateException("Dapr publish to " + message.topicName() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}

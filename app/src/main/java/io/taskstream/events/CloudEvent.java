package io.taskstream.events;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;
import tools.jackson.databind.JsonNode;

/**
 * A CloudEvents 1.0 event in structured JSON mode. {@code userid} is our extension attribute (the owner,
 * also the record key); {@code sequence} is the position the relay gave the event when it published it
 * (absent before); {@code traceparent} carries W3C trace context when tracing is on. Extension
 * attributes we do not know (a broker or Dapr may add some) are ignored.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonIgnoreProperties(ignoreUnknown = true)
public record CloudEvent(
        String specversion,
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String datacontenttype,
        String userid,
        String traceparent,
        String sequence,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String CONTENT_TYPE = "application/cloudevents+json";

    /**
     * The id must be a UUID: every event Taskstream publishes has one, and consumers record the events they applied
     * by it. An event with any other id is unreadable, like one without an id (a transport drops or dead-letters it).
     */
    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        UUID.fromString(id);
    }

    /** A new event with a random id and JSON data. */
    public static CloudEvent of(String source, String type, String subject, Instant time, String userId, JsonNode data) {
        return new CloudEvent(SPEC_VERSION, UUID.randomUUID().toString(), source, type, subject, time, "application/json",
                userId, null, null, data);
    }

    public CloudEvent withSequence(long position) {
        return new CloudEvent(specversion, id, source, type, subject, time, datacontenttype, userid, traceparent,
                Long.toString(position), data);
    }

    public CloudEvent withTraceparent(String traceContext) {
        return new CloudEvent(specversion, id, source, type, subject, time, datacontenttype, userid, traceContext, sequence,
                data);
    }

    public UUID eventId() {
        return UUID.fromString(id);
    }
}

package io.taskstream.audit;

import io.taskstream.audit.AuditRepository.AuditEntry;
import io.taskstream.events.CloudEvent;
import io.taskstream.events.EventHandler;
import io.taskstream.events.Topic;
import io.taskstream.platform.roles.ConditionalOnRole;
import io.taskstream.platform.roles.Role;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;

/** Appends one history entry per task event (the event id is unique, so a replay adds nothing). */
@Component
@ConditionalOnRole(Role.AUDIT)
class AuditHandler implements EventHandler {

    private final AuditRepository log;
    private final Clock clock;

    AuditHandler(AuditRepository log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public Topic topic() {
        return Topic.TASK_EVENTS;
    }

    @Override
    public void handle(CloudEvent event) {
        handleAll(List.of(event));
    }

    @Override
    public void handleAll(List<CloudEvent> events) {
        log.append(events.stream().map(AuditHandler::entry).toList(), clock.instant());
    }

    private static AuditEntry entry(CloudEvent event) {
        JsonNode data = event.data();
        List<String> changed = null;
        if (data.hasNonNull("changedFields")) {
            changed = new ArrayList<>();
            for (JsonNode field : data.get("changedFields")) {
                changed.add(field.asString());
            }
        }
        return new AuditEntry(event.id(), UUID.fromString(data.get("userId").asString()), data.get("taskId").asLong(),
                data.get("eventType").asString(), data.path("door").asString("rest"), changed, data.get("task"),
                event.time());
    }
}

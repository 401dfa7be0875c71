package io.taskstream.notification;

import io.taskstream.events.CloudEvent;
import io.taskstream.events.EventsProperties;
import io.taskstream.events.Outbox;
import io.taskstream.events.Topic;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Tells the user's open pages that notifications became read (or unread again): a
 * {@code taskstream.notification.read} event on task-updates, keyed by user, written in the caller's transaction,
 * which the live stream sends as SSE event {@code notification}. So a notification read on one tab, by completing
 * or deleting its task, or by snoozing it, stops counting and leaves its pop-up on every tab.
 */
@Component
class ReadAnnouncements {

    static final String READ = "taskstream.notification.read";

    private final Outbox outbox;
    private final JsonMapper json;
    private final Clock clock;
    private final String source;

    ReadAnnouncements(Outbox outbox, JsonMapper json, Clock clock, EventsProperties events) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.source = events.source() + "/notifications";
    }

    /** Announces that the user's notifications {@code ids} are now read (or unread); nothing when there are none. */
    void announce(UUID user, List<Long> ids, boolean read) {
        if (ids.isEmpty()) {
            return;
        }
        ObjectNode data = json.createObjectNode().put("read", read).put("userId", user.toString());
        ids.forEach(data.putArray("ids")::add);
        outbox.append(Topic.TASK_UPDATES, CloudEvent.of(source, READ, user.toString(), clock.instant(), user.toString(), data));
    }
}

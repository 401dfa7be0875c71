package io.taskstream.live;

import io.taskstream.events.CloudEvent;
import io.taskstream.events.EventHandler;
import io.taskstream.events.Topic;
import io.taskstream.platform.roles.ConditionalOnRole;
import io.taskstream.platform.roles.Role;
import org.springframework.stereotype.Component;

/** Every API replica receives every task update (broadcast) and pushes it to its own open streams. */
@Component
@ConditionalOnRole(Role.API)
class LiveUpdatesHandler implements EventHandler {

    private final LiveHub hub;

    LiveUpdatesHandler(LiveHub hub) {
        this.hub = hub;
    }

    @Override
    public String name() {
        return "live";
    }

    @Override
    public Topic topic() {
        return Topic.TASK_UPDATES;
    }

    @Override
    public Delivery delivery() {
        return Delivery.BROADCAST;
    }

    @Override
    public void handle(CloudEvent event) {
        hub.publish(event);
    }
}

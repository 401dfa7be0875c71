package io.taskstream.notification;

import io.taskstream.account.ExportSection;
import io.taskstream.account.UserId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The user's notifications and notification settings in the data export; never the webhook's secret. */
@Component
class NotificationExport implements ExportSection {

    private final NotificationRepository repository;
    private final JsonMapper json;

    NotificationExport(NotificationRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    @Override
    public String name() {
        return "notifications";
    }

    @Override
    public JsonNode export(UserId user) {
        return json.readTree(repository.export(user.value()));
    }
}

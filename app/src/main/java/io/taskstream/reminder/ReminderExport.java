package io.taskstream.reminder;

import io.taskstream.account.ExportSection;
import io.taskstream.account.UserId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The reminders that fired for the user, in the data export (the pending ones are on their tasks). */
@Component
class ReminderExport implements ExportSection {

    private final ReminderRepository repository;
    private final JsonMapper json;

    ReminderExport(ReminderRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    @Override
    public String name() {
        return "reminderFirings";
    }

    @Override
    public JsonNode export(UserId user) {
        return json.readTree(repository.export(user.value()));
    }
}

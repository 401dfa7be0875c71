package io.taskstream.task;

import io.taskstream.account.ExportSection;
import io.taskstream.account.UserId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The user's tasks in the data export, with their recurrence and reminders. */
@Component
class TaskExport implements ExportSection {

    private final TaskRepository repository;
    private final JsonMapper json;

    TaskExport(TaskRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    @Override
    public String name() {
        return "tasks";
    }

    @Override
    public JsonNode export(UserId user) {
        return json.readTree(repository.export(user.value()));
    }
}

package io.taskstream.audit;

import io.taskstream.account.ExportSection;
import io.taskstream.account.UserId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The user's activity history in the data export. */
@Component
class AuditExport implements ExportSection {

    private final AuditRepository repository;
    private final JsonMapper json;

    AuditExport(AuditRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    @Override
    public String name() {
        return "history";
    }

    @Override
    public JsonNode export(UserId user) {
        return json.readTree(repository.export(user.value()));
    }
}

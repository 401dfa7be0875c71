package io.taskstream.assistant.chat;

import io.taskstream.account.ExportSection;
import io.taskstream.account.UserId;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The user's conversations with the assistant, with their messages, in the data export. */
@Component
class ConversationExport implements ExportSection {

    private final ConversationRepository repository;
    private final JsonMapper json;

    ConversationExport(ConversationRepository repository, JsonMapper json) {
        this.repository = repository;
        this.json = json;
    }

    @Override
    public String name() {
        return "conversations";
    }

    @Override
    public JsonNode export(UserId user) {
        return json.readTree(repository.export(user.value()));
    }
}

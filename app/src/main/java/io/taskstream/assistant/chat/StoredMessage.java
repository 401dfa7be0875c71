package io.taskstream.assistant.chat;

import java.time.Instant;
import java.util.Locale;
import java.util.UUID;

/** One message of a conversation as stored; tool messages carry one executed call as JSON. */
record StoredMessage(long id, UUID userId, long conversationId, Role role, String content, Instant createdAt) {

    enum Role {
        USER, ASSISTANT, TOOL;

        String db() {
            return name().toLowerCase(Locale.ROOT);
        }

        static Role of(String db) {
            return valueOf(db.toUpperCase(Locale.ROOT));
        }
    }
}

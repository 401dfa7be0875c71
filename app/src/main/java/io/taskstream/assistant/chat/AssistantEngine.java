package io.taskstream.assistant.chat;

import io.taskstream.assistant.tools.ToolActor;
import io.taskstream.assistant.tools.ToolCall;
import java.time.ZonedDateTime;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Answers one chat turn, acting through the task tools. Holds no state between turns. */
interface AssistantEngine {

    Reply reply(Turn turn);

    /** The engine's name in metrics: offline or model. */
    String name();

    /**
     * Everything a turn is answered from.
     *
     * @param history earlier messages of the conversation, oldest first (without {@code message})
     * @param pending the question the previous turn asked, or null
     */
    record Turn(ToolActor actor, ZonedDateTime now, List<StoredMessage> history, String message, JsonNode pending) {
    }

    /**
     * @param pending the question this reply asks and the next turn may answer, or null
     */
    record Reply(String response, List<ToolCall> toolCalls, JsonNode pending) {

        public Reply {
            toolCalls = List.copyOf(toolCalls);
        }

        static Reply text(String response) {
            return new Reply(response, List.of(), null);
        }
    }
}

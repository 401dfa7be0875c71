package io.taskstream.assistant;

import io.taskstream.support.HttpApi;
import io.taskstream.support.HttpApi.Response;
import io.taskstream.support.HttpApi.Session;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Talks to the chat endpoint as one user, optionally continuing a conversation. */
final class ChatApi {

    private final HttpApi api;
    private final Session user;

    ChatApi(HttpApi api, Session user) {
        this.api = api.as(user);
        this.user = user;
    }

    Response send(Long conversationId, String message) {
        ObjectNode body = HttpApi.JSON.createObjectNode().put("message", message);
        if (conversationId != null) {
            body.put("conversationId", conversationId);
        }
        return api.post("/api/" + user.userId() + "/chat", body.toString());
    }

    /** Sends in a new conversation and expects success. */
    JsonNode say(String message) {
        return ok(send(null, message));
    }

    /** Sends in the given conversation and expects success. */
    JsonNode say(long conversationId, String message) {
        return ok(send(conversationId, message));
    }

    Response conversations() {
        return api.get("/api/" + user.userId() + "/conversations");
    }

    Response messages(long conversationId) {
        return api.get("/api/" + user.userId() + "/conversations/" + conversationId + "/messages");
    }

    Response delete(long conversationId) {
        return api.delete("/api/" + user.userId() + "/conversations/" + conversationId);
    }

    private static JsonNode ok(Response response) {
        if (response.status() != 200) {
            throw new AssertionError("chat failed: " + response);
        }
        return response.json();
    }
}

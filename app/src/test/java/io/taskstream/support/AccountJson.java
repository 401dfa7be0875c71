package io.taskstream.support;

import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * Test data builder for sign-up bodies: a unique email and {@link HttpApi#PASSWORD} unless a test says
 * otherwise; only what is set is sent ({@link #without(String)} drops a member, {@code null} sends null).
 */
public final class AccountJson {

    private final ObjectNode node = HttpApi.JSON.createObjectNode();

    private AccountJson() {
        node.put("email", "user-" + UUID.randomUUID() + "@example.com");
        node.put("password", HttpApi.PASSWORD);
    }

    public static AccountJson account() {
        return new AccountJson();
    }

    public AccountJson email(String email) {
        node.put("email", email);
        return this;
    }

    public AccountJson password(String password) {
        node.put("password", password);
        return this;
    }

    public AccountJson name(String name) {
        node.put("name", name);
        return this;
    }

    public AccountJson timeZone(String timeZone) {
        node.put("timeZone", timeZone);
        return this;
    }

    public AccountJson without(String field) {
        node.remove(field);
        return this;
    }

    public String email() {
        return node.path("email").asString(null);
    }

    public String json() {
        return node.toString();
    }

    @Override
    public String toString() {
        return json();
    }
}

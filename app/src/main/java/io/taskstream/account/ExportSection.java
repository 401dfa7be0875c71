package io.taskstream.account;

import tools.jackson.databind.JsonNode;

/**
 * One module's part of a user's data export ({@code GET /api/{userId}/export}): a bean of the module that owns the
 * data, so the account module collects the export without knowing the other modules' tables. Never secrets or
 * hashes.
 */
public interface ExportSection {

    /** The member of the export document that holds this section ({@code tasks}). */
    String name();

    /** The user's data of this section, as JSON. */
    JsonNode export(UserId user);
}

package io.taskstream.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** HTTP adapter of the data export. */
@RestController
@Tag(name = "Accounts")
class ExportController {

    private final AccountExport export;

    ExportController(AccountExport export) {
        this.export = export;
    }

    @GetMapping(path = "/api/{userId}/export", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Everything of the user as one JSON document, to download",
            description = "Profile, tasks (recurrence and reminders included), history, reminder firings, "
                    + "notifications and notification settings, conversations, and the API tokens' metadata. Never a "
                    + "secret or a hash: no password, no API token, no webhook secret.")
    // Declared as JsonNode, which the API document describes as free-form JSON (ObjectNode's setters are no schema).
    ResponseEntity<JsonNode> export(@PathVariable UUID userId) {
        ObjectNode document = export.export(new UserId(userId));
        String file = "taskstream-export-" + LocalDate.now(ZoneOffset.UTC) + ".json";
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file).build().toString())
                .body(document);
    }
}

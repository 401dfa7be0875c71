package io.taskstream.assistant.quickadd;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskstream.account.UserDirectory;
import io.taskstream.account.UserId;
import io.taskstream.assistant.parse.QuickAddParser;
import io.taskstream.platform.web.Rfc3339DateTime;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Quick-add: turns a phrase into a task draft without creating anything. */
@RestController
@RequestMapping(path = "/api/{userId}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Assistant")
class QuickAddController {

    static final int MAX_TEXT = 4000;

    private final QuickAddParser parser;
    private final UserDirectory users;
    private final Clock clock;

    QuickAddController(QuickAddParser parser, UserDirectory users, Clock clock) {
        this.parser = parser;
        this.users = users;
        this.clock = clock;
    }

    @PostMapping(path = "/tasks/parse", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Parse a quick-add phrase into a task draft (nothing is created)")
    DraftView parse(@PathVariable UUID userId, @Valid @RequestBody ParseRequest request) {
        ZonedDateTime reference = reference(request, new UserId(userId));
        return DraftView.of(parser.parse(request.text(), reference), reference.getZone());
    }

    /** The moment and zone the phrase is read in (both already checked with the request's other fields). */
    private ZonedDateTime reference(ParseRequest request, UserId user) {
        ZoneId zone = request.timeZone() == null ? users.zoneOf(user) : ZoneId.of(request.timeZone().strip());
        Instant at = request.referenceTime() == null ? clock.instant() : Rfc3339DateTime.Validator.parse(request.referenceTime());
        return at.atZone(zone);
    }
}

package io.taskstream.assistant.quickadd;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskstream.account.UserDirectory;
import io.taskstream.account.UserId;
import io.taskstream.assistant.parse.QuickAddParser;
import io.taskstream.platform.web.ClientErrorException;
import io.taskstream.platform.web.FieldViolation;
import jakarta.validation.Valid;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
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

    /** The moment and zone the phrase is read in; every bad field is reported at once. */
    private ZonedDateTime reference(ParseRequest request, UserId user) {
        List<FieldViolation> violations = new ArrayList<>();
        ZoneId zone = users.zoneOf(user);
        if (request.timeZone() != null) {
            try {
                zone = ZoneId.of(request.timeZone().strip());
            } catch (DateTimeException e) {
                violations.add(new FieldViolation("timeZone", "must be an IANA time zone such as Europe/Berlin"));
            }
        }
        OffsetDateTime at = OffsetDateTime.now(clock);
        if (request.referenceTime() != null) {
            try {
                at = OffsetDateTime.parse(request.referenceTime().strip());
            } catch (DateTimeParseException e) {
                violations.add(new FieldViolation("referenceTime",
                        "must be an RFC 3339 date-time such as 2026-03-04T10:00:00+01:00"));
            }
        }
        if (!violations.isEmpty()) {
            throw ClientErrorException.invalid(violations);
        }
        return at.atZoneSameInstant(zone);
    }
}

package io.taskstream.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskstream.live.StreamTicketRepository.Redeemed;
import io.taskstream.live.StreamTicketRepository.Ticket;
import io.taskstream.platform.problem.ClientErrorException;
import io.taskstream.platform.problem.ProblemType;
import io.taskstream.platform.security.SessionRef;
import java.security.Principal;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live stream (SSE) of a user's task updates, and the tickets browsers open it with. */
@RestController
@RequestMapping("/api/{userId}/stream")
@Tag(name = "Live")
class StreamController {

    private final LiveHub hub;
    private final StreamTicketRepository tickets;

    StreamController(LiveHub hub, StreamTicketRepository tickets) {
        this.hub = hub;
        this.tickets = tickets;
    }

    @PostMapping(path = "/ticket", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "A single-use ticket, valid 60 s, to open the stream from a browser's EventSource")
    Ticket ticket(@PathVariable UUID userId, Principal principal) {
        return tickets.issue(userId, sessionOf(principal));
    }

    @GetMapping(produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @SecurityRequirements
    @Operation(summary = "Server-Sent Events of the user's task updates; authenticate with the bearer header or ?ticket=",
            description = "The stream ends when the session that opened it (or asked for its ticket) ends: logout, "
                    + "password change, account deletion, revoked API token. At once on the replica that ended it, "
                    + "within 20 s on the others; reconnecting then gets 401.")
    SseEmitter stream(@PathVariable UUID userId, Principal principal,
            @Parameter(description = "a ticket from POST /stream/ticket, for clients that cannot send headers")
            @RequestParam(required = false) String ticket,
            @RequestHeader(name = "Last-Event-ID", required = false) String lastEventId) {
        Optional<SessionRef> session;
        if (principal != null) {
            session = sessionOf(principal);
        } else {
            Optional<Redeemed> redeemed = ticket == null ? Optional.empty() : tickets.redeem(userId, ticket);
            if (redeemed.isEmpty()) {
                throw new ClientErrorException(ProblemType.UNAUTHORIZED, "The stream ticket is invalid, used or expired");
            }
            session = redeemed.get().session();
            if (session.isPresent() && hub.hasEnded(session.get())) {
                throw new ClientErrorException(ProblemType.UNAUTHORIZED,
                        "The session that asked for this stream ticket has ended; sign in again");
            }
        }
        return hub.open(userId, session, parseLastEventId(lastEventId));
    }

    private static Optional<SessionRef> sessionOf(Principal principal) {
        return principal instanceof Authentication authentication ? SessionRef.of(authentication) : Optional.empty();
    }

    private static Long parseLastEventId(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            throw ClientErrorException.invalid("Last-Event-ID", "must be the id of an event this stream sent");
        }
    }
}

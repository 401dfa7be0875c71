package io.taskstream.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskstream.account.ApiTokenRepository.StoredToken;
import io.taskstream.account.ApiTokenService.IssuedApiToken;
import io.taskstream.platform.security.Credentials;
import org.springframework.security.core.Authentication;
import io.taskstream.platform.web.Rfc3339DateTime;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** HTTP adapter of the personal API tokens. */
@RestController
@RequestMapping(path = "/api/{userId}/api-tokens", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "API tokens")
class ApiTokenController {

    private final ApiTokenService tokens;

    ApiTokenController(ApiTokenService tokens) {
        this.tokens = tokens;
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Create a personal API token; the secret is in this response only",
            description = "Needs a signed-in session: an API token cannot create API tokens (403).",
            responses = @ApiResponse(responseCode = "201", description = "Created"))
    ResponseEntity<CreatedToken> create(@PathVariable UUID userId, @Valid @RequestBody TokenRequest request,
            Authentication authentication) {
        Credentials.refuseApiToken(authentication, "create API tokens");
        IssuedApiToken issued = tokens.issue(new UserId(userId), request.name().strip(),
                Rfc3339DateTime.Validator.parse(request.expiresAt()));
        URI location = ServletUriComponentsBuilder.fromCurrentRequest().path("/{id}")
                .buildAndExpand(issued.token().id()).toUri();
        StoredToken t = issued.token();
        return ResponseEntity.created(location).body(new CreatedToken(t.id(), t.name(), issued.secret(), t.createdAt(),
                t.lastUsedAt(), t.expiresAt()));
    }

    @GetMapping
    @Operation(summary = "The user's API tokens, without their secrets")
    List<TokenView> list(@PathVariable UUID userId) {
        return tokens.list(new UserId(userId)).stream()
                .map(TokenView::of)
                .toList();
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Revoke an API token at once",
            description = "Needs a signed-in session: an API token cannot revoke API tokens (403).",
            responses = @ApiResponse(responseCode = "204", description = "Revoked"))
    ResponseEntity<Void> revoke(@PathVariable UUID userId, @PathVariable long id, Authentication authentication) {
        Credentials.refuseApiToken(authentication, "revoke API tokens");
        tokens.revoke(new UserId(userId), id);
        return ResponseEntity.noContent().build();
    }

    @Schema(name = "ApiTokenRequest")
    record TokenRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, example = "Claude Desktop") @NotBlank @Size(max = 100) String name,
            @Schema(nullable = true, description = "RFC 3339, in the future; absent: never expires")
            @Rfc3339DateTime(future = true) String expiresAt) {
    }

    @Schema(name = "ApiToken")
    record TokenView(long id, String name, Instant createdAt, @Schema(nullable = true) Instant lastUsedAt,
            @Schema(nullable = true) Instant expiresAt) {

        static TokenView of(StoredToken t) {
            return new TokenView(t.id(), t.name(), t.createdAt(), t.lastUsedAt(), t.expiresAt());
        }
    }

    @Schema(name = "CreatedApiToken")
    record CreatedToken(long id, String name,
            @Schema(description = "the bearer token; shown only in this response") String token,
            Instant createdAt, @Schema(nullable = true) Instant lastUsedAt, @Schema(nullable = true) Instant expiresAt) {
    }
}

package io.taskstream.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskstream.account.AccountService.Authenticated;
import io.taskstream.account.AccountService.LoginCommand;
import io.taskstream.account.AccountService.PasswordChange;
import io.taskstream.account.AccountService.PasswordChanged;
import io.taskstream.account.ApiTokenController.TokenView;
import io.taskstream.platform.security.Credentials;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import io.taskstream.account.AccountService.ProfileChange;
import io.taskstream.account.AccountService.SignupCommand;
import io.taskstream.platform.web.IanaZone;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.Principal;
import java.time.ZoneId;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** HTTP adapter of the account use cases. */
@RestController
@RequestMapping(path = "/api/auth", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Accounts")
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping(path = "/signup", consumes = MediaType.APPLICATION_JSON_VALUE)
    @ResponseStatus(HttpStatus.CREATED)
    @SecurityRequirements
    @Operation(summary = "Create an account and get an access token", description = "Email taken: 409. After 20 "
            + "sign-ups from one address within an hour (configurable), 429 with Retry-After.")
    Authenticated signup(@Valid @RequestBody SignupRequest request, HttpServletRequest http) {
        return accounts.signup(new SignupCommand(request.email(), request.password(), request.name(),
                zone(request.timeZone(), ZoneId.of("UTC")), http.getRemoteAddr()));
    }

    @PostMapping(path = "/login", consumes = MediaType.APPLICATION_JSON_VALUE)
    @SecurityRequirements
    @Operation(summary = "Exchange email and password for an access token", description = "Wrong email or password: 401, "
            + "the same for both. After 10 failed logins from one address (configurable), 429 with Retry-After until "
            + "one of them has expired.")
    Authenticated login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
        return accounts.login(new LoginCommand(request.email(), request.password(), http.getRemoteAddr()));
    }

    @GetMapping("/me")
    @Operation(summary = "The signed-in user's profile")
    Profile me(Principal principal) {
        return accounts.profile(UserId.of(principal.getName()));
    }

    @PatchMapping(path = "/me", consumes = {MediaType.APPLICATION_JSON_VALUE, "application/merge-patch+json"})
    @Operation(summary = "Change the signed-in user's name or time zone")
    Profile updateMe(Principal principal, @Valid @RequestBody ProfileRequest request) {
        return accounts.updateProfile(UserId.of(principal.getName()),
                new ProfileChange(request.name(), zone(request.timeZone(), null)));
    }

    @PostMapping("/logout")
    @Operation(summary = "Sign out: revoke the access token of this request",
            description = "The token is refused from the next request on, on every replica; the account's other "
                    + "sessions go on. Only a session token signed in with email and password can sign out: a "
                    + "personal API token gets 403 (revoke it with DELETE /api/{userId}/api-tokens/{id}).",
            responses = @ApiResponse(responseCode = "204", description = "Signed out"))
    ResponseEntity<Void> logout(Authentication authentication) {
        Jwt session = Credentials.requireOwnSession(authentication, "sign out");
        accounts.logout(UserId.of(authentication.getName()), session);
        return ResponseEntity.noContent().build();
    }

    @PostMapping(path = "/password", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Change the password and sign out every other session",
            description = "Every access token of the account issued before is refused from now on, the one of this "
                    + "request included: go on with the fresh token in the response. Personal API tokens stay valid "
                    + "and are listed in the response, to revoke any that may have leaked. The new password follows "
                    + "the sign-up rules (8 to 128 characters). Wrong current password: 403, counted as a failed "
                    + "login of the client address (429 with Retry-After when too many). Needs a session signed in "
                    + "with email and password: an API token gets 403.")
    PasswordChangedResponse changePassword(Authentication authentication, @Valid @RequestBody PasswordRequest request,
            HttpServletRequest http) {
        Credentials.requireOwnSession(authentication, "change the password");
        PasswordChanged changed = accounts.changePassword(UserId.of(authentication.getName()),
                new PasswordChange(request.currentPassword(), request.newPassword(), http.getRemoteAddr()));
        Authenticated session = changed.session();
        return new PasswordChangedResponse(session.userId(), session.token(), session.expiresAt(),
                changed.apiTokens().stream().map(TokenView::of).toList());
    }

    @DeleteMapping(path = "/me", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Delete the account and all its data",
            description = "Tasks, history, reminders (scheduled ones included), notifications, settings, "
                    + "conversations and API tokens are deleted at once, in one transaction; every token of the "
                    + "account is refused from then on and the email can sign up again. Asks for the password: a "
                    + "wrong one gets 403 and counts as a failed login. Needs a session signed in with email and "
                    + "password: an API token gets 403.",
            responses = @ApiResponse(responseCode = "204", description = "Deleted"))
    ResponseEntity<Void> deleteMe(Authentication authentication, @Valid @RequestBody DeletionRequest request,
            HttpServletRequest http) {
        Credentials.requireOwnSession(authentication, "delete the account");
        accounts.delete(UserId.of(authentication.getName()), request.password(), http.getRemoteAddr());
        return ResponseEntity.noContent().build();
    }

    /** The zone of a value already checked by {@link IanaZone}, by its current name (old names are aliases). */
    private static ZoneId zone(String value, ZoneId absent) {
        return value == null ? absent : ZoneId.of(IanaZone.Validator.canonical(value));
    }

    record SignupRequest(
            @NotBlank @Email @Size(max = 320) String email,
            @NotNull @Size(min = 8, max = 128) String password,
            @Size(max = 100) String name,
            @Size(max = 64) @IanaZone String timeZone) {

        @Override
        public String toString() {
            return "SignupRequest[email=" + email + ", name=" + name + ", timeZone=" + timeZone + "]";
        }
    }

    record LoginRequest(@NotBlank @Size(max = 320) String email, @NotNull @Size(max = 128) String password) {

        @Override
        public String toString() {
            return "LoginRequest[email=" + email + "]";
        }
    }

    record PasswordRequest(@NotNull @Size(max = 128) String currentPassword,
            @NotNull @Size(min = 8, max = 128) String newPassword) {

        @Override
        public String toString() {
            return "PasswordRequest[]";
        }
    }

    record PasswordChangedResponse(UUID userId, String token, Instant expiresAt, List<TokenView> apiTokens) {
    }

    record DeletionRequest(@NotNull @Size(max = 128) String password) {

        @Override
        public String toString() {
            return "DeletionRequest[]";
        }
    }

    /** Absent fields stay as they are; a name, when given, must not be blank. */
    record ProfileRequest(@Size(max = 100) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
            @Size(max = 64) @IanaZone String timeZone) {
    }
}

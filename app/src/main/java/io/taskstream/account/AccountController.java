package io.taskstream.account;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.taskstream.account.AccountService.Authenticated;
import io.taskstream.account.AccountService.LoginCommand;
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

    /** The zone of a value already checked by {@link IanaZone}. */
    private static ZoneId zone(String value, ZoneId absent) {
        return value == null ? absent : ZoneId.of(value.strip());
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

    /** Absent fields stay as they are; a name, when given, must not be blank. */
    record ProfileRequest(@Size(max = 100) @Pattern(regexp = "(?s).*\\S.*", message = "must not be blank") String name,
            @Size(max = 64) @IanaZone String timeZone) {
    }
}

package io.taskstream.account;

import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.taskstream.account.AccountRepository.StoredAccount;
import io.taskstream.platform.problem.ClientErrorException;
import io.taskstream.platform.problem.NotFoundException;
import io.taskstream.platform.problem.ProblemType;
import io.taskstream.platform.problem.TooManyRequestsException;
import io.taskstream.platform.security.AccessTokens.IssuedToken;
import io.taskstream.platform.security.AccessTokens;
import io.taskstream.platform.security.AuthProperties;
import io.taskstream.platform.security.SessionVerifier;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.HashMap;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sign-up, login, profile, and the end of sessions and accounts (ADR 035): logout revokes the one token, a password
 * change every session of the account but the caller's, which gets a fresh token; deleting the account deletes all
 * its data in one transaction.
 */
@Service
class AccountService implements UserDirectory {

    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final AccessTokens tokens;
    /** Failed logins per client address: password guessing, slowed down. */
    private final ClientAllowance loginFailures;
    /** Sign-ups per client address: each one hashes a password (CPU and memory) and adds an account. */
    private final ClientAllowance signups;
    private final Clock clock;
    /** Compared against when the email is unknown, so a login takes as long whether or not it exists. */
    private final String decoyHash;
    private final SessionRepository sessions;
    private final ApiTokenRepository apiTokens;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate tx;
    private final Counter signedUp;
    /** Login outcomes: success, refused (wrong email or password), throttled (too many failures from the address). */
    private final Map<String, Counter> logins = new HashMap<>();

    AccountService(AccountRepository accounts, PasswordEncoder passwords, AccessTokens tokens, AuthProperties properties,
            ProxyManager<String> allowances, Clock clock, SessionRepository sessions, ApiTokenRepository apiTokens,
            ApplicationEventPublisher events, TransactionTemplate tx, MeterRegistry meters) {
        this.signedUp = Counter.builder("taskstream.signups").description("accounts created, by method")
                .tag("method", "password").register(meters);
        for (String outcome : List.of("success", "refused", "throttled")) {
            logins.put(outcome, Counter.builder("taskstream.logins").description("password logins, by outcome")
                    .tag("method", "password").tag("outcome", outcome).register(meters));
        }
        this.sessions = sessions;
        this.apiTokens = apiTokens;
        this.events = events;
        this.tx = tx;
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
        this.loginFailures = new ClientAllowance(allowances, "login-failure", properties.loginFailures(),
                "Too many failed logins from this address");
        this.signups = new ClientAllowance(allowances, "signup", properties.signups(), "Too many sign-ups from this address");
        this.clock = clock;
        this.decoyHash = passwords.encode("decoy-password-for-timing");
    }

    /**
     * Creates an account, unless the client address has signed up too often of late. Not {@code @Transactional}: the
     * allowance takes a connection of its own, the password hash takes tens of milliseconds that no connection should
     * wait through, and the one write is a single statement.
     */
    public Authenticated signup(SignupCommand command) {
        signups.take(command.client());
        String email = command.email().trim();
        String name = command.name() == null || command.name().isBlank()
                ? email.substring(0, email.indexOf('@'))
                : command.name().trim();
        StoredAccount account = new StoredAccount(UserId.random().value(), email, passwords.encode(command.password()),
                name, command.zone().getId(), clock.instant());
        if (!accounts.insert(account)) {
            throw new ClientErrorException(ProblemType.CONFLICT, "An account with this email already exists");
        }
        signedUp.increment();
        return authenticated(account);
    }

    /**
     * Logs in, unless the client address has failed too often of late; only failures count. Not
     * {@code @Transactional}, for the same reasons as {@link #signup}: one read, and a hash no connection waits for.
     */
    public Authenticated login(LoginCommand command) {
        try {
            loginFailures.take(command.client());
        } catch (TooManyRequestsException throttled) {
            logins.get("throttled").increment();
            throw throttled;
        }
        Optional<StoredAccount> account = accounts.findByEmail(command.email().trim().toLowerCase(Locale.ROOT));
        boolean matches = passwords.matches(command.password(), account.map(StoredAccount::passwordHash).orElse(decoyHash));
        if (account.isEmpty() || !matches) {
            logins.get("refused").increment();
            throw new ClientErrorException(ProblemType.INVALID_CREDENTIALS, "The email or password is wrong");
        }
        loginFailures.giveBack(command.client());
        logins.get("success").increment();
        return authenticated(account.get());
    }

    /** Ends this token's session at once, on every replica; the account's other sessions go on. */
    public void logout(UserId user, Jwt session) {
        sessions.revoke(user.value(), session);
        events.publishEvent(new SessionsEnded(user));
    }

    /**
     * Changes the password and ends every session of the account issued before, the caller's included; the caller
     * goes on with the fresh token in the result. Personal API tokens stay valid: the result lists them, for the
     * user to revoke any that may have leaked with the password. A wrong current password counts as a failed login
     * of the client address: a stolen session must not become a way around the login throttling to guess it.
     */
    public PasswordChanged changePassword(UserId user, PasswordChange change) {
        StoredAccount account = verifiedAccount(user, change.currentPassword(), change.client());
        String hash = passwords.encode(change.newPassword());
        OptionalInt version = accounts.changePassword(account.id(), account.passwordHash(), hash, clock.instant());
        if (version.isEmpty()) {
            throw new ClientErrorException(ProblemType.CONFLICT, "The password was changed meanwhile; sign in again");
        }
        events.publishEvent(new SessionsEnded(user));
        StoredAccount changed = new StoredAccount(account.id(), account.email(), hash, account.name(),
                account.timeZone(), account.createdAt(), version.getAsInt());
        return new PasswordChanged(authenticated(changed), apiTokens.list(account.id()));
    }

    /**
     * Deletes the account and every row of its data, in one transaction: listeners of {@link AccountDeleted} remove
     * what no foreign key reaches (scheduled reminder executions), then the account row goes and the foreign keys'
     * {@code on delete cascade} take the rest (tasks, their search terms, history, reminder firings, notifications
     * and their deliveries, settings, conversations, API tokens, revocations, external identities). Its tokens are
     * refused from the next request on (the account no longer exists) and the email is free again. Events about the
     * account still on their way are dropped by their consumers. The password is asked again, like for a password
     * change, and a wrong one counts as a failed login.
     */
    public void delete(UserId user, String password, String client) {
        verifiedAccount(user, password, client);
        tx.executeWithoutResult(status -> {
            events.publishEvent(new AccountDeleted(user));
            accounts.delete(user.value());
        });
    }

    private StoredAccount verifiedAccount(UserId user, String password, String client) {
        loginFailures.take(client);
        StoredAccount account = accounts.findById(user.value())
                .orElseThrow(() -> new NotFoundException("The account no longer exists"));
        if (!passwords.matches(password, account.passwordHash())) {
            throw new ClientErrorException(ProblemType.FORBIDDEN, "The current password is wrong");
        }
        loginFailures.giveBack(client);
        return account;
    }

    @Transactional(readOnly = true)
    public Profile profile(UserId user) {
        return accounts.findById(user.value()).map(StoredAccount::profile)
                .orElseThrow(() -> new NotFoundException("The account no longer exists"));
    }

    @Transactional
    public Profile updateProfile(UserId user, ProfileChange change) {
        Profile current = profile(user);
        String name = change.name() == null ? current.name() : change.name().trim();
        String zone = change.zone() == null ? current.timeZone() : change.zone().getId();
        accounts.updateProfile(user.value(), name, zone, clock.instant());
        return new Profile(current.userId(), current.email(), name, zone, current.createdAt());
    }

    /**
     * Not {@code @Transactional}: one single-row read needs no transaction of its own, and the controllers call this
     * on every request outside any transaction, where a read-only one cost a BEGIN/COMMIT round trip and the
     * transaction machinery each time. Inside a caller's transaction it still reads on that transaction's connection.
     */
    @Override
    public ZoneId zoneOf(UserId user) {
        return accounts.timeZoneOf(user.value()).map(ZoneId::of).orElse(ZoneId.of("UTC"));
    }

    /** Not {@code @Transactional}, like {@link #zoneOf}: one single-row read, asked by event consumers. */
    @Override
    public boolean exists(UserId user) {
        return accounts.exists(user.value());
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> emailOf(UserId user) {
        return accounts.findById(user.value()).map(StoredAccount::email);
    }

    private Authenticated authenticated(StoredAccount account) {
        IssuedToken token = tokens.issue(account.id().toString(), Map.of("email", account.email(), "name", account.name(),
                SessionVerifier.SESSION_VERSION_CLAIM, account.sessionVersion()));
        return new Authenticated(account.id(), token.token(), token.expiresAt());
    }

    /** A login attempt; {@code client} is the address it came from (behind a trusted proxy: the one it forwarded). */
    record LoginCommand(String email, String password, String client) {

        @Override
        public String toString() {
            return "LoginCommand[email=" + email + ", client=" + client + "]";
        }
    }

    record SignupCommand(String email, String password, String name, ZoneId zone, String client) {

        @Override
        public String toString() {
            return "SignupCommand[email=" + email + ", name=" + name + ", zone=" + zone + ", client=" + client + "]";
        }
    }

    record ProfileChange(String name, ZoneId zone) {
    }

    record PasswordChange(String currentPassword, String newPassword, String client) {

        @Override
        public String toString() {
            return "PasswordChange[client=" + client + "]";
        }
    }

    record PasswordChanged(Authenticated session, List<ApiTokenRepository.StoredToken> apiTokens) {
    }

    record Authenticated(java.util.UUID userId, String token, java.time.Instant expiresAt) {
    }
}

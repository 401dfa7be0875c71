package io.taskstream.account;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.taskstream.account.AccountRepository.StoredAccount;
import io.taskstream.platform.db.AfterCommit;
import io.taskstream.platform.security.ExternalAccounts;
import io.taskstream.platform.security.ExternalIdentity;
import io.taskstream.platform.web.IanaZone;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Maps identities of the external OpenID Connect issuer to accounts (docs/adr/024-external-oidc-accounts.md): a
 * known (issuer, subject) is its bound account; on first sight the identity is bound to the account with its email
 * when the issuer has verified that email, and otherwise to a new account made from its claims. An unverified email
 * that an account already uses is refused, so nobody takes over an account by claiming its address at the issuer.
 */
@Service
class ExternalAccountLinker implements ExternalAccounts {

    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+");

    private final ExternalIdentityRepository identities;
    private final AccountRepository accounts;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Counter signedUp;

    ExternalAccountLinker(ExternalIdentityRepository identities, AccountRepository accounts, PasswordEncoder passwords,
            Clock clock, MeterRegistry meters) {
        this.signedUp = Counter.builder("taskstream.signups").description("accounts created, by method")
                .tag("method", "external").register(meters);
        this.identities = identities;
        this.accounts = accounts;
        this.passwords = passwords;
        this.clock = clock;
    }

    @Override
    @Transactional
    public Optional<String> userIdFor(ExternalIdentity identity) {
        if (identity.issuer() == null || identity.subject() == null) {
            return Optional.empty();
        }
        Optional<UUID> bound = identities.userOf(identity.issuer(), identity.subject());
        if (bound.isPresent()) {
            return bound.map(UUID::toString);
        }
        String email = identity.email() == null ? null : identity.email().strip();
        if (email == null || email.length() > 320 || !EMAIL.matcher(email).matches()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        UUID user;
        Optional<StoredAccount> existing = accounts.findByEmail(email);
        if (existing.isPresent()) {
            if (!identity.emailVerified()) {
                return Optional.empty();
            }
            user = existing.get().id();
        } else {
            StoredAccount created = new StoredAccount(UUID.randomUUID(), email, unusablePassword(), name(identity, email),
                    zone(identity), now);
            if (!accounts.insert(created)) {
                return Optional.empty(); // the email was taken meanwhile; the client's retry takes the path above
            }
            user = created.id();
            AfterCommit.run(signedUp::increment);
        }
        identities.bind(identity.issuer(), identity.subject(), user, now);
        return identities.userOf(identity.issuer(), identity.subject()).map(UUID::toString);
    }

    /** The account signs in at the issuer; its password is a hash of random bytes nobody ever saw. */
    private String unusablePassword() {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        return passwords.encode(Base64.getEncoder().encodeToString(secret));
    }

    private static String name(ExternalIdentity identity, String email) {
        String name = identity.name() == null || identity.name().isBlank()
                ? email.substring(0, email.indexOf('@'))
                : identity.name().strip();
        return name.codePointCount(0, name.length()) <= 100 ? name : name.substring(0, name.offsetByCodePoints(0, 100));
    }

    private static String zone(ExternalIdentity identity) {
        String zone = identity.zoneInfo();
        return zone != null && IanaZone.Validator.isIana(zone) ? IanaZone.Validator.canonical(zone) : "UTC";
    }
}

package io.taskstream.platform.security;

import java.util.Collection;
import java.util.Set;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * Tells whether one of our access tokens, already verified (signature, issuer, expiry), still stands for a session:
 * its account exists, its password has not changed since it was issued, and it was not logged out. Implemented by
 * the module that keeps accounts; asked on every request a JWT authenticates, also when the decoded token came from
 * {@link CachingJwtDecoder}'s memory, so a revocation holds at once on every replica.
 */
public interface SessionVerifier {

    /** The claim that carries the account's session version (raised when the password changes). */
    String SESSION_VERSION_CLAIM = "sv";

    boolean isActive(Jwt jwt);

    /**
     * Which of these sessions have ended since they were opened: signed out, password changed, account deleted, API
     * token revoked or expired. One query for all of them, however many, so that whatever outlives a request (a live
     * stream) can be re-checked in bulk.
     */
    Set<SessionRef> ended(Collection<SessionRef> sessions);
}

package io.taskstream.platform.security;

import java.util.Optional;

/**
 * Checks long-lived personal API tokens (bearer tokens that start with {@link #PREFIX}); implemented
 * by the module that stores them. Tokens without the prefix are JWTs and never reach it.
 */
public interface ApiTokenVerifier {

    /** Every API token starts with this, so it can be told from a JWT without a lookup. */
    String PREFIX = "tsk_";

    /** The token's owner and id; empty when the token is unknown, revoked or expired. */
    Optional<VerifiedApiToken> verify(String token);

    /** A valid API token: the id of the user it belongs to, and its own id (by which it is revoked). */
    record VerifiedApiToken(String userId, long id) {
    }
}

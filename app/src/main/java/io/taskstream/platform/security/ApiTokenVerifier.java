package io.taskstream.platform.security;

import java.util.Optional;

/**
 * Checks long-lived personal API tokens (bearer tokens that start with {@link #PREFIX}); implemented
 * by the module that stores them. Tokens without the prefix are JWTs and never reach it.
 */
public interface ApiTokenVerifier {

    /** Every API token starts with this, so it can be told from a JWT without a lookup. */
    String PREFIX = "tsk_";

    /** The id of the user the token belongs to; empty when the token is unknown, revoked or expired. */
    Optional<String> verify(String token);
}

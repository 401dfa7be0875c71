package io.taskstream.platform.security;

import java.util.Optional;

/**
 * Maps an identity of the external OpenID Connect issuer to a Taskstream user; implemented by the module that
 * keeps the accounts. Only asked for tokens whose signature, issuer, lifetime (and audience, when configured)
 * have been checked.
 */
public interface ExternalAccounts {

    /** The id of the user the identity is (or has just been made) bound to; empty when it may not sign in. */
    Optional<String> userIdFor(ExternalIdentity identity);
}

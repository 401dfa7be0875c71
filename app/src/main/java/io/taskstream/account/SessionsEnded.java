package io.taskstream.account;

/**
 * Some sessions of the user ended: a logout, a password change (every session but the one that changed it) or a
 * revoked API token. Published once the change is stored (after the commit when there is a transaction), so that
 * whatever outlives a request of those sessions (open live streams) can ask {@code SessionVerifier} again and end
 * its part at once. Only this process hears it; other replicas notice on their own (see ADR 035). The account's
 * deletion is {@link AccountDeleted}.
 */
public record SessionsEnded(UserId user) {
}

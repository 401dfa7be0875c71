/**
 * Accounts: sign-up, login and logout, profile and time zone, password change, account deletion and the data export,
 * sessions that end early (token revocation, checked on every request through {@code platform.security}'s
 * {@code SessionVerifier}), personal API tokens, accounts of an external OpenID Connect issuer, and login throttling
 * per client address. Other modules see {@link io.taskstream.account.UserId}, {@link io.taskstream.account.UserDirectory}
 * (what they may ask about a user), {@link io.taskstream.account.AccountDeleted} (the synchronous event that lets them
 * clean up what no foreign key reaches), {@link io.taskstream.account.SessionsEnded} (some sessions of a user ended,
 * for what outlives a request, like a live stream) and {@link io.taskstream.account.ExportSection} (a module's part of
 * the export).
 */
package io.taskstream.account;

/**
 * Accounts: sign-up, login, profile and time zone. Other modules see only {@link io.taskstream.account.UserId}
 * and {@link io.taskstream.account.UserDirectory}.
 */
package io.taskstream.account;

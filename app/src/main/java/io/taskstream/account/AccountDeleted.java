package io.taskstream.account;

/**
 * An account is being deleted: published synchronously inside the deleting transaction, before the account's row
 * goes, to listeners that must clean up what no foreign key reaches (the reminder module's scheduled executions).
 * Everything the listeners do commits or rolls back with the deletion. Rows with a {@code user_id} foreign key go
 * with the account row itself ({@code on delete cascade}).
 */
public record AccountDeleted(UserId user) {
}

/**
 * Backup and restore of everything the database holds, from the command line of the one artifact:
 * {@code java -jar taskstream.jar backup --to FILE} and {@code restore --from FILE} (ADR 056). A backup is one
 * consistent snapshot of every table of the schema (tasks, history, accounts and sessions, the outbox with its
 * published positions, consumers' applied event ids, the scheduler's pending reminder executions, reminder firings),
 * the sequences' values and the schema version, written as one checksummed file. A restore loads it into an empty
 * database after building the schema up to that version, so a restored deployment resumes exactly where the snapshot
 * was. Works with PostgreSQL's wire protocol only (COPY through PgJDBC), so also for the embedded database, whose
 * binaries carry no client tools. Its one public type is {@link io.taskstream.backup.BackupCommand}.
 */
package io.taskstream.backup;

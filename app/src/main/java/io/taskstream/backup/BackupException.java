package io.taskstream.backup;

/** Why a backup or restore stopped, with the exit code that tells a script which kind of reason it was. */
final class BackupException extends RuntimeException {

    private final int exitCode;

    private BackupException(int exitCode, String message, Throwable cause) {
        super(message, cause);
        this.exitCode = exitCode;
    }

    /** The target or the backup is not one this command may use as it is (not empty, in use, newer schema). */
    static BackupException refused(String message) {
        return new BackupException(BackupCommand.REFUSED, message, null);
    }

    /** The backup file is not what was written: unreadable, truncated, or its data does not match its manifest. */
    static BackupException damaged(String message) {
        return new BackupException(BackupCommand.DAMAGED, message, null);
    }

    static BackupException damaged(String message, Throwable cause) {
        return new BackupException(BackupCommand.DAMAGED, message, cause);
    }

    /** A restore failed after it had built the schema: what the operator must do before trying again comes first. */
    static BackupException incomplete(String whatNow, Throwable cause) {
        int exitCode = cause instanceof BackupException known ? known.exitCode : BackupCommand.FAILED;
        return new BackupException(exitCode, cause.getMessage() + "\n" + whatNow, cause);
    }

    int exitCode() {
        return exitCode;
    }
}

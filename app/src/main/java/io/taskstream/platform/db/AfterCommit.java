package io.taskstream.platform.db;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Work that must wait until the current transaction's changes are visible: counting what was committed, or waking a
 * loop that will read the new rows.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /** Runs {@code work} after the current transaction commits (never if it rolls back), or at once outside one. */
    public static void run(Runnable work) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            work.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                work.run();
            }
        });
    }
}

package io.taskstream.live;

import io.taskstream.account.AccountDeleted;
import io.taskstream.account.SessionsEnded;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Ends this process's open streams as soon as their session ends here: after a logout, a password change or a revoked
 * API token the user's streams are checked again (those of sessions that go on stay open); after the account's
 * deletion they all end. After the commit, so that a change that rolls back ends nothing; other replicas find out at
 * their next heartbeat ({@link LiveHub}).
 */
@Component
class SessionEndings {

    private final LiveHub hub;

    SessionEndings(LiveHub hub) {
        this.hub = hub;
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(SessionsEnded ended) {
        hub.sessionsEnded(ended.user().value());
    }

    @TransactionalEventListener(fallbackExecution = true)
    void on(AccountDeleted deleted) {
        hub.accountDeleted(deleted.user().value());
    }
}

package io.taskstream.events;

import java.time.Duration;
import org.springframework.context.SmartLifecycle;

/**
 * A lifecycle bean that runs {@link #loop()} on a platform thread of its own while it is running: started
 * with the context, stopped by clearing {@link #running()} and waiting a bounded time for the loop to
 * return.
 */
abstract class BackgroundLoop implements SmartLifecycle {

    private final String threadName;
    private final Duration stopWait;
    private final int phase;
    private volatile boolean running;
    private Thread thread;

    BackgroundLoop(String threadName, Duration stopWait, int phase) {
        this.threadName = threadName;
        this.stopWait = stopWait;
        this.phase = phase;
    }

    /** Runs until {@link #running()} turns false. */
    abstract void loop();

    /** Called after {@link #running()} turned false, to wake a loop that may be waiting. */
    void wake() {
    }

    final boolean running() {
        return running;
    }

    @Override
    public final void start() {
        running = true;
        thread = Thread.ofPlatform().name(threadName).daemon(true).start(this::loop);
    }

    @Override
    public final void stop() {
        running = false;
        wake();
        if (thread != null) {
            try {
                thread.join(stopWait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public final boolean isRunning() {
        return running;
    }

    @Override
    public final int getPhase() {
        return phase;
    }
}

package io.taskstream.events;

import java.util.List;

/** Reads back recently published events, by the position the relay gave them. */
public interface PublishedEvents {

    /** The key's events on the topic published after the position, in publication order. */
    List<CloudEvent> after(Topic topic, String key, long position, int limit);

    /** The oldest position still kept (older ones were pruned); {@code Long.MAX_VALUE} when none is kept. */
    long oldestRetainedPosition();
}

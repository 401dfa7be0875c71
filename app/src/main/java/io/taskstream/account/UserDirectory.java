package io.taskstream.account;

import java.time.ZoneId;

/** What other modules may ask about a user. */
public interface UserDirectory {

    /** The user's IANA time zone, used to interpret and render dates; UTC for unknown users. */
    ZoneId zoneOf(UserId user);
}

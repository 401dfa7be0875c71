package io.taskstream.account;

import java.time.ZoneId;
import java.util.Optional;

/** What other modules may ask about a user. */
public interface UserDirectory {

    /** The user's IANA time zone, used to interpret and render dates; UTC for unknown users. */
    ZoneId zoneOf(UserId user);

    /** Whether the account exists (consumers drop events about deleted accounts). */
    boolean exists(UserId user);

    /** The account's email address (where notifications go by default); empty for unknown users. */
    Optional<String> emailOf(UserId user);
}

package io.taskstream.account;

import java.time.Instant;
import java.util.UUID;

/** A user's public profile. */
record Profile(UUID userId, String email, String name, String timeZone, Instant createdAt) {
}

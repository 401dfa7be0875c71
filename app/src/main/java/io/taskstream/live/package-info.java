/**
 * Live sync: Server-Sent Events of a user's task updates and notifications to every open client of that user, with
 * resume by {@code Last-Event-ID}, single-use tickets for browsers, a per-account limit of open streams, and streams
 * that end with the session that opened them (ADR 035). No public surface.
 */
package io.taskstream.live;

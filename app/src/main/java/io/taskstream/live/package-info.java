/**
 * Live sync: Server-Sent Events of a user's task updates to every open client of that user, with
 * resume by {@code Last-Event-ID} and single-use tickets for browsers.
 */
package io.taskstream.live;

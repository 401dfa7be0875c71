-- Token buckets of costly attempts per client address (failed logins, sign-ups), shared by every replica and kept
-- across restarts (ADR 030). Bucket4j's PostgreSQL proxy manager reads a row FOR UPDATE, and writes back the bucket's
-- state with the moment (epoch ms) from which it is full again: past that, the row is only clutter and is deleted.
create table client_allowance (
    id         text primary key,
    state      bytea,
    expires_at bigint
);
create index client_allowance_expires_idx on client_allowance (expires_at);

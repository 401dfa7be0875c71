-- Single-use, short-lived tickets that let a browser's EventSource (which cannot send headers) open
-- the live stream. Only a hash of the ticket is stored.
create table stream_ticket (
    ticket_hash bytea        primary key,
    user_id     uuid         not null references app_user (id) on delete cascade,
    expires_at  timestamptz  not null
);

create index stream_ticket_expiry_idx on stream_ticket (expires_at);

-- NOTIFY is not free: a committing transaction that notified takes a lock that serializes it with every
-- other such commit until its commit record is on disk, and queues the message for all listeners. It only
-- matters to relays in *other* processes (the writing process wakes its own relay directly). A session that
-- knows no other process shares its outbox (the embedded database of a single process) sets
-- taskstream.outbox_notify = off, and its outbox writes notify nobody. Unset, as everywhere else, it notifies.
create or replace function event_outbox_notify() returns trigger language plpgsql as $$
begin
    if coalesce(current_setting('taskstream.outbox_notify', true), '') <> 'off' then
        perform pg_notify('taskstream_outbox', '');
    end if;
    return null;
end;
$$;

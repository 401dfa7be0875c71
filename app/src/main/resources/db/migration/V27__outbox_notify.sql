-- Wakes the outbox relay when a transaction that wrote outbox rows commits, in whichever process it ran:
-- PostgreSQL delivers the notification to listening sessions only on commit (never for a rollback), and
-- folds identical notifications of one transaction into one. The relay LISTENs on a connection of its
-- own; its poll interval is only the fallback for a lost listening connection.
create function event_outbox_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('taskstream_outbox', '');
    return null;
end;
$$;

create trigger event_outbox_notify after insert on event_outbox
    for each statement execute function event_outbox_notify();

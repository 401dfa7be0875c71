-- Append-only activity history, written by the audit consumer from task-events. No foreign key to
-- task: the history of a task survives its deletion.
create table audit_entry (
    id             bigint generated always as identity primary key,
    event_id       uuid          not null unique,
    user_id        uuid          not null,
    task_id        bigint        not null,
    event_type     varchar(40)   not null,
    door           varchar(20)   not null,
    changed_fields text[],
    task           jsonb         not null,
    occurred_at    timestamptz   not null,
    recorded_at    timestamptz   not null
);

create index audit_entry_task_idx on audit_entry (user_id, task_id, occurred_at, id);
create index audit_entry_user_idx on audit_entry (user_id, occurred_at, id);

create function audit_entry_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_entry is append-only';
end;
$$;

create trigger audit_entry_append_only before update on audit_entry
    for each row execute function audit_entry_append_only();

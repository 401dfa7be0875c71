-- Reminders scheduled as Dapr jobs (taskstream.reminders.scheduler=dapr, ADR 023). A task change writes
-- the request here in its own transaction (rolled back: nothing to send); the reminders role sends it to
-- the sidecar after commit and retries until the sidecar answers, so neither a rollback nor a sidecar
-- that is briefly down loses or invents a job. One row per job, named deterministically
-- reminder-<reminderId>-<epochSecond>; the row stays until the reminder fired (the callback looks the
-- job up here, so a job no row names any more, cancelled or already fired, fires nothing).
create table reminder_dapr_job (
    name            varchar(160)  primary key,
    task_id         bigint        not null,
    reminder_id     varchar(100)  not null,
    job             jsonb         not null,
    due_at          timestamptz   not null,
    state           varchar(12)   not null check (state in ('pending', 'scheduled', 'cancelling')),
    attempts        integer       not null default 0,
    next_attempt_at timestamptz   not null,
    last_error      text
);

create index reminder_dapr_job_task_idx on reminder_dapr_job (task_id);
-- what the sender has to do: requests not yet accepted by the sidecar, and jobs it never called back
create index reminder_dapr_job_todo_idx on reminder_dapr_job (next_attempt_at) where state <> 'scheduled';
create index reminder_dapr_job_due_idx on reminder_dapr_job (due_at) where state = 'scheduled';

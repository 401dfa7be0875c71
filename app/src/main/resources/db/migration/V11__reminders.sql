-- Reminders. A task's reminders live on the task ({"before": "PT15M"} relative to the due, or
-- {"at": "..."}); each pending one is a db-scheduler execution (table below, db-scheduler's PostgreSQL
-- schema with priority), inserted in the transaction of the task change.
alter table task add column reminders jsonb not null default '[]'::jsonb;

create table scheduled_tasks (
    task_name            text                     not null,
    task_instance        text                     not null,
    task_data            bytea,
    execution_time       timestamp with time zone not null,
    picked               boolean                  not null,
    picked_by            text,
    last_success         timestamp with time zone,
    last_failure         timestamp with time zone,
    consecutive_failures integer,
    last_heartbeat       timestamp with time zone,
    version              bigint                   not null,
    priority             smallint,
    primary key (task_name, task_instance)
);

create index execution_time_idx on scheduled_tasks (execution_time);
create index last_heartbeat_idx on scheduled_tasks (last_heartbeat);
create index priority_execution_time_idx on scheduled_tasks (priority desc, execution_time asc);

-- Every firing of a reminder, once: the scheduler runs an execution at least once (a replica dying after
-- firing but before db-scheduler removed the execution makes another replica run it again); the primary
-- key on (reminder, planned moment) turns that into exactly one firing and one event.
create table reminder_firing (
    id          uuid          primary key,
    user_id     uuid          not null,
    task_id     bigint        not null,
    reminder_id varchar(100)  not null,
    remind_at   timestamptz   not null,
    fired_at    timestamptz   not null,
    late        boolean       not null,
    unique (reminder_id, remind_at)
);

create index reminder_firing_fired_idx on reminder_firing (fired_at);

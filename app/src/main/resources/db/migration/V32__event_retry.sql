-- Events a shared consumer failed on, retried off the delivery path (ADR 034): the relay, a Kafka partition or
-- a Dapr delivery moves on at once and a background worker retries these with exponential backoff, then
-- dead-letters them. One user's events for one consumer stay in order: while an event of a user waits here,
-- that user's later events for the same consumer are queued behind it (attempts 0) instead of being applied.
create table event_retry (
    id              bigint generated always as identity primary key,
    consumer        varchar(100) not null,
    topic           varchar(100) not null,
    event_id        uuid         not null,
    -- the event's user (its record key): the unit of ordering
    ordering_key    varchar(100) not null,
    payload         jsonb        not null,
    attempts        int          not null,
    next_attempt_at timestamptz  not null,
    first_failed_at timestamptz  not null,
    last_error      text,
    unique (consumer, event_id)
);

create index event_retry_queue_idx on event_retry (consumer, ordering_key, id);
create index event_retry_due_idx on event_retry (next_attempt_at);

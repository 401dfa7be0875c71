-- Transactional outbox: rows are written in the same transaction as the change they describe and
-- published by the relay in id order. position is the publication order the relay assigns (the live
-- stream's event id, so a reconnecting client resumes without gaps); published rows are pruned after
-- the retention period.
create table event_outbox (
    id           bigint generated always as identity primary key,
    event_id     uuid          not null unique,
    topic        varchar(100)  not null,
    message_key  varchar(100)  not null,
    event_type   varchar(100)  not null,
    payload      jsonb         not null,
    created_at   timestamptz   not null,
    position     bigint        unique,
    published_at timestamptz
);

create index event_outbox_pending_idx on event_outbox (id) where published_at is null;
create index event_outbox_replay_idx on event_outbox (topic, message_key, position) where position is not null;
create index event_outbox_published_idx on event_outbox (published_at) where published_at is not null;
create sequence event_outbox_position_seq;

-- Idempotent consumers: the ids of the events each consumer has applied, written in the same
-- transaction as the effect.
create table consumed_event (
    consumer    varchar(100) not null,
    event_id    uuid         not null,
    consumed_at timestamptz  not null,
    primary key (consumer, event_id)
);

create index consumed_event_age_idx on consumed_event (consumed_at);

-- Events a consumer of the embedded transport gave up on after its retries (Kafka uses <topic>.dlt).
create table dead_letter (
    id          bigint generated always as identity primary key,
    consumer    varchar(100) not null,
    topic       varchar(100) not null,
    event_id    uuid         not null,
    payload     jsonb        not null,
    error       text         not null,
    failed_at   timestamptz  not null,
    replayed_at timestamptz
);

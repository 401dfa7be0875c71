-- Notifications: what the notifier delivered in-app for each reminder firing (one per firing: the
-- reminders event id), the user's channel settings, and the outbound deliveries (email, webhook), one
-- per (firing, channel) so a redelivered event sends nothing twice.
create table notification (
    id          bigint generated always as identity primary key,
    user_id     uuid          not null references app_user (id) on delete cascade,
    firing_id   uuid          not null unique,
    task_id     bigint        not null,
    reminder_id varchar(100)  not null,
    title       varchar(200)  not null,
    due_at      timestamptz,
    remind_at   timestamptz   not null,
    fired_at    timestamptz   not null,
    late        boolean       not null,
    read_at     timestamptz,
    created_at  timestamptz   not null
);

create index notification_user_idx on notification (user_id, id desc);
create index notification_unread_idx on notification (user_id) where read_at is null;

create table notification_settings (
    user_id               uuid          primary key references app_user (id) on delete cascade,
    in_app                boolean       not null default true,
    email_enabled         boolean       not null default false,
    email_address         varchar(320),
    webhook_enabled       boolean       not null default false,
    webhook_url           varchar(2000),
    webhook_secret        varchar(200),
    webhook_failures      integer       not null default 0,
    webhook_disabled_at   timestamptz,
    updated_at            timestamptz   not null,
    check (not webhook_enabled or (webhook_url is not null and webhook_secret is not null))
);

create table notification_delivery (
    firing_id   uuid          not null,
    channel     varchar(20)   not null check (channel in ('email', 'webhook')),
    user_id     uuid          not null,
    payload     jsonb         not null,
    status      varchar(20)   not null check (status in ('pending', 'sent', 'failed')),
    attempts    integer       not null default 0,
    last_error  text,
    created_at  timestamptz   not null,
    sent_at     timestamptz,
    primary key (firing_id, channel)
);

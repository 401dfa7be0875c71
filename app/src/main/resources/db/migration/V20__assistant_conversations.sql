-- Chat conversations and their messages. The server keeps no state between requests: every turn
-- loads the history from here. pending holds the question the offline engine asked (which of
-- several tasks was meant), so the next message can answer it on any replica.
create table conversation (
    id          bigint generated always as identity primary key,
    user_id     uuid          not null references app_user (id) on delete cascade,
    pending     jsonb,
    created_at  timestamptz   not null,
    updated_at  timestamptz   not null
);

create index conversation_user_idx on conversation (user_id, updated_at desc, id desc);

-- role 'tool' rows hold one executed tool call as JSON {name, arguments, result}.
create table conversation_message (
    id               bigint generated always as identity primary key,
    user_id          uuid          not null,
    conversation_id  bigint        not null references conversation (id) on delete cascade,
    role             varchar(16)   not null check (role in ('user', 'assistant', 'tool')),
    content          text          not null,
    created_at       timestamptz   not null
);

create index conversation_message_conversation_idx on conversation_message (conversation_id, id);

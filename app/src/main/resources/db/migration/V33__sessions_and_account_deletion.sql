-- Sessions that end before their token expires, and accounts that can be deleted (ADR 035).
--
-- session_version is the "sv" claim of every access token issued for the account: changing the password raises
-- it, and a token that carries an older one is refused from then on, on every replica. Tokens issued before this
-- claim existed count as version 0.
alter table app_user add column session_version integer not null default 0;

-- Single access tokens ended early (logout), by their jti, until they would have expired anyway: the sweeper then
-- deletes the row. Checked on every request a JWT authenticates, by primary key.
create table revoked_token (
    jti        varchar(100) primary key,
    user_id    uuid         not null references app_user (id) on delete cascade,
    expires_at timestamptz  not null
);

create index revoked_token_expiry_idx on revoked_token (expires_at);
create index revoked_token_user_idx on revoked_token (user_id);

-- Deleting an account deletes every row of its data with it. The tables that had a user_id without a foreign key
-- get one with on delete cascade; consumers that write them for an event about an account deleted meanwhile drop
-- the event instead of failing on it. NOT VALID: rows already there are not checked (nor locked for a scan); the
-- constraint holds for every row written from now on, and the cascade applies to all of them.
-- task_term follows task through its triggers, conversation_message follows conversation.
alter table audit_entry add constraint audit_entry_user_fk
    foreign key (user_id) references app_user (id) on delete cascade not valid;

alter table reminder_firing add constraint reminder_firing_user_fk
    foreign key (user_id) references app_user (id) on delete cascade not valid;
create index reminder_firing_user_idx on reminder_firing (user_id);

alter table notification_delivery add constraint notification_delivery_user_fk
    foreign key (user_id) references app_user (id) on delete cascade not valid;
create index notification_delivery_user_idx on notification_delivery (user_id);

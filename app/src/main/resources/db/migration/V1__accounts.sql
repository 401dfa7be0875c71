-- Accounts. Emails are unique regardless of case; the password hash is an Argon2id string with its
-- algorithm prefix so the algorithm can be upgraded later.
create table app_user (
    id            uuid         primary key,
    email         varchar(320) not null,
    password_hash varchar(255) not null,
    name          varchar(100) not null,
    time_zone     varchar(64)  not null default 'UTC',
    created_at    timestamptz  not null,
    updated_at    timestamptz  not null
);

create unique index app_user_email_uk on app_user (lower(email));

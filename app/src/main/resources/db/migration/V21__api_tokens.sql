-- Long-lived personal API tokens (for MCP clients and scripts). Only a SHA-256 hash of the secret is
-- stored: the tokens are 256-bit random values, so a fast hash is enough and a lookup by hash is exact.
-- Revoking deletes the row.
create table api_token (
    id            bigint generated always as identity primary key,
    user_id       uuid          not null references app_user (id) on delete cascade,
    name          varchar(100)  not null,
    token_hash    char(64)      not null unique,
    created_at    timestamptz   not null,
    last_used_at  timestamptz,
    expires_at    timestamptz
);

create index api_token_user_idx on api_token (user_id, created_at, id);

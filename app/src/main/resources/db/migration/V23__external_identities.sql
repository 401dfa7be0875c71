-- Identities at an external OpenID Connect issuer (TASKSTREAM_OIDC_ISSUER_URI), each bound to one account.
-- The pair (issuer, subject) is what the issuer guarantees stable; the email is only used once, when the
-- identity is first seen (docs/adr/024-external-oidc-accounts.md).
create table external_identity (
    issuer     varchar(500) not null,
    subject    varchar(255) not null,
    user_id    uuid         not null references app_user (id) on delete cascade,
    created_at timestamptz  not null,
    primary key (issuer, subject)
);

create index external_identity_user_idx on external_identity (user_id);

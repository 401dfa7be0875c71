-- The session that asked for a stream ticket, so that the stream it opens ends with that session (ADR 035).
-- Null for sessions we cannot end (the external issuer's) and for tickets issued before this column.
alter table stream_ticket
    add column session_kind    text,
    add column session_id      text,
    add column session_version integer;

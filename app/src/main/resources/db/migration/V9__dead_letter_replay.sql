-- Operators ask for a dead letter to be replayed by setting replay_requested_at; the replayer hands it to
-- its consumer again (idempotently) and records replayed_at, or keeps it dead with the new error.
alter table dead_letter add column replay_requested_at timestamptz;

create index dead_letter_replay_idx on dead_letter (id) where replay_requested_at is not null and replayed_at is null;

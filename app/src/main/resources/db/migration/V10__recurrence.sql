-- Recurring tasks. A recurring task carries its normalised RFC 5545 rule and whether the next
-- occurrence counts from the due date or from the completion. Every occurrence of a series shares
-- series_id; occurrence_index is its position among the rule's instances (what COUNT counts).
-- spawned_from links an occurrence to the one whose completion created it: unique, so however often
-- and however concurrently a completion is processed, it creates at most one next occurrence.
alter table task
    add column recurrence_rule  varchar(500),
    add column recurrence_from  varchar(10) check (recurrence_from in ('due', 'completion')),
    add column series_id        uuid,
    add column occurrence_index integer not null default 1 check (occurrence_index >= 1),
    add column spawned_from     bigint references task (id) on delete set null,
    add constraint task_recurrence_complete check ((recurrence_rule is null) = (recurrence_from is null)),
    add constraint task_recurrence_needs_due check (recurrence_rule is null or due_at is not null),
    add constraint task_spawned_from_uk unique (spawned_from);

create index task_series_idx on task (series_id, due_at, id) where series_id is not null;

-- The statements the previous release's code ran, captured from its test suite by
-- ./mvnw verify -Dschema-compat.update=true (see docs/adr/054-expand-contract-migrations.md).
-- PreviousReleaseStatementsIT prepares each against the current migrations.
-- last migration: V38

-- statement; parameter type ids: 20,20,23
DELETE FROM client_allowance WHERE
    expires_at < $1 AND
    id IN(SELECT id FROM client_allowance WHERE expires_at < $2 LIMIT $3 FOR UPDATE SKIP LOCKED);

-- statement; parameter type ids: 1043
INSERT INTO client_allowance(id, state) VALUES($1, null) ON CONFLICT(id) DO NOTHING;

-- statement; parameter type ids:
SELECT 1;

-- statement; parameter type ids: 1043
SELECT state as state FROM client_allowance WHERE id = $1 FOR UPDATE;

-- statement; parameter type ids: 17,20,1043
UPDATE client_allowance SET state=$1,expires_at=$2 WHERE id=$3;

-- statement; parameter type ids: 1184,16,1043,1184,0,23,0,20,1043,1043,20
UPDATE scheduled_tasks SET execution_time = $1, picked = $2, picked_by = $3, last_success = $4, last_failure = $5, consecutive_failures = $6, last_heartbeat = $7, version = $8 WHERE task_name = $9 AND task_instance = $10 AND version = $11;

-- statement; parameter type ids: 20,2950
delete from api_token where id = $1 and user_id = $2;

-- statement; parameter type ids: 2950
delete from app_user where id = $1;

-- statement; parameter type ids: 0
delete from consumed_event where consumed_at < $1;

-- statement; parameter type ids: 20,2950
delete from conversation where id = $1 and user_id = $2;

-- statement; parameter type ids: 2950,23
delete from conversation where id in (select id from conversation where user_id = $1 order by updated_at desc, id desc offset $2);

-- statement; parameter type ids: 0
delete from event_outbox where published_at < $1;

-- statement; parameter type ids: 20
delete from event_retry where id = $1;

-- statement; parameter type ids: 1043
delete from reminder_dapr_job where name = $1;

-- statement; parameter type ids: 1043
delete from reminder_dapr_job where state = 'pending' and job ->> 'userId' = $1;

-- statement; parameter type ids: 20
delete from reminder_dapr_job where task_id = $1 and state = 'pending';

-- statement; parameter type ids: 20,1043
delete from reminder_dapr_job where task_id = $1 and state = 'pending' and reminder_id not like $2;

-- statement; parameter type ids: 0
delete from revoked_token where expires_at < $1;

-- statement; parameter type ids: 1043,0,23,1043
delete from scheduled_tasks s using (select task_instance from scheduled_tasks where task_name = $1 and not picked and execution_time <= $2 order by execution_time limit $3 for update skip locked) d where s.task_name = $4 and s.task_instance = d.task_instance returning s.task_data;

-- statement; parameter type ids: 1043,1043
delete from scheduled_tasks where task_name = $1 and not picked and convert_from(task_data, 'UTF8')::jsonb ->> 'userId' = $2;

-- statement; parameter type ids: 1043,1043
delete from scheduled_tasks where task_name = $1 and task_instance like $2 and not picked;

-- statement; parameter type ids: 1043,1043,1043
delete from scheduled_tasks where task_name = $1 and task_instance like $2 and not picked and task_instance not like $3;

-- statement; parameter type ids: 0
delete from stream_ticket where expires_at < $1;

-- statement; parameter type ids: 17,0
delete from stream_ticket where ticket_hash = $1 and expires_at > $2 returning user_id, session_kind, session_id, session_version;

-- statement; parameter type ids: 20,2950
delete from task where id = $1 and user_id = $2;

-- statement; parameter type ids: 2950,2950,0,20
delete from task where user_id = $1 and series_id = $2 and (due_at, id) >= ($3, $4) returning id, user_id, title, description, completed, priority, tags, due_at, all_day, recurrence_rule, recurrence_from, series_id, occurrence_index, reminders::text as reminders, created_at, updated_at, completed_at;

-- statement; parameter type ids: 2950,2950
delete from task where user_id = $1 and series_id = $2 returning id, user_id, title, description, completed, priority, tags, due_at, all_day, recurrence_rule, recurrence_from, series_id, occurrence_index, reminders::text as reminders, created_at, updated_at, completed_at;

-- statement; parameter type ids: 2950,1043,1043,0,0
insert into api_token (user_id, name, token_hash, created_at, expires_at) values ($1, $2, $3, $4, $5) returning id, user_id, name, created_at, last_used_at, expires_at;

-- statement; parameter type ids: 2950,1043,1043,1043,1043,0,0
insert into app_user (id, email, password_hash, name, time_zone, created_at, updated_at)
values ($1, $2, $3, $4, $5, $6, $7)
on conflict do nothing;

-- statement; parameter type ids: 0,1043
insert into audit_entry (event_id, user_id, task_id, event_type, door, changed_fields, task, occurred_at, recorded_at) select (e->>'eventId')::uuid, (e->>'userId')::uuid, (e->>'taskId')::bigint, e->>'type', e->>'door', case when jsonb_typeof(e->'changedFields') = 'array' then array(select jsonb_array_elements_text(e->'changedFields')) end, e->'task', (e->>'occurredAt')::timestamptz, $1 from jsonb_array_elements($2::jsonb) with ordinality as x(e, n) where exists (select 1 from app_user u where u.id = (e->>'userId')::uuid) order by n on conflict (event_id) do nothing;

-- statement; parameter type ids: 1043,0,1043
insert into consumed_event (consumer, event_id, consumed_at) select $1, id, $2 from unnest($3::uuid[]) as id on conflict do nothing returning event_id::text;

-- statement; parameter type ids: 2950,0,0
insert into conversation (user_id, created_at, updated_at) values ($1, $2, $3) returning id, user_id, pending::text, created_at, updated_at, null as preview;

-- statement; parameter type ids: 2950,20,1043,1043,0
insert into conversation_message (user_id, conversation_id, role, content, created_at) values ($1, $2, $3, $4, $5);

-- statement; parameter type ids: 1043,1043,2950,1043,1043,0
insert into dead_letter (consumer, topic, event_id, payload, error, failed_at) values ($1, $2, $3, $4::jsonb, $5, $6);

-- statement; parameter type ids: 0,1043,1043,1043,1043,1043
insert into event_outbox (event_id, topic, message_key, event_type, payload, created_at) select e.id, e.topic, e.key, e.type, e.payload::json, $1 from unnest($2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[]) with ordinality as e(topic, id, key, type, payload, n) order by e.n;

-- statement; parameter type ids: 1043,1043,2950,1043,1043,23,0,0,0
insert into event_retry (consumer, topic, event_id, ordering_key, payload, attempts, next_attempt_at, first_failed_at, last_error) values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9) on conflict (consumer, event_id) do nothing;

-- statement; parameter type ids: 1043,1043,2950,1043,1043,23,0,0,1043
insert into event_retry (consumer, topic, event_id, ordering_key, payload, attempts, next_attempt_at, first_failed_at, last_error) values ($1, $2, $3, $4, $5::jsonb, $6, $7, $8, $9) on conflict (consumer, event_id) do nothing;

-- statement; parameter type ids: 1043,1043,2950,0
insert into external_identity (issuer, subject, user_id, created_at)
values ($1, $2, $3, $4)
on conflict do nothing;

-- statement; parameter type ids: 2950,2950,20,1043,1043,0,0,0,16,0
insert into notification (user_id, firing_id, task_id, reminder_id, title, due_at, remind_at, fired_at, late, created_at) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) on conflict (firing_id) do nothing returning id, user_id, firing_id, task_id, reminder_id, title, due_at, remind_at, fired_at, late, read_at;

-- statement; parameter type ids: 2950,1043,2950,1043,0
insert into notification_delivery (firing_id, channel, user_id, payload, status, created_at) values ($1, $2, $3, $4::jsonb, 'pending', $5) on conflict do nothing;

-- statement; parameter type ids: 2950,16,16,0,16,0,1043,23,0
insert into notification_settings (user_id, in_app, email_enabled, email_address, webhook_enabled, webhook_url, webhook_secret, webhook_failures, webhook_disabled_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, null, $9) on conflict (user_id) do update set in_app = excluded.in_app, email_enabled = excluded.email_enabled, email_address = excluded.email_address, webhook_enabled = excluded.webhook_enabled, webhook_url = excluded.webhook_url, webhook_secret = excluded.webhook_secret, webhook_failures = excluded.webhook_failures, webhook_disabled_at = null, updated_at = excluded.updated_at;

-- statement; parameter type ids: 2950,16,16,0,16,1043,1043,23,0
insert into notification_settings (user_id, in_app, email_enabled, email_address, webhook_enabled, webhook_url, webhook_secret, webhook_failures, webhook_disabled_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, null, $9) on conflict (user_id) do update set in_app = excluded.in_app, email_enabled = excluded.email_enabled, email_address = excluded.email_address, webhook_enabled = excluded.webhook_enabled, webhook_url = excluded.webhook_url, webhook_secret = excluded.webhook_secret, webhook_failures = excluded.webhook_failures, webhook_disabled_at = null, updated_at = excluded.updated_at;

-- statement; parameter type ids: 2950,16,16,1043,16,0,0,23,0
insert into notification_settings (user_id, in_app, email_enabled, email_address, webhook_enabled, webhook_url, webhook_secret, webhook_failures, webhook_disabled_at, updated_at) values ($1, $2, $3, $4, $5, $6, $7, $8, null, $9) on conflict (user_id) do update set in_app = excluded.in_app, email_enabled = excluded.email_enabled, email_address = excluded.email_address, webhook_enabled = excluded.webhook_enabled, webhook_url = excluded.webhook_url, webhook_secret = excluded.webhook_secret, webhook_failures = excluded.webhook_failures, webhook_disabled_at = null, updated_at = excluded.updated_at;

-- statement; parameter type ids: 1043,20,1043,1043,0,0
insert into reminder_dapr_job (name, task_id, reminder_id, job, due_at, state, next_attempt_at) values ($1, $2, $3, $4::jsonb, $5, 'pending', $6) on conflict (name) do update set job = excluded.job, state = 'pending', attempts = 0, next_attempt_at = excluded.next_attempt_at, last_error = null;

-- statement; parameter type ids: 0,1043,1043,1043,1043,1043,1043
insert into reminder_firing (id, user_id, task_id, reminder_id, remind_at, fired_at, late) select f.id, f.user_id, f.task_id, f.reminder_id, f.remind_at, $1, f.late from unnest($2::uuid[], $3::uuid[], $4::bigint[], $5::text[], $6::timestamptz[], $7::boolean[]) as f(id, user_id, task_id, reminder_id, remind_at, late) on conflict do nothing returning id;

-- statement; parameter type ids: 1043,2950,0
insert into revoked_token (jti, user_id, expires_at) values ($1, $2, $3) on conflict do nothing;

-- statement; parameter type ids: 1043,1043,17,1184,16,20,23
insert into scheduled_tasks(task_name, task_instance, task_data, execution_time, picked, version, priority) values($1, $2, $3, $4, $5, $6 , $7);

-- statement; parameter type ids: 17,2950,0,1043,1043,23
insert into stream_ticket (ticket_hash, user_id, expires_at, session_kind, session_id, session_version) values ($1, $2, $3, $4, $5, $6);

-- statement; parameter type ids: 2950,1043,0,21,1043,0,16,1043,1043,2950,23,20,1043,0,0
insert into task (user_id, title, description, priority, tags, due_at, all_day, recurrence_rule, recurrence_from, series_id, occurrence_index, spawned_from, reminders, created_at, updated_at) values ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14, $15) on conflict (spawned_from) do nothing returning id, user_id, title, description, completed, priority, tags, due_at, all_day, recurrence_rule, recurrence_from, series_id, occurrence_index, reminders::text as reminders, created_at, updated_at, completed_at;

-- statement; parameter type ids: 2950,1043,1043,21,1043,0,16,1043,1043,2950,23,20,1043,0,0
insert into task (user_id, title, description, priority, tags, due_at, all_day, recurrence_rule, recurrence_from, series_id, occurrence_index, spawned_from, reminders, created_at, updated_at) values ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9, $10, $11, $12, $13::jsonb, $14, $15) on conflict (spawned_from) do nothing returning id, user_id, title, description, completed, priority, tags, due_at, all_day, recurrence_rule, recurrence_from, series_id, occurrence_index, reminders::text as reminders, created_at, updated_at, completed_at;

-- statement; parameter type ids: 2950,1043,0,21,1043,0,16,0,0,0,1043,0,0,2950
insert into task (user_id, title, description, priority, tags, due_at, all_day, recurrence_rule, recurrence_from, series_id, reminders, created_at, updated_at) values ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9, $10, $11::jsonb, $12, $13) returning id, user_id, title, description, completed, priority, tags, due_at, all_day, recurrence_rule, recurrence_from, series_id, occurrence_index, reminders::text as reminders, created_at, updated_at, completed_at, (select coalesce(sum(c.open), 0) from task_open_count c where c.user_id = $14) as open_before;

-- statement; parameter type ids: 2950,1043,0,21,1043,0,16,1043,1043,2950,1043,0,0,2950
insert into task (user_id, title, description, priority, tags, due_at, all_day, recurrence_rule, recurrence_from, series_id, reminders, created_at, updated_at) values ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9, $10, $11::jsonb, $12, $13) returning id, user_id, title, description, completed, priority, tags, due_at, all_day, recurrence_rule, recurrence_from, series_id, occurrence_index, reminders::text as reminders, created_at, updated_at, completed_at, (select coalesce(sum(c.open), 0) from task_open_count c where c.user_id = $14) as open_before;

-- statement; parameter type ids: 2950,1043,1043,21,1043,0,16,0,0,0,1043,0,0,2950
insert into task (user_id, title, description, priority, tags, due_at, all_day, recurrence_rule, recurrence_from, series_id, reminders, created_at, updated_at) values ($1, $2, $3, $4, $5::text[], $6, $7, $8, $9, $10, $11::jsonb, $12, $13) returning id, user_id, title, description, completed, priority, tags, due_at, all_day, recurrence_rule, recurrence_from, series_id, occurrence_index, reminders::text as reminders, created_at, updated_at, completed_at, (select coalesce(sum(c.open), 0) from task_open_count c where c.user_id = $14) as open_before;

-- statement; parameter type ids: 1043,0,0
select (select count(*) from scheduled_tasks where task_name = $1 and execution_time < $2)
     + (select count(*) from reminder_dapr_job where state <> 'cancelling' and due_at < $3);

-- statement; parameter type ids: 20,2950,23
select * from (select * from conversation_message where conversation_id = $1 and user_id = $2 order by id desc limit $3) m order by id;

-- statement; parameter type ids: 2950
select * from app_user where id = $1;

-- statement; parameter type ids: 1043
select * from app_user where lower(email) = lower($1);

-- statement; parameter type ids: 2950,0,0,23
select * from audit_entry where user_id = $1 and occurred_at >= $2 and occurred_at < $3 order by occurred_at, id limit $4;

-- statement; parameter type ids: 2950,0,23
select * from audit_entry where user_id = $1 and occurred_at >= $2 order by occurred_at, id limit $3;

-- statement; parameter type ids: 2950,20
select * from audit_entry where user_id = $1 and task_id = $2 order by occurred_at, id;

-- statement; parameter type ids: 20,2950
select * from conversation_message where conversation_id = $1 and user_id = $2 order by id;

-- statement; parameter type ids: 2950
select * from notification_settings where user_id = $1;

-- statement; parameter type ids: 1043,1043
select * from scheduled_tasks where task_name = $1 and task_instance = $2;

-- statement; parameter type ids: 2950,23
select c.id, c.user_id, c.pending::text, c.created_at, c.updated_at,
       (select left(m.content, 80) from conversation_message m
         where m.conversation_id = c.id and m.role = 'user' order by m.id limit 1) as preview
from conversation c where c.user_id = $1
order by c.updated_at desc, c.id desc limit $2;

-- statement; parameter type ids: 2950
select coalesce(json_agg(c order by c.id), '[]'::json)::text from (
    select v.id, v.created_at as "createdAt", v.updated_at as "updatedAt",
           (select coalesce(json_agg(m order by m.id), '[]'::json) from (
               select id, role, content, created_at as "createdAt"
               from conversation_message where conversation_id = v.id) m) as messages
    from conversation v where v.user_id = $1) c;

-- statement; parameter type ids: 2950
select coalesce(json_agg(f order by f."firedAt", f."reminderId"), '[]'::json)::text from (
    select task_id as "taskId", reminder_id as "reminderId", remind_at as "remindAt",
           fired_at as "firedAt", late
    from reminder_firing where user_id = $1) f;

-- statement; parameter type ids: 2950
select coalesce(json_agg(h order by h."occurredAt", h.id), '[]'::json)::text from (
    select id, task_id as "taskId", event_type as "eventType", door,
           changed_fields as "changedFields", task, occurred_at as "occurredAt"
    from audit_entry where user_id = $1) h;

-- statement; parameter type ids: 2950
select coalesce(json_agg(t order by t.id), '[]'::json)::text from (
    select id, title, description, completed, priority, tags, due_at as "dueAt",
           all_day as "allDay", created_at as "createdAt", updated_at as "updatedAt",
           completed_at as "completedAt", recurrence_rule as "recurrenceRule",
           recurrence_from as "recurrenceFrom", series_id as "seriesId",
           occurrence_index as "occurrenceIndex", spawned_from as "spawnedFrom", reminders
    from task where user_id = $1) t;

-- statement; parameter type ids:
select coalesce(min(position), 9223372036854775807) from event_outbox where position is not null;

-- statement; parameter type ids: 1043
select count(*) as depth, min(r.next_attempt_at) filter (where not exists (select 1 from event_retry e where e.consumer = r.consumer and e.ordering_key = r.ordering_key and e.id < r.id)) as next from event_retry r where r.consumer = any($1::varchar[]);

-- statement; parameter type ids: 2950,0,0,23
select count(*) from (select 1 from task t where t.user_id = $1 and not t.completed and (t.due_at < $2 or (not t.all_day and t.due_at < $3)) limit $4) c;

-- statement; parameter type ids: 2950,0,23
select count(*) from (select 1 from task t where t.user_id = $1 and not t.completed and t.due_at <= $2 limit $3) c;

-- statement; parameter type ids: 2950,0,0,23
select count(*) from (select 1 from task t where t.user_id = $1 and not t.completed and t.due_at >= $2 and t.due_at <= $3 limit $4) c;

-- statement; parameter type ids: 2950,21,23
select count(*) from (select 1 from task t where t.user_id = $1 and not t.completed and t.priority in ($2) limit $3) c;

-- statement; parameter type ids: 2950,1043,23
select count(*) from (select 1 from task t where t.user_id = $1 and not t.completed and t.tags @> $2::text[] limit $3) c;

-- statement; parameter type ids: 2950,23
select count(*) from (select 1 from task t where t.user_id = $1 and not t.completed limit $2) c;

-- statement; parameter type ids: 2950,23
select count(*) from (select 1 from task t where t.user_id = $1 and t.completed limit $2) c;

-- statement; parameter type ids: 2950,0,23
select count(*) from (select 1 from task t where t.user_id = $1 and t.due_at <= $2 limit $3) c;

-- statement; parameter type ids: 2950,0,0,23
select count(*) from (select 1 from task t where t.user_id = $1 and t.due_at >= $2 and t.due_at <= $3 limit $4) c;

-- statement; parameter type ids: 2950,0,23
select count(*) from (select 1 from task t where t.user_id = $1 and t.due_at >= $2 limit $3) c;

-- statement; parameter type ids: 2950,21,23
select count(*) from (select 1 from task t where t.user_id = $1 and t.priority in ($2) limit $3) c;

-- statement; parameter type ids: 2950,21,21,23
select count(*) from (select 1 from task t where t.user_id = $1 and t.priority in ($2, $3) limit $4) c;

-- statement; parameter type ids: 2950,1043,23
select count(*) from (select 1 from task t where t.user_id = $1 and t.tags @> $2::text[] limit $3) c;

-- statement; parameter type ids: 2950,23
select count(*) from (select 1 from task t where t.user_id = $1 limit $2) c;

-- statement; parameter type ids: 1043,2950,23
select count(*) from (select 1 from task t, to_tsquery('english', $1) q where t.user_id = $2 and not t.completed and t.search @@ q limit $3) c;

-- statement; parameter type ids: 1043,2950,23
select count(*) from (select 1 from task t, to_tsquery('english', $1) q where t.user_id = $2 and t.search @@ q limit $3) c;

-- statement; parameter type ids: 2950
select count(*) from api_token where user_id = $1;

-- statement; parameter type ids: 20,2950
select count(*) from conversation where id = $1 and user_id = $2;

-- statement; parameter type ids: 1043,1043
select distinct ordering_key from event_retry where consumer = $1 and ordering_key = any($2::varchar[]);

-- statement; parameter type ids: 2950,23,1043
select exists (select 1 from app_user where id = $1 and session_version = $2)
   and not exists (select 1 from revoked_token where jti = $3);

-- statement; parameter type ids:
select id, consumer, payload::text as payload from dead_letter where replay_requested_at is not null and replayed_at is null order by id limit 100 for update skip locked;

-- statement; parameter type ids: 23
select id, topic, message_key, payload::text as payload, created_at from event_outbox where published_at is null order by id limit $1;

-- statement; parameter type ids: 2950,20
select id, user_id, firing_id, task_id, reminder_id, title, due_at, remind_at, fired_at, late, read_at from notification where user_id = $1 and id = $2;

-- statement; parameter type ids: 2950,23
select id, user_id, firing_id, task_id, reminder_id, title, due_at, remind_at, fired_at, late, read_at from notification where user_id = $1 order by id desc limit $2;

-- statement; parameter type ids: 1043,0
select id, user_id, name, created_at, last_used_at, expires_at from api_token where token_hash = $1 and (expires_at is null or expires_at > $2);

-- statement; parameter type ids: 2950
select id, user_id, name, created_at, last_used_at, expires_at from api_token where user_id = $1 order by created_at, id;

-- statement; parameter type ids: 20,2950
select id, user_id, pending::text, created_at, updated_at, null as preview from conversation where id = $1 and user_id = $2 for update;

-- statement; parameter type ids: 20,2950
select id, user_id, title, description, completed, priority, tags, due_at, all_day, recurrence_rule, recurrence_from, series_id, occurrence_index, reminders::text as reminders, created_at, updated_at, completed_at from task where id = $1 and user_id = $2;

-- statement; parameter type ids: 20,2950
select id, user_id, title, description, completed, priority, tags, due_at, all_day, recurrence_rule, recurrence_from, series_id, occurrence_index, reminders::text as reminders, created_at, updated_at, completed_at from task where id = $1 and user_id = $2 for update;

-- statement; parameter type ids: 1043
select id, user_id, title, description, completed, priority, tags, due_at, all_day, recurrence_rule, recurrence_from, series_id, occurrence_index, reminders::text as reminders, created_at, updated_at, completed_at from task where id = any($1::bigint[]);

-- statement; parameter type ids: 2950,0,0,23
select id, user_id, title, description, completed, priority, tags, due_at, all_day, recurrence_rule, recurrence_from, series_id, occurrence_index, reminders::text as reminders, created_at, updated_at, completed_at from task where user_id = $1 and not completed and due_at < $2 and (due_at >= $3 or recurrence_rule is not null) order by due_at, id limit $4;

-- statement; parameter type ids: 2950,2950
select id, user_id, title, description, completed, priority, tags, due_at, all_day, recurrence_rule, recurrence_from, series_id, occurrence_index, reminders::text as reminders, created_at, updated_at, completed_at from task where user_id = $1 and series_id = $2 order by due_at asc nulls last, id;

-- statement; parameter type ids: 1043
select job::text from reminder_dapr_job where name = $1 and state <> 'cancelling' for update;

-- statement; parameter type ids: 2950,2950
select json_build_object(
    'settings', (select row_to_json(s) from (
        select in_app as "inApp", email_enabled as "emailEnabled", email_address as "emailAddress",
               webhook_enabled as "webhookEnabled", webhook_url as "webhookUrl",
               webhook_disabled_at as "webhookDisabledAt", updated_at as "updatedAt"
        from notification_settings where user_id = $1) s),
    'items', (select coalesce(json_agg(n order by n.id), '[]'::json) from (
        select id, task_id as "taskId", reminder_id as "reminderId", title, due_at as "dueAt",
               remind_at as "remindAt", fired_at as "firedAt", late, read_at as "readAt",
               created_at as "createdAt"
        from notification where user_id = $2) n))::text;

-- statement; parameter type ids: 0,0,23
select name, job::text, due_at, state, attempts from reminder_dapr_job where (state <> 'scheduled' and next_attempt_at <= $1) or (state = 'scheduled' and due_at <= $2) order by next_attempt_at limit $3 for update skip locked;

-- statement; parameter type ids: 23
select nextval('event_outbox_position_seq') from generate_series(1, $1);

-- statement; parameter type ids: 2950,1043
select payload::text, attempts from notification_delivery where firing_id = $1 and channel = $2 and status = 'pending';

-- statement; parameter type ids: 20
select pg_try_advisory_xact_lock($1), set_config('plan_cache_mode', 'force_custom_plan', true), set_config('enable_bitmapscan', 'off', true), set_config('enable_seqscan', 'off', true);

-- statement; parameter type ids: 1043,1043,20,23
select position, payload::text as payload from event_outbox where topic = $1 and message_key = $2 and position > $3 order by position limit $4;

-- statement; parameter type ids: 1043,0,23
select r.id, r.consumer, r.topic, r.payload::text as payload, r.attempts from event_retry r where r.consumer = any($1::varchar[]) and r.next_attempt_at <= $2 and not exists (select 1 from event_retry e where e.consumer = r.consumer and e.ordering_key = r.ordering_key and e.id < r.id) order by r.next_attempt_at, r.id limit $3 for update of r skip locked;

-- statement; parameter type ids: 1043,0
select s.i from jsonb_to_recordset(cast($1 as jsonb)) as s(i int, k text, u uuid, j text, v int)
where case when s.k = 'api' then not exists (
               select 1 from api_token t where t.id = cast(s.j as bigint) and t.user_id = s.u
                  and (t.expires_at is null or t.expires_at > $2))
           else not exists (select 1 from app_user a where a.id = s.u and a.session_version = s.v)
               or exists (select 1 from revoked_token r where r.jti = s.j) end;

-- statement; parameter type ids:
select set_config('enable_seqscan', 'off', true);

-- statement; parameter type ids: 2950,0,0,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 and not t.completed and (t.due_at < $2 or (not t.all_day and t.due_at < $3)) order by t.created_at asc, t.id asc limit $4 offset $5;

-- statement; parameter type ids: 2950,0,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 and not t.completed and t.due_at <= $2 order by t.due_at asc nulls last, t.id asc limit $3 offset $4;

-- statement; parameter type ids: 2950,21,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 and not t.completed and t.priority in ($2) order by t.due_at asc nulls last, t.id asc limit $3 offset $4;

-- statement; parameter type ids: 2950,1043,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 and not t.completed and t.tags @> $2::text[] order by t.created_at asc, t.id asc limit $3 offset $4;

-- statement; parameter type ids: 2950,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 and not t.completed order by lower(t.title) asc, t.id asc limit $2 offset $3;

-- statement; parameter type ids: 2950,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 and not t.completed order by lower(t.title) desc, t.id desc limit $2 offset $3;

-- statement; parameter type ids: 2950,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 and not t.completed order by t.created_at asc, t.id asc limit $2 offset $3;

-- statement; parameter type ids: 2950,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 and not t.completed order by t.due_at asc nulls last, t.id asc limit $2 offset $3;

-- statement; parameter type ids: 2950,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 and not t.completed order by t.due_at desc nulls last, t.id desc limit $2 offset $3;

-- statement; parameter type ids: 2950,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 and t.completed order by t.created_at asc, t.id asc limit $2 offset $3;

-- statement; parameter type ids: 2950,0,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 and t.due_at <= $2 order by t.created_at asc, t.id asc limit $3 offset $4;

-- statement; parameter type ids: 2950,0,0,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 and t.due_at >= $2 and t.due_at <= $3 order by t.created_at asc, t.id asc limit $4 offset $5;

-- statement; parameter type ids: 2950,0,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 and t.due_at >= $2 order by t.created_at asc, t.id asc limit $3 offset $4;

-- statement; parameter type ids: 2950,21,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 and t.priority in ($2) order by t.created_at asc, t.id asc limit $3 offset $4;

-- statement; parameter type ids: 2950,21,21,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 and t.priority in ($2, $3) order by t.created_at asc, t.id asc limit $4 offset $5;

-- statement; parameter type ids: 2950,1043,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 and t.tags @> $2::text[] order by t.created_at asc, t.id asc limit $3 offset $4;

-- statement; parameter type ids: 2950,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 order by lower(t.title) asc, t.id asc limit $2 offset $3;

-- statement; parameter type ids: 2950,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 order by lower(t.title) desc, t.id desc limit $2 offset $3;

-- statement; parameter type ids: 2950,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 order by t.created_at asc, t.id asc limit $2 offset $3;

-- statement; parameter type ids: 2950,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 order by t.created_at desc, t.id desc limit $2 offset $3;

-- statement; parameter type ids: 2950,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 order by t.due_at asc nulls last, t.id asc limit $2 offset $3;

-- statement; parameter type ids: 2950,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 order by t.due_at desc nulls last, t.id desc limit $2 offset $3;

-- statement; parameter type ids: 2950,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 order by t.priority asc, t.due_at asc nulls last, t.id asc limit $2 offset $3;

-- statement; parameter type ids: 2950,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 order by t.priority desc, t.due_at asc nulls last, t.id asc limit $2 offset $3;

-- statement; parameter type ids: 2950,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 order by t.updated_at asc, t.id asc limit $2 offset $3;

-- statement; parameter type ids: 2950,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t where t.user_id = $1 order by t.updated_at desc, t.id desc limit $2 offset $3;

-- statement; parameter type ids: 1043,2950,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t, to_tsquery('english', $1) q where t.user_id = $2 and not t.completed and t.search @@ q order by t.due_at asc nulls last, t.id asc limit $3 offset $4;

-- statement; parameter type ids: 1043,2950,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t, to_tsquery('english', $1) q where t.user_id = $2 and t.search @@ q order by lower(t.title) asc, t.id asc limit $3 offset $4;

-- statement; parameter type ids: 1043,2950,23,20
select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at from task t, to_tsquery('english', $1) q where t.user_id = $2 and t.search @@ q order by t.due_at asc nulls last, t.id asc limit $3 offset $4;

-- statement; parameter type ids: 2950
select tag, count(*) as n from task, unnest(tags) as tag where user_id = $1 group by tag order by n desc, tag;

-- statement; parameter type ids: 2950,1043,23
select task_id from audit_entry where user_id = $1 and task->>'title' ilike $2 group by task_id order by max(occurred_at) desc limit $3;

-- statement; parameter type ids: 2950
select time_zone from app_user where id = $1;

-- statement; parameter type ids: 1043,1043
select user_id from external_identity where issuer = $1 and subject = $2;

-- statement; parameter type ids: 0,20,0
update api_token set last_used_at = $1 where id = $2 and (last_used_at is null or last_used_at < $3);

-- statement; parameter type ids: 1043,1043,0,2950
update app_user set name = $1, time_zone = $2, updated_at = $3 where id = $4;

-- statement; parameter type ids: 1043,0,2950,1043
update app_user set password_hash = $1, session_version = session_version + 1, updated_at = $2 where id = $3 and password_hash = $4 returning session_version;

-- statement; parameter type ids: 0,0,20,2950
update conversation set pending = cast($1 as jsonb), updated_at = $2 where id = $3 and user_id = $4;

-- statement; parameter type ids: 1043,0,20,2950
update conversation set pending = cast($1 as jsonb), updated_at = $2 where id = $3 and user_id = $4;

-- statement; parameter type ids: 0,20
update dead_letter set replayed_at = $1 where id = $2;

-- statement; parameter type ids: 0,1043,1043
update event_outbox o set published_at = $1, position = p.position from unnest($2::bigint[], $3::bigint[]) as p(id, position) where o.id = p.id;

-- statement; parameter type ids: 23,0,1043,20
update event_retry set attempts = $1, next_attempt_at = $2, last_error = $3 where id = $4;

-- statement; parameter type ids: 0,2950
update notification set read_at = $1 where user_id = $2 and read_at is null returning id;

-- statement; parameter type ids: 0,2950,20
update notification set read_at = $1 where user_id = $2 and task_id = $3 and read_at is null returning id;

-- statement; parameter type ids: 16,0,2950,20
update notification set read_at = case when $1 then coalesce(read_at, $2) end where user_id = $3 and id = $4 returning id, user_id, firing_id, task_id, reminder_id, title, due_at, remind_at, fired_at, late, read_at;

-- statement; parameter type ids: 23,1043,16,2950,1043
update notification_delivery set attempts = $1, last_error = $2, status = case when $3 then 'failed' else status end where firing_id = $4 and channel = $5;

-- statement; parameter type ids: 1043,0,0,2950,1043
update notification_delivery set status = $1, attempts = attempts + 1, last_error = $2, sent_at = $3 where firing_id = $4 and channel = $5;

-- statement; parameter type ids: 1043,1043,0,2950,1043
update notification_delivery set status = $1, attempts = attempts + 1, last_error = $2, sent_at = $3 where firing_id = $4 and channel = $5;

-- statement; parameter type ids: 2950
update notification_settings set webhook_failures = 0 where user_id = $1 and webhook_failures > 0;

-- statement; parameter type ids: 23,23,0,2950
update notification_settings set webhook_failures = webhook_failures + 1, webhook_enabled = webhook_enabled and webhook_failures + 1 < $1, webhook_disabled_at = case when webhook_failures + 1 >= $2 then $3 else webhook_disabled_at end where user_id = $4;

-- statement; parameter type ids: 0,1043,1043
update reminder_dapr_job set attempts = attempts + 1, next_attempt_at = $1, last_error = $2 where name = $3;

-- statement; parameter type ids: 0,1043
update reminder_dapr_job set state = 'cancelling', attempts = 0, next_attempt_at = $1, last_error = null where state = 'scheduled' and job ->> 'userId' = $2;

-- statement; parameter type ids: 0,20
update reminder_dapr_job set state = 'cancelling', attempts = 0, next_attempt_at = $1, last_error = null where task_id = $2 and state = 'scheduled';

-- statement; parameter type ids: 0,20,1043
update reminder_dapr_job set state = 'cancelling', attempts = 0, next_attempt_at = $1, last_error = null where task_id = $2 and state = 'scheduled' and reminder_id not like $3;

-- statement; parameter type ids: 1043
update reminder_dapr_job set state = 'scheduled', attempts = 0, last_error = null where name = $1;

-- statement; parameter type ids: 16,0,0,20,2950
update task set completed = $1, completed_at = $2, updated_at = $3 where id = $4 and user_id = $5 returning id, user_id, title, description, completed, priority, tags, due_at, all_day, recurrence_rule, recurrence_from, series_id, occurrence_index, reminders::text as reminders, created_at, updated_at, completed_at;

-- statement; parameter type ids: 0,23,1043,0,20,2950
update task set due_at = $1, occurrence_index = $2, reminders = $3::jsonb, updated_at = $4 where id = $5 and user_id = $6 returning id, user_id, title, description, completed, priority, tags, due_at, all_day, recurrence_rule, recurrence_from, series_id, occurrence_index, reminders::text as reminders, created_at, updated_at, completed_at;

-- statement; parameter type ids: 1043,0,21,1043,0,16,0,0,0,1043,0,20,2950
update task set title = $1, description = $2, priority = $3, tags = $4::text[], due_at = $5, all_day = $6, recurrence_rule = $7, recurrence_from = $8, series_id = $9, reminders = $10::jsonb, updated_at = $11 where id = $12 and user_id = $13 returning id, user_id, title, description, completed, priority, tags, due_at, all_day, recurrence_rule, recurrence_from, series_id, occurrence_index, reminders::text as reminders, created_at, updated_at, completed_at;

-- statement; parameter type ids: 1043,0,21,1043,0,16,0,0,2950,1043,0,20,2950
update task set title = $1, description = $2, priority = $3, tags = $4::text[], due_at = $5, all_day = $6, recurrence_rule = $7, recurrence_from = $8, series_id = $9, reminders = $10::jsonb, updated_at = $11 where id = $12 and user_id = $13 returning id, user_id, title, description, completed, priority, tags, due_at, all_day, recurrence_rule, recurrence_from, series_id, occurrence_index, reminders::text as reminders, created_at, updated_at, completed_at;

-- statement; parameter type ids: 1043,0,21,1043,0,16,1043,1043,2950,1043,0,20,2950
update task set title = $1, description = $2, priority = $3, tags = $4::text[], due_at = $5, all_day = $6, recurrence_rule = $7, recurrence_from = $8, series_id = $9, reminders = $10::jsonb, updated_at = $11 where id = $12 and user_id = $13 returning id, user_id, title, description, completed, priority, tags, due_at, all_day, recurrence_rule, recurrence_from, series_id, occurrence_index, reminders::text as reminders, created_at, updated_at, completed_at;

-- statement; parameter type ids: 1043,1043,21,1043,0,16,0,0,0,1043,0,20,2950
update task set title = $1, description = $2, priority = $3, tags = $4::text[], due_at = $5, all_day = $6, recurrence_rule = $7, recurrence_from = $8, series_id = $9, reminders = $10::jsonb, updated_at = $11 where id = $12 and user_id = $13 returning id, user_id, title, description, completed, priority, tags, due_at, all_day, recurrence_rule, recurrence_from, series_id, occurrence_index, reminders::text as reminders, created_at, updated_at, completed_at;

-- statement; parameter type ids: 1043,2950,1043,2950
with words as (select w.word, 1 << (w.n - 1)::int as bit from unnest($1::text[]) with ordinality as w(word, n)), stems as (select s.stem, words.bit from words, unnest(tsvector_to_array(to_tsvector('english', words.word))) as s(stem)) select count(*) from (select f.id, f.rank from (select tt.task_id as id, sum(tt.weight) as rank from stems join task_term tt on tt.user_id = $2 and tt.term >= stems.stem and tt.term < stems.stem || chr(1114111) group by tt.task_id having bit_or(stems.bit) = (select bit_or(bit) from stems)) f join task t on t.id = f.id, to_tsquery('english', $3) q where t.user_id = $4 and not t.completed and t.search @@ q) m;

-- statement; parameter type ids: 1043,2950,1043,2950,1043
with words as (select w.word, 1 << (w.n - 1)::int as bit from unnest($1::text[]) with ordinality as w(word, n)), stems as (select s.stem, words.bit from words, unnest(tsvector_to_array(to_tsvector('english', words.word))) as s(stem)) select count(*) from (select f.id, f.rank from (select tt.task_id as id, sum(tt.weight) as rank from stems join task_term tt on tt.user_id = $2 and tt.term >= stems.stem and tt.term < stems.stem || chr(1114111) group by tt.task_id having bit_or(stems.bit) = (select bit_or(bit) from stems)) f join task t on t.id = f.id, to_tsquery('english', $3) q where t.user_id = $4 and t.completed and t.tags @> $5::text[] and t.search @@ q) m;

-- statement; parameter type ids: 1043,2950,1043,2950,21,1043,0,0
with words as (select w.word, 1 << (w.n - 1)::int as bit from unnest($1::text[]) with ordinality as w(word, n)), stems as (select s.stem, words.bit from words, unnest(tsvector_to_array(to_tsvector('english', words.word))) as s(stem)) select count(*) from (select f.id, f.rank from (select tt.task_id as id, sum(tt.weight) as rank from stems join task_term tt on tt.user_id = $2 and tt.term >= stems.stem and tt.term < stems.stem || chr(1114111) group by tt.task_id) f join task t on t.id = f.id, to_tsquery('english', $3) q where t.user_id = $4 and t.completed and t.priority in ($5) and t.tags @> $6::text[] and not t.completed and (t.due_at < $7 or (not t.all_day and t.due_at < $8)) and t.search @@ q) m;

-- statement; parameter type ids: 1043,2950
with words as (select w.word, 1 << (w.n - 1)::int as bit from unnest($1::text[]) with ordinality as w(word, n)), stems as (select s.stem, words.bit from words, unnest(tsvector_to_array(to_tsvector('english', words.word))) as s(stem)) select count(*) from (select tt.task_id as id, sum(tt.weight) as rank from stems join task_term tt on tt.user_id = $2 and tt.term >= stems.stem and tt.term < stems.stem || chr(1114111) group by tt.task_id having bit_or(stems.bit) = (select bit_or(bit) from stems)) m;

-- statement; parameter type ids: 1043,2950
with words as (select w.word, 1 << (w.n - 1)::int as bit from unnest($1::text[]) with ordinality as w(word, n)), stems as (select s.stem, words.bit from words, unnest(tsvector_to_array(to_tsvector('english', words.word))) as s(stem)) select count(*) from (select tt.task_id as id, sum(tt.weight) as rank from stems join task_term tt on tt.user_id = $2 and tt.term >= stems.stem and tt.term < stems.stem || chr(1114111) group by tt.task_id) m;

-- statement; parameter type ids: 1043,2950,1043,2950,23,20
with words as (select w.word, 1 << (w.n - 1)::int as bit from unnest($1::text[]) with ordinality as w(word, n)), stems as (select s.stem, words.bit from words, unnest(tsvector_to_array(to_tsvector('english', words.word))) as s(stem)) select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at, p.total from (select m.id, m.rank, count(*) over () as total from (select f.id, f.rank from (select tt.task_id as id, sum(tt.weight) as rank from stems join task_term tt on tt.user_id = $2 and tt.term >= stems.stem and tt.term < stems.stem || chr(1114111) group by tt.task_id having bit_or(stems.bit) = (select bit_or(bit) from stems)) f join task t on t.id = f.id, to_tsquery('english', $3) q where t.user_id = $4 and not t.completed and t.search @@ q) m order by m.rank desc, m.id desc limit $5 offset $6) p join task t on t.id = p.id order by p.rank desc, p.id desc;

-- statement; parameter type ids: 1043,2950,1043,2950,1043,23,20
with words as (select w.word, 1 << (w.n - 1)::int as bit from unnest($1::text[]) with ordinality as w(word, n)), stems as (select s.stem, words.bit from words, unnest(tsvector_to_array(to_tsvector('english', words.word))) as s(stem)) select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at, p.total from (select m.id, m.rank, count(*) over () as total from (select f.id, f.rank from (select tt.task_id as id, sum(tt.weight) as rank from stems join task_term tt on tt.user_id = $2 and tt.term >= stems.stem and tt.term < stems.stem || chr(1114111) group by tt.task_id having bit_or(stems.bit) = (select bit_or(bit) from stems)) f join task t on t.id = f.id, to_tsquery('english', $3) q where t.user_id = $4 and t.completed and t.tags @> $5::text[] and t.search @@ q) m order by m.rank desc, m.id desc limit $6 offset $7) p join task t on t.id = p.id order by p.rank desc, p.id desc;

-- statement; parameter type ids: 1043,2950,1043,2950,23,20
with words as (select w.word, 1 << (w.n - 1)::int as bit from unnest($1::text[]) with ordinality as w(word, n)), stems as (select s.stem, words.bit from words, unnest(tsvector_to_array(to_tsvector('english', words.word))) as s(stem)) select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at, p.total from (select m.id, m.rank, count(*) over () as total from (select f.id, f.rank from (select tt.task_id as id, sum(tt.weight) as rank from stems join task_term tt on tt.user_id = $2 and tt.term >= stems.stem and tt.term < stems.stem || chr(1114111) group by tt.task_id) f join task t on t.id = f.id, to_tsquery('english', $3) q where t.user_id = $4 and not t.completed and t.search @@ q) m order by m.rank desc, m.id desc limit $5 offset $6) p join task t on t.id = p.id order by p.rank desc, p.id desc;

-- statement; parameter type ids: 1043,2950,1043,2950,21,1043,0,0,23,20
with words as (select w.word, 1 << (w.n - 1)::int as bit from unnest($1::text[]) with ordinality as w(word, n)), stems as (select s.stem, words.bit from words, unnest(tsvector_to_array(to_tsvector('english', words.word))) as s(stem)) select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at, p.total from (select m.id, m.rank, count(*) over () as total from (select f.id, f.rank from (select tt.task_id as id, sum(tt.weight) as rank from stems join task_term tt on tt.user_id = $2 and tt.term >= stems.stem and tt.term < stems.stem || chr(1114111) group by tt.task_id) f join task t on t.id = f.id, to_tsquery('english', $3) q where t.user_id = $4 and t.completed and t.priority in ($5) and t.tags @> $6::text[] and not t.completed and (t.due_at < $7 or (not t.all_day and t.due_at < $8)) and t.search @@ q) m order by m.rank desc, m.id desc limit $9 offset $10) p join task t on t.id = p.id order by p.rank desc, p.id desc;

-- statement; parameter type ids: 1043,2950,1043,2950,1043,23,20
with words as (select w.word, 1 << (w.n - 1)::int as bit from unnest($1::text[]) with ordinality as w(word, n)), stems as (select s.stem, words.bit from words, unnest(tsvector_to_array(to_tsvector('english', words.word))) as s(stem)) select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at, p.total from (select m.id, m.rank, count(*) over () as total from (select f.id, f.rank from (select tt.task_id as id, sum(tt.weight) as rank from stems join task_term tt on tt.user_id = $2 and tt.term >= stems.stem and tt.term < stems.stem || chr(1114111) group by tt.task_id) f join task t on t.id = f.id, to_tsquery('english', $3) q where t.user_id = $4 and t.tags @> $5::text[] and t.search @@ q) m order by m.rank desc, m.id desc limit $6 offset $7) p join task t on t.id = p.id order by p.rank desc, p.id desc;

-- statement; parameter type ids: 1043,2950,23,20
with words as (select w.word, 1 << (w.n - 1)::int as bit from unnest($1::text[]) with ordinality as w(word, n)), stems as (select s.stem, words.bit from words, unnest(tsvector_to_array(to_tsvector('english', words.word))) as s(stem)) select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at, p.total from (select m.id, m.rank, count(*) over () as total from (select tt.task_id as id, sum(tt.weight) as rank from stems join task_term tt on tt.user_id = $2 and tt.term >= stems.stem and tt.term < stems.stem || chr(1114111) group by tt.task_id having bit_or(stems.bit) = (select bit_or(bit) from stems)) m order by m.rank desc, m.id desc limit $3 offset $4) p join task t on t.id = p.id order by p.rank desc, p.id desc;

-- statement; parameter type ids: 1043,2950,23,20
with words as (select w.word, 1 << (w.n - 1)::int as bit from unnest($1::text[]) with ordinality as w(word, n)), stems as (select s.stem, words.bit from words, unnest(tsvector_to_array(to_tsvector('english', words.word))) as s(stem)) select t.id, t.user_id, t.title, t.description, t.completed, t.priority, t.tags, t.due_at, t.all_day, t.recurrence_rule, t.recurrence_from, t.series_id, t.occurrence_index, t.reminders::text as reminders, t.created_at, t.updated_at, t.completed_at, p.total from (select m.id, m.rank, count(*) over () as total from (select tt.task_id as id, sum(tt.weight) as rank from stems join task_term tt on tt.user_id = $2 and tt.term >= stems.stem and tt.term < stems.stem || chr(1114111) group by tt.task_id) m order by m.rank desc, m.id desc limit $3 offset $4) p join task t on t.id = p.id order by p.rank desc, p.id desc;

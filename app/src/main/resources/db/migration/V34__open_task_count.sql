-- How many tasks each user has open (not completed), for the open-task quota (ADR 036): checked on every create, so
-- it must not count the user's tasks each time. Kept by triggers in the same transaction as the task row. A user's
-- count is spread over up to 16 rows (slot: the PostgreSQL backend's pid modulo 16) whose sum is the count, so that
-- concurrent creates of one user on different connections do not queue for one row's lock until they commit.
create table task_open_count (
    user_id uuid     not null,
    slot    smallint not null,
    open    integer  not null,
    primary key (user_id, slot) include (open)
);

-- Statement-level triggers over the transition tables: one upsert per user and statement, so that a statement that
-- inserts, completes or deletes many tasks at once (an import, a seed) updates each count row once, not once per task
-- (per-row upserts of one row make a chain of row versions that every later upsert of the statement walks).
create function task_open_count_inserted() returns trigger language plpgsql as $$
begin
    insert into task_open_count (user_id, slot, open)
    select user_id, pg_backend_pid() % 16, count(*) from inserted where not completed group by user_id
    on conflict (user_id, slot) do update set open = task_open_count.open + excluded.open;
    return null;
end
$$;

create function task_open_count_deleted() returns trigger language plpgsql as $$
begin
    insert into task_open_count (user_id, slot, open)
    select user_id, pg_backend_pid() % 16, -count(*) from deleted where not completed group by user_id
    on conflict (user_id, slot) do update set open = task_open_count.open + excluded.open;
    return null;
end
$$;

create function task_open_count_updated() returns trigger language plpgsql as $$
begin
    insert into task_open_count (user_id, slot, open)
    select n.user_id, pg_backend_pid() % 16, sum(case when n.completed then -1 else 1 end)
    from updated_new n join updated_old o on o.id = n.id
    where o.completed is distinct from n.completed
    group by n.user_id
    on conflict (user_id, slot) do update set open = task_open_count.open + excluded.open;
    return null;
end
$$;

create function task_open_count_truncated() returns trigger language plpgsql as $$
begin
    truncate task_open_count;
    return null;
end
$$;

create trigger task_open_count_on_insert after insert on task
    referencing new table as inserted for each statement execute function task_open_count_inserted();
-- Transition tables allow no column list: every update statement runs it, and the join finds the rows whose
-- completion changed (none, for an edit of the title).
create trigger task_open_count_on_update after update on task
    referencing old table as updated_old new table as updated_new
    for each statement execute function task_open_count_updated();
create trigger task_open_count_on_delete after delete on task
    referencing old table as deleted for each statement execute function task_open_count_deleted();
create trigger task_open_count_on_truncate after truncate on task
    for each statement execute function task_open_count_truncated();

-- An account's rows go with it. The trigger is deferred to the end of the transaction: deleting the account
-- cascades to its tasks, whose delete triggers write to this table after the account row is gone.
create function task_open_count_forget() returns trigger language plpgsql as $$
begin
    delete from task_open_count where user_id = old.id;
    return null;
end
$$;

create constraint trigger task_open_count_on_account_delete after delete on app_user
    deferrable initially deferred
    for each row execute function task_open_count_forget();

insert into task_open_count (user_id, slot, open)
select user_id, 0, count(*) from task where not completed group by user_id;

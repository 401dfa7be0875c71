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

create function task_open_count_sync() returns trigger language plpgsql as $$
declare
    owner uuid;
    delta integer;
begin
    if tg_op = 'TRUNCATE' then
        truncate task_open_count;
        return null;
    elsif tg_op = 'INSERT' then
        owner := new.user_id;
        delta := 1;
    elsif tg_op = 'DELETE' then
        owner := old.user_id;
        delta := -1;
    else
        owner := new.user_id;
        delta := case when new.completed then -1 else 1 end;
    end if;
    insert into task_open_count (user_id, slot, open) values (owner, pg_backend_pid() % 16, delta)
    on conflict (user_id, slot) do update set open = task_open_count.open + excluded.open;
    return null;
end
$$;

create trigger task_open_count_on_insert after insert on task
    for each row when (not new.completed) execute function task_open_count_sync();
create trigger task_open_count_on_update after update of completed on task
    for each row when (old.completed is distinct from new.completed) execute function task_open_count_sync();
create trigger task_open_count_on_delete after delete on task
    for each row when (not old.completed) execute function task_open_count_sync();
create trigger task_open_count_on_truncate after truncate on task
    for each statement execute function task_open_count_sync();

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

-- Search ranks from an index: one row per (user, lexeme, task) of each task's search vector, weighted 1.0 for a
-- title match and 0.4 for a description match (1.4 for both). A prefix term ("rep") is a range of one user's
-- entries in the btree, read index-only, so a page by relevance and its exact total never visit the task heap
-- for each match, as ranking with ts_rank over the GIN index did (ADR 031). Kept by triggers, in the same
-- transaction as the task row; the GIN index stays for searches sorted by another column.
create table task_term (
    user_id uuid              not null,
    term    text collate "C"  not null,
    task_id bigint            not null,
    weight  real              not null,
    primary key (user_id, term, task_id) include (weight)
);

-- The entries of one search vector: each lexeme with its weight.
create function task_terms(search tsvector) returns table (term text, weight real)
    language sql immutable parallel safe as $$
    select u.lexeme,
           (case when 'A' = any (u.weights) then 1.0 else 0 end
            + case when 'B' = any (u.weights) then 0.4 else 0 end)::real
    from unnest(search) as u
$$;

create function task_term_sync() returns trigger language plpgsql as $$
begin
    if tg_op = 'TRUNCATE' then
        truncate task_term;
        return null;
    end if;
    if tg_op <> 'INSERT' then
        delete from task_term
        where user_id = old.user_id and term = any (tsvector_to_array(old.search)) and task_id = old.id;
    end if;
    if tg_op <> 'DELETE' then
        insert into task_term (user_id, term, task_id, weight)
        select new.user_id, e.term, new.id, e.weight from task_terms(new.search) as e;
    end if;
    return null;
end
$$;

create trigger task_term_on_insert after insert on task
    for each row execute function task_term_sync();
create trigger task_term_on_update after update of title, description on task
    for each row when (old.search is distinct from new.search) execute function task_term_sync();
create trigger task_term_on_delete after delete on task
    for each row execute function task_term_sync();

create trigger task_term_on_truncate after truncate on task
    for each statement execute function task_term_sync();

insert into task_term (user_id, term, task_id, weight)
select t.user_id, e.term, t.id, e.weight from task t, task_terms(t.search) as e;

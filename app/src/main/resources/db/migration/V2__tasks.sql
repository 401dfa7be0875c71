-- Tasks. Tags are a lowercase text array (GIN for "has all of these tags"); search is a generated
-- tsvector (title weighs more than description) with a GIN index; the btree indexes serve each sort
-- order of one user's list, so a page is an index range scan, not a sort of the whole table.
create table task (
    id           bigint generated always as identity primary key,
    user_id      uuid          not null references app_user (id) on delete cascade,
    title        varchar(200)  not null check (length(btrim(title)) > 0),
    description  varchar(4000),
    completed    boolean       not null default false,
    priority     smallint      not null default 0 check (priority between 0 and 3),
    tags         text[]        not null default '{}',
    due_at       timestamptz,
    all_day      boolean       not null default false,
    created_at   timestamptz   not null,
    updated_at   timestamptz   not null,
    completed_at timestamptz,
    search       tsvector generated always as (
                     setweight(to_tsvector('english'::regconfig, title), 'A') ||
                     setweight(to_tsvector('english'::regconfig, coalesce(description, '')), 'B')) stored
);

create index task_user_due_idx      on task (user_id, due_at asc nulls last, id);
create index task_user_created_idx  on task (user_id, created_at, id);
create index task_user_updated_idx  on task (user_id, updated_at, id);
create index task_user_priority_idx on task (user_id, priority, due_at asc nulls last, id);
create index task_user_title_idx    on task (user_id, lower(title), id);
create index task_search_idx        on task using gin (search);
create index task_tags_idx          on task using gin (tags);

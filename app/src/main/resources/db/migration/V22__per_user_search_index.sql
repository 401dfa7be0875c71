-- Search one user's tasks without reading everybody's matches: a GIN index over (user_id, search), with
-- btree_gin supplying the equality operator class for user_id. Replaces the index over search alone,
-- which returned every user's matching rows and left the user filter to the heap.
create extension if not exists btree_gin;

create index task_user_search_idx on task using gin (user_id, search);
drop index task_search_idx;

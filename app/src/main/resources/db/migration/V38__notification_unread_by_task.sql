-- Completing or deleting a task reads its unread notifications: find them by user and task without scanning
-- every notification of the user. Partial: read notifications, the vast majority, are never looked up this way.
create index notification_unread_task_idx on notification (user_id, task_id) where read_at is null;

import type { Task } from '../api/types';

let seq = 100;

export function makeTask(p: Partial<Task> = {}): Task {
  const id = p.id ?? ++seq;
  return {
    id,
    title: `Task ${id}`,
    description: null,
    completed: false,
    priority: 'none',
    tags: [],
    dueAt: null,
    allDay: false,
    recurrence: null,
    seriesId: null,
    reminders: [],
    createdAt: '2026-03-01T10:00:00Z',
    updatedAt: '2026-03-01T10:00:00Z',
    completedAt: null,
    ...p,
  };
}

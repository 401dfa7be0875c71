import type { Task, TaskDraft, TaskInput } from '../api/types';

/** A task body from free text alone. */
export function rawTaskInput(title: string): TaskInput {
  return {
    title: title.trim(),
    description: null,
    priority: 'none',
    tags: [],
    dueAt: null,
    allDay: false,
    recurrence: null,
    reminders: [],
  };
}

/** A task body from a parse draft (falls back to the raw text for the title). */
export function draftToInput(draft: TaskDraft, rawText: string): TaskInput {
  return {
    title: (draft.title ?? '').trim() || rawText.trim(),
    description: null,
    priority: draft.priority ?? 'none',
    tags: Array.isArray(draft.tags) ? draft.tags : [],
    dueAt: draft.dueAt ?? null,
    allDay: !!draft.allDay,
    recurrence: draft.recurrence ? { rule: draft.recurrence.rule, from: draft.recurrence.from } : null,
    reminders: Array.isArray(draft.reminders) ? draft.reminders : [],
  };
}

/** The fields to POST to re-create a task (used by Undo after delete). */
export function taskToInput(task: Task): TaskInput {
  return {
    title: task.title,
    description: task.description,
    priority: task.priority,
    tags: [...task.tags],
    dueAt: task.dueAt,
    allDay: task.allDay,
    recurrence: task.recurrence ? { rule: task.recurrence.rule, from: task.recurrence.from } : null,
    reminders: task.reminders ? task.reminders.map((r) => ({ ...r })) : [],
  };
}

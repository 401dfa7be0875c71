// A task's activity history (GET /api/{userId}/tasks/{id}/history) in words for people.
import type { HistoryEntry } from '../api/types';

const FIELD_WORDS: Record<string, string> = {
  title: 'title',
  description: 'description',
  priority: 'priority',
  tags: 'tags',
  dueAt: 'due date',
  allDay: 'due date',
  recurrence: 'repetition',
  reminders: 'reminders',
};

/** Who made the change, named by the door it came through. */
export function describeDoor(door: string): string {
  switch (door) {
    case 'rest':
      return 'You, on the web or through the API';
    case 'chat':
      return 'You, in the chat';
    case 'mcp':
      return 'An AI assistant you connected (MCP)';
    case 'quick_add':
      return 'You, with quick add';
    case 'system':
      return 'Taskstream';
    default:
      return door;
  }
}

/** A list in words: "a", "a and b", "a, b and c". */
function listInWords(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

/** What happened, as a sentence without its subject: "created the task", "changed the title and due date". */
export function describeChange(entry: Pick<HistoryEntry, 'type' | 'door' | 'changedFields'>): string {
  switch (entry.type) {
    case 'created':
      return entry.door === 'system' ? 'created this occurrence of a repeating task' : 'created the task';
    case 'completed':
      return 'marked it completed';
    case 'uncompleted':
      return 'marked it not completed';
    case 'deleted':
      return 'deleted the task';
    case 'updated': {
      const fields = [...new Set((entry.changedFields ?? []).map((f) => FIELD_WORDS[f] ?? f))];
      return fields.length ? `changed the ${listInWords(fields)}` : 'saved it unchanged';
    }
    default:
      return entry.type;
  }
}

/** Newest first, as people read a history. */
export function newestFirst(entries: HistoryEntry[]): HistoryEntry[] {
  return [...entries].sort((a, b) => Date.parse(b.occurredAt) - Date.parse(a.occurredAt));
}

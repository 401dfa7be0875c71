// Hand-maintained request/response types for the Taskstream REST API.
// Once the backend commits app/src/test/resources/openapi.json, `npm run gen:api`
// generates src/api/schema.d.ts; these types can then be checked against it.

/** RFC 9457 problem details, as returned with `application/problem+json`. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

export interface FieldError {
  field: string;
  message: string;
}

// ---- auth -------------------------------------------------------------------

export type UserId = string;

export interface SignupRequest {
  email: string;
  password: string;
  name: string;
  /** IANA zone id, e.g. "Europe/Berlin". */
  timeZone: string;
}

export interface LoginRequest {
  email: string;
  password: string;
}

export interface AuthResponse {
  userId: string | number;
  token: string;
  /** RFC 3339 instant. */
  expiresAt: string;
}

export interface Me {
  userId: string | number;
  email: string;
  name: string;
  timeZone: string;
  createdAt: string;
}

export interface MeUpdate {
  name?: string;
  timeZone?: string;
}

// ---- tasks ------------------------------------------------------------------

export type Priority = 'none' | 'low' | 'medium' | 'high';
export const PRIORITIES: readonly Priority[] = ['high', 'medium', 'low', 'none'];

export type RecurrenceFrom = 'due' | 'completion';

export interface Recurrence {
  /** RFC 5545 RRULE value without the "RRULE:" prefix, e.g. "FREQ=WEEKLY;BYDAY=MO,WE". */
  rule: string;
  from: RecurrenceFrom;
}

/** ISO 8601 duration before the due time, e.g. "PT15M", "P1D". */
export interface RelativeReminder {
  before: string;
}

/** Absolute RFC 3339 instant. */
export interface AbsoluteReminder {
  at: string;
}

export type Reminder = RelativeReminder | AbsoluteReminder;

export interface Task {
  id: number;
  title: string;
  description: string | null;
  completed: boolean;
  priority: Priority;
  tags: string[];
  /** RFC 3339 with offset, or a plain "YYYY-MM-DD" date for all-day tasks. */
  dueAt: string | null;
  allDay: boolean;
  recurrence: Recurrence | null;
  reminders: Reminder[] | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

/** Body of POST /tasks and PUT /tasks/{id}. */
export interface TaskInput {
  title: string;
  description: string | null;
  priority: Priority;
  tags: string[];
  dueAt: string | null;
  allDay: boolean;
  recurrence: Recurrence | null;
  reminders: Reminder[];
}

/** Body of PATCH /tasks/{id} (application/merge-patch+json). */
export type TaskPatch = Partial<TaskInput>;

export type StatusFilter = 'all' | 'pending' | 'completed';
export type SortField = 'due' | 'priority' | 'title' | 'created' | 'updated';
export type SortOrder = 'asc' | 'desc';

export interface TaskQuery {
  status?: StatusFilter;
  priority?: Priority[];
  tag?: string[];
  q?: string;
  /** RFC 3339 */
  dueFrom?: string;
  /** RFC 3339 */
  dueTo?: string;
  overdue?: boolean;
  sort?: SortField;
  order?: SortOrder;
  page?: number;
  size?: number;
}

/** RFC 8288 links by relation type (next, prev, first, last). */
export type Links = Partial<Record<string, string>>;

export interface Page<T> {
  items: T[];
  /** From X-Total-Count; null when the header is missing. */
  total: number | null;
  links: Links;
}

export interface TagCount {
  tag: string;
  count: number;
}

/** Result of POST /tasks/parse: a task draft from free text. */
export interface TaskDraft {
  title: string;
  dueAt: string | null;
  allDay: boolean;
  priority: Priority;
  tags: string[];
  recurrence: Recurrence | null;
  reminders: Reminder[] | null;
}

// ---- assistant / chat ---------------------------------------------------------

export interface ChatRequest {
  conversationId?: string | number;
  message: string;
}

export interface ToolCall {
  name: string;
  arguments: unknown;
  result: unknown;
}

export interface ChatResponse {
  conversationId: string | number;
  response: string;
  toolCalls: ToolCall[];
}

export interface Conversation {
  id: string | number;
  title?: string | null;
  createdAt?: string;
  updatedAt?: string;
}

export interface ChatMessage {
  id: string | number;
  role: 'user' | 'assistant' | 'tool' | 'system' | string;
  content: string;
  createdAt: string;
}

// ---- live stream and notifications -------------------------------------------

export interface StreamTicket {
  ticket: string;
  expiresAt: string;
}

export interface AppNotification {
  id: string | number;
  taskId: number;
  title: string;
  dueAt: string | null;
  remindAt: string;
  firedAt: string | null;
  read: boolean;
}

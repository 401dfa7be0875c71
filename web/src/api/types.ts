// Request/response types of the Taskstream REST API, derived from the types that `npm run gen:api`
// generates (src/api/schema.d.ts, git-ignored) from the backend's OpenAPI document
// (app/src/test/resources/openapi.json, kept equal to /v3/api-docs by OpenApiSnapshotIT).
// A renamed or retyped backend field therefore breaks `tsc`. Only client-side shapes
// (Problem after normalisation, Page, Links) are written by hand.
import type { components, paths } from './schema';

type Schemas = components['schemas'];

type Operation<P extends keyof paths, M extends keyof paths[P]> = paths[P][M];

type Responses<P extends keyof paths, M extends keyof paths[P]> =
  Operation<P, M> extends { responses: infer R } ? R : never;

/** Stands in for a body that does not exist, so that using it fails `tsc` rather than typing as `never`. */
interface NoJsonBody {
  readonly noJsonBody: unique symbol;
}

/** The JSON body operation `M` of path `P` returns with status `S` (200 unless given). */
export type ResponseJson<
  P extends keyof paths,
  M extends keyof paths[P],
  S extends number = 200,
> = S extends keyof Responses<P, M>
  ? Responses<P, M>[S] extends { content: { 'application/json': infer T } }
    ? T
    : NoJsonBody
  : NoJsonBody;

/** The JSON body operation `M` of path `P` accepts. */
export type RequestJson<P extends keyof paths, M extends keyof paths[P]> =
  Operation<P, M> extends { requestBody?: { content: infer C } }
    ? C extends { 'application/json': infer T }
      ? T
      : C extends { 'application/merge-patch+json': infer T }
        ? T
        : never
    : never;

/** The query parameters of operation `M` of path `P`. */
export type QueryOf<P extends keyof paths, M extends keyof paths[P]> = NonNullable<
  Operation<P, M> extends { parameters: { query?: infer Q } } ? Q : never
>;

// ---- errors -------------------------------------------------------------------

/** RFC 9457 problem details, normalised by the client from whatever an error response carried. */
export interface Problem {
  type?: string;
  title?: string;
  status?: number;
  detail?: string;
  instance?: string;
  errors?: FieldError[];
}

/** One entry of a validation problem's `errors` extension member. */
export interface FieldError {
  field: string;
  message: string;
}

// ---- auth -------------------------------------------------------------------

export type UserId = string;

export type SignupRequest = Schemas['SignupRequest'];
export type LoginRequest = Schemas['LoginRequest'];
export type AuthResponse = Schemas['Authenticated'];
export type Me = Schemas['Profile'];
export type MeUpdate = Schemas['ProfileRequest'];
export type PasswordChange = Schemas['PasswordRequest'];
export type PasswordChanged = Schemas['PasswordChangedResponse'];
export type AccountDeletion = Schemas['DeletionRequest'];

// ---- tasks ------------------------------------------------------------------

export type Task = Schemas['Task'];
/** Body of POST /tasks and PUT /tasks/{id}. */
export type TaskInput = Schemas['TaskInput'];
/** Body of PATCH /tasks/{id} (application/merge-patch+json). */
export type TaskPatch = Partial<TaskInput>;

export type Priority = Task['priority'];
export const PRIORITIES: readonly Priority[] = ['high', 'medium', 'low', 'none'];

export type Recurrence = Schemas['Recurrence'];
/** GET /occurrences: a rule being edited in the server's words, and its next due times. */
export type RecurrencePreview = Schemas['RecurrencePreview'];
export type RecurrenceFrom = NonNullable<Recurrence['from']>;
/** `{before: ISO 8601 duration}` relative to the due, or `{at: RFC 3339 instant}`. */
export type Reminder = Schemas['Reminder'];

export type TaskQuery = QueryOf<'/api/{userId}/tasks', 'get'>;
/** How much of a recurring task's series a deletion removes. */
export type DeleteScope = NonNullable<QueryOf<'/api/{userId}/tasks/{id}', 'delete'>['scope']>;
export type StatusFilter = NonNullable<TaskQuery['status']>;
export type SortField = NonNullable<TaskQuery['sort']>;
export type SortOrder = NonNullable<TaskQuery['order']>;

/** RFC 8288 links by relation type (next, prev, first, last). */
export type Links = Partial<Record<string, string>>;

export interface Page<T> {
  items: T[];
  /** From X-Total-Count; null when the header is missing. */
  total: number | null;
  links: Links;
}

export type TagCount = Schemas['TagCount'];

/** One entry of a task's activity history. */
export type HistoryEntry = Schemas['AuditEntry'];

/** One day of GET /upcoming (a date in the user's zone) and the tasks and occurrences due on it. */
export type UpcomingDay = Schemas['UpcomingDay'];
export type UpcomingItem = Schemas['UpcomingItem'];

/** Result of POST /tasks/parse: a task draft from free text. */
export type TaskDraft = Schemas['TaskDraft'];
export type ParseRequest = Schemas['ParseRequest'];

// ---- assistant / chat ---------------------------------------------------------

export type ChatRequest = Schemas['ChatRequest'];
export type ToolCall = Schemas['ToolCall'];
export type ChatResponse = Schemas['ChatResponse'];
export type Conversation = Schemas['Conversation'];
export type ChatMessage = Schemas['Message'];

// ---- live stream and notifications -------------------------------------------

export type StreamTicket = Schemas['Ticket'];
export type AppNotification = Schemas['Notification'];
export type SnoozeRequest = Schemas['SnoozeRequest'];
export type NotificationReadRequest = Schemas['ReadRequest'];

// The one place that talks HTTP to the Taskstream backend.
// - attaches `Authorization: Bearer <token>` when a session exists
// - turns RFC 9457 problem+json (or any other failure) into a typed ApiError
// - reports a 401 on an authenticated call through `onUnauthorized` (session expired)
// - parses X-Total-Count and RFC 8288 Link headers for paged lists
import type {
  AccountDeletion,
  AppNotification,
  AuthResponse,
  ChatMessage,
  ChatRequest,
  ChatResponse,
  Conversation,
  DeleteScope,
  FieldError,
  HistoryEntry,
  LoginRequest,
  Me,
  MeUpdate,
  Page,
  PasswordChange,
  PasswordChanged,
  Links,
  ParseRequest,
  Problem,
  RecurrencePreview,
  ResponseJson,
  SignupRequest,
  SnoozeRequest,
  NotificationReadRequest,
  StreamTicket,
  TagCount,
  Task,
  TaskDraft,
  TaskInput,
  TaskPatch,
  TaskQuery,
  UpcomingDay,
  UserId,
} from './types';
import { describeFieldError } from '../lib/fieldErrors';

export class ApiError extends Error {
  readonly status: number;
  readonly problem: Problem;

  constructor(status: number, problem: Problem) {
    super(problem.detail || problem.title || `Request failed (${status})`);
    this.name = 'ApiError';
    this.status = status;
    this.problem = problem;
  }

  /** Per-field sentences for people keyed by the API's field name (first message wins): "Title can be at most 200 characters." */
  get fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      if (e && typeof e.field === 'string' && !(e.field in out)) out[e.field] = describeFieldError(e.field, e.message);
    }
    return out;
  }

  /** A sentence fit for showing to a person: the fields' errors in words when there are any, else the detail. */
  get userMessage(): string {
    const fields = Object.values(this.fieldErrors);
    if (fields.length) return fields.join(' ');
    return this.problem.detail || this.problem.title || this.message;
  }
}

/** The endpoint does not exist on this backend (yet): 404, 405 or 501. */
export function isUnavailable(e: unknown): boolean {
  return e instanceof ApiError && (e.status === 404 || e.status === 405 || e.status === 501);
}

export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.userMessage;
  if (e instanceof Error) return e.message;
  return 'Something went wrong.';
}

const STATUS_TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  409: 'Conflict',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Server error',
  502: 'Bad gateway',
  503: 'Service unavailable',
  504: 'Gateway timeout',
};

function isFieldError(x: unknown): x is FieldError {
  return !!x && typeof x === 'object' && typeof (x as FieldError).field === 'string';
}

/** Normalise whatever an error response carried into a Problem. */
export function toProblem(status: number, body: unknown, statusText = ''): Problem {
  const fallbackTitle = statusText || STATUS_TITLES[status] || 'Request failed';
  if (body && typeof body === 'object' && !Array.isArray(body)) {
    const b = body as Record<string, unknown>;
    const problem: Problem = {
      type: typeof b.type === 'string' ? b.type : 'about:blank',
      title: typeof b.title === 'string' ? b.title : fallbackTitle,
      status: typeof b.status === 'number' ? b.status : status,
    };
    if (typeof b.detail === 'string') problem.detail = b.detail;
    else if (typeof b.message === 'string') problem.detail = b.message;
    if (typeof b.instance === 'string') problem.instance = b.instance;
    if (Array.isArray(b.errors)) {
      problem.errors = b.errors.filter(isFieldError).map((e) => ({
        field: e.field,
        message: typeof e.message === 'string' ? e.message : 'Invalid value',
      }));
    }
    return problem;
  }
  const text = typeof body === 'string' ? body.trim() : '';
  const problem: Problem = { type: 'about:blank', title: fallbackTitle, status };
  // Do not show HTML error pages to people.
  if (text && !text.startsWith('<') && text.length < 500) problem.detail = text;
  return problem;
}

/**
 * Parse an RFC 8288 Link header into {rel: url}.
 * `<https://x/api/1/tasks?page=2>; rel="next", </api/1/tasks?page=0>; rel=first`
 */
export function parseLinkHeader(header: string | null | undefined): Links {
  const links: Links = {};
  if (!header) return links;
  const re = /<([^>]*)>((?:\s*;\s*[^;,"=]+(?:=(?:"[^"]*"|[^;,]*))?)*)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(header)) !== null) {
    const url = m[1].trim();
    const params = m[2];
    const relMatch = /;\s*rel\s*=\s*(?:"([^"]*)"|([^;,\s]+))/i.exec(params);
    if (!relMatch) continue;
    const rels = (relMatch[1] ?? relMatch[2] ?? '').trim().split(/\s+/);
    for (const rel of rels) {
      const key = rel.toLowerCase();
      if (key && !(key in links)) links[key] = url;
    }
  }
  return links;
}

export function parseTotalCount(header: string | null | undefined): number | null {
  if (header == null || header.trim() === '') return null;
  const n = Number(header.trim());
  return Number.isFinite(n) && n >= 0 ? Math.floor(n) : null;
}

export function taskQueryString(q: TaskQuery): string {
  const p = new URLSearchParams();
  if (q.status) p.set('status', q.status);
  for (const pr of q.priority ?? []) p.append('priority', pr);
  for (const t of q.tag ?? []) p.append('tag', t);
  if (q.q && q.q.trim()) p.set('q', q.q.trim());
  if (q.dueFrom) p.set('dueFrom', q.dueFrom);
  if (q.dueTo) p.set('dueTo', q.dueTo);
  if (q.overdue) p.set('overdue', 'true');
  if (q.sort) p.set('sort', q.sort);
  if (q.order) p.set('order', q.order);
  if (q.page != null) p.set('page', String(q.page));
  if (q.size != null) p.set('size', String(q.size));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export interface ApiClientOptions {
  /** Prefix for every path; '' means same origin. */
  baseUrl?: string;
  /** Current bearer token, or null when signed out. */
  getToken?: () => string | null;
  /** Called when an authenticated request comes back 401. */
  onUnauthorized?: (error: ApiError) => void;
  /** Injected fetch (defaults to the global one, looked up per call). */
  fetch?: typeof fetch;
}

interface RequestOptions {
  method?: string;
  body?: unknown;
  contentType?: string;
  /** Send the bearer token (default true). */
  auth?: boolean;
  signal?: AbortSignal;
}

interface RawResponse<T> {
  data: T;
  headers: Headers;
  status: number;
}

const enc = encodeURIComponent;

export class ApiClient {
  private readonly opts: ApiClientOptions;

  constructor(opts: ApiClientOptions = {}) {
    this.opts = opts;
  }

  private async request<T>(path: string, o: RequestOptions = {}): Promise<RawResponse<T>> {
    const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
    const token = o.auth === false ? null : (this.opts.getToken?.() ?? null);
    if (token) headers.Authorization = `Bearer ${token}`;
    let body: string | undefined;
    if (o.body !== undefined) {
      headers['Content-Type'] = o.contentType ?? 'application/json';
      body = JSON.stringify(o.body);
    }
    const doFetch = this.opts.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
    let res: Response;
    try {
      res = await doFetch(`${this.opts.baseUrl ?? ''}${path}`, {
        method: o.method ?? 'GET',
        headers,
        body,
        signal: o.signal,
      });
    } catch (e) {
      if (isAbort(e)) throw e;
      throw new ApiError(0, {
        title: 'Network error',
        status: 0,
        detail: 'Could not reach the server. Check your connection and try again.',
      });
    }

    const text = await res.text().catch((e: unknown) => {
      // Cancelled while the body arrived (the page moved on): that is a cancelled request, not an empty answer.
      if (o.signal?.aborted) throw o.signal.reason ?? e;
      if (isAbort(e)) throw e;
      return '';
    });
    const type = res.headers.get('Content-Type') ?? '';
    let parsed: unknown = text;
    if (text && /json/i.test(type)) {
      try {
        parsed = JSON.parse(text);
      } catch {
        parsed = text;
      }
    } else if (!text) {
      parsed = null;
    }

    if (!res.ok) {
      const error = new ApiError(res.status, toProblem(res.status, parsed, res.statusText));
      if (res.status === 401 && token) this.opts.onUnauthorized?.(error);
      throw error;
    }
    return { data: parsed as T, headers: res.headers, status: res.status };
  }

  private async json<T>(path: string, o?: RequestOptions): Promise<T> {
    return (await this.request<T>(path, o)).data;
  }

  // ---- auth ----

  // Each call names its response type by path and method (ResponseJson), so that an endpoint the
  // OpenAPI document no longer has, or one that now returns another schema, fails `tsc`.

  signup(body: SignupRequest): Promise<AuthResponse> {
    return this.json<ResponseJson<'/api/auth/signup', 'post', 201>>('/api/auth/signup', { method: 'POST', body, auth: false });
  }

  login(body: LoginRequest): Promise<AuthResponse> {
    return this.json<ResponseJson<'/api/auth/login', 'post'>>('/api/auth/login', { method: 'POST', body, auth: false });
  }

  me(signal?: AbortSignal): Promise<Me> {
    return this.json<ResponseJson<'/api/auth/me', 'get'>>('/api/auth/me', { signal });
  }

  updateMe(body: MeUpdate): Promise<Me> {
    return this.json<ResponseJson<'/api/auth/me', 'patch'>>('/api/auth/me', { method: 'PATCH', body });
  }

  // ---- account lifecycle ----

  /** Revokes this session's token on the server (every replica refuses it from now on). */
  async logout(): Promise<void> {
    await this.request<ResponseJson<'/api/auth/logout', 'post', 204>>('/api/auth/logout', { method: 'POST' });
  }

  /** Changes the password; every other session ends, and the response carries this session's fresh token. */
  changePassword(body: PasswordChange): Promise<PasswordChanged> {
    return this.json<ResponseJson<'/api/auth/password', 'post'>>('/api/auth/password', { method: 'POST', body });
  }

  /** Deletes the account and all its data. */
  async deleteAccount(password: string): Promise<void> {
    const body: AccountDeletion = { password };
    await this.request<ResponseJson<'/api/auth/me', 'delete', 204>>('/api/auth/me', { method: 'DELETE', body });
  }

  /** Everything of the user, as the JSON document the server sends for download. */
  async exportData(userId: UserId): Promise<ResponseJson<'/api/{userId}/export', 'get'>> {
    return this.json<ResponseJson<'/api/{userId}/export', 'get'>>(`/api/${enc(String(userId))}/export`);
  }

  // ---- tasks ----

  async listTasks(userId: UserId, query: TaskQuery = {}, signal?: AbortSignal): Promise<Page<Task>> {
    const res = await this.request<ResponseJson<'/api/{userId}/tasks', 'get'> | null>(
      `/api/${enc(userId)}/tasks${taskQueryString(query)}`,
      { signal },
    );
    return {
      items: Array.isArray(res.data) ? res.data : [],
      total: parseTotalCount(res.headers.get('X-Total-Count')),
      links: parseLinkHeader(res.headers.get('Link')),
    };
  }

  getTask(userId: UserId, id: number): Promise<Task> {
    return this.json<ResponseJson<'/api/{userId}/tasks/{id}', 'get'>>(`/api/${enc(userId)}/tasks/${id}`);
  }

  /** Creates a task; `via: 'quick-add'` says it was written in the quick-add field (its history names that door). */
  async createTask(userId: UserId, body: TaskInput, via?: 'quick-add'): Promise<Task> {
    const path = `/api/${enc(userId)}/tasks${via ? `?via=${via}` : ''}`;
    const res = await this.request<ResponseJson<'/api/{userId}/tasks', 'post', 201> | null>(path, {
      method: 'POST',
      body,
    });
    if (res.data && typeof res.data === 'object') return res.data;
    // 201 with an empty body: follow Location.
    const location = res.headers.get('Location');
    if (location) {
      const path = location.replace(/^https?:\/\/[^/]+/i, '');
      return this.json<Task>(path);
    }
    throw new ApiError(res.status, { title: 'Unexpected response', detail: 'The server did not return the new task.' });
  }

  updateTask(userId: UserId, id: number, body: TaskInput): Promise<Task> {
    return this.json<ResponseJson<'/api/{userId}/tasks/{id}', 'put'>>(`/api/${enc(userId)}/tasks/${id}`, {
      method: 'PUT',
      body,
    });
  }

  patchTask(userId: UserId, id: number, body: TaskPatch): Promise<Task> {
    return this.json<ResponseJson<'/api/{userId}/tasks/{id}', 'patch'>>(`/api/${enc(userId)}/tasks/${id}`, {
      method: 'PATCH',
      body,
      contentType: 'application/merge-patch+json',
    });
  }

  /** Deletes a task; for a recurring one, `scope` says how much of its series (without it, just this task). */
  async deleteTask(userId: UserId, id: number, scope?: DeleteScope): Promise<void> {
    const query = scope ? `?scope=${enc(scope)}` : '';
    await this.request(`/api/${enc(userId)}/tasks/${id}${query}`, { method: 'DELETE' });
  }

  setCompleted(userId: UserId, id: number, completed: boolean): Promise<Task> {
    return this.json<ResponseJson<'/api/{userId}/tasks/{id}/complete', 'patch'>>(
      `/api/${enc(userId)}/tasks/${id}/complete`,
      { method: 'PATCH', body: { completed } },
    );
  }

  async listTags(userId: UserId, signal?: AbortSignal): Promise<TagCount[]> {
    const data = await this.json<ResponseJson<'/api/{userId}/tags', 'get'> | null>(`/api/${enc(userId)}/tags`, { signal });
    return Array.isArray(data) ? data : [];
  }

  /** The coming days from today in the user's zone, with the next occurrences of repeating tasks. */
  upcoming(userId: UserId, days = 7, signal?: AbortSignal): Promise<UpcomingDay[]> {
    return this.json<ResponseJson<'/api/{userId}/upcoming', 'get'>>(`/api/${enc(userId)}/upcoming?days=${days}`, { signal });
  }

  /** A task's activity history, oldest first; empty until the history has recorded the task. */
  async history(userId: UserId, id: number, signal?: AbortSignal): Promise<HistoryEntry[]> {
    try {
      return await this.json<ResponseJson<'/api/{userId}/tasks/{id}/history', 'get'>>(
        `/api/${enc(userId)}/tasks/${id}/history`,
        { signal },
      );
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) return [];
      throw e;
    }
  }

  // ---- optional endpoints: resolve to null when the backend does not have them yet ----

  parseTask(userId: UserId, text: string, signal?: AbortSignal): Promise<TaskDraft | null> {
    const body: ParseRequest = { text };
    return optional(
      this.json<ResponseJson<'/api/{userId}/tasks/parse', 'post'>>(`/api/${enc(userId)}/tasks/parse`, {
        method: 'POST',
        body,
        signal,
      }),
    );
  }

  occurrences(userId: UserId, id: number, count = 5, signal?: AbortSignal): Promise<string[] | null> {
    return optional(this.json<ResponseJson<'/api/{userId}/tasks/{id}/occurrences', 'get'>>(
        `/api/${enc(userId)}/tasks/${id}/occurrences?count=${count}`,
        { signal },
      ),
    );
  }

  /**
   * A rule being edited, before saving: the server's words for it (as the saved task will show them) and the due
   * times it gives from a first due (`dueAt` as the task body has it; without one, no dates).
   */
  previewRecurrence(
    userId: UserId,
    rule: string,
    dueAt: string | null,
    count = 5,
    signal?: AbortSignal,
  ): Promise<RecurrencePreview | null> {
    const q = new URLSearchParams({ rule, count: String(count), ...(dueAt ? { dueAt } : {}) });
    return optional(this.json<ResponseJson<'/api/{userId}/occurrences', 'get'>>(`/api/${enc(userId)}/occurrences?${q}`, { signal }));
  }

  chat(userId: UserId, body: ChatRequest): Promise<ChatResponse | null> {
    return optional(this.json<ResponseJson<'/api/{userId}/chat', 'post'>>(`/api/${enc(userId)}/chat`, { method: 'POST', body }));
  }

  conversations(userId: UserId, signal?: AbortSignal): Promise<Conversation[] | null> {
    return optional(this.json<ResponseJson<'/api/{userId}/conversations', 'get'>>(`/api/${enc(userId)}/conversations`, { signal }));
  }

  messages(userId: UserId, conversationId: Conversation['id'], signal?: AbortSignal): Promise<ChatMessage[] | null> {
    return optional(
      this.json<ResponseJson<'/api/{userId}/conversations/{id}/messages', 'get'>>(`/api/${enc(userId)}/conversations/${enc(String(conversationId))}/messages`, { signal }),
    );
  }

  streamTicket(userId: UserId): Promise<StreamTicket | null> {
    return optional(this.json<ResponseJson<'/api/{userId}/stream/ticket', 'post'>>(`/api/${enc(userId)}/stream/ticket`, { method: 'POST' }));
  }

  streamUrl(userId: UserId, ticket: string): string {
    return `${this.opts.baseUrl ?? ''}/api/${enc(userId)}/stream?ticket=${enc(ticket)}`;
  }

  notifications(userId: UserId, signal?: AbortSignal): Promise<AppNotification[] | null> {
    return optional(this.json<ResponseJson<'/api/{userId}/notifications', 'get'>>(`/api/${enc(userId)}/notifications`, { signal }));
  }

  snoozeNotification(
    userId: UserId,
    id: AppNotification['id'],
    duration = 'PT10M',
  ): Promise<ResponseJson<'/api/{userId}/notifications/{id}/snooze', 'post'>> {
    const body: SnoozeRequest = { for: duration };
    return this.json(`/api/${enc(userId)}/notifications/${enc(String(id))}/snooze`, { method: 'POST', body });
  }

  markNotificationRead(userId: UserId, id: AppNotification['id'], read = true): Promise<AppNotification> {
    const body: NotificationReadRequest = { read };
    return this.json<ResponseJson<'/api/{userId}/notifications/{id}', 'patch'>>(
      `/api/${enc(userId)}/notifications/${enc(String(id))}`,
      { method: 'PATCH', body },
    );
  }

  readAllNotifications(userId: UserId): Promise<ResponseJson<'/api/{userId}/notifications/read-all', 'post'>> {
    return this.json(`/api/${enc(userId)}/notifications/read-all`, { method: 'POST' });
  }
}

async function optional<T>(p: Promise<T>): Promise<T | null> {
  try {
    return await p;
  } catch (e) {
    if (isUnavailable(e)) return null;
    throw e;
  }
}

export function isAbort(e: unknown): boolean {
  return !!e && typeof e === 'object' && (e as { name?: unknown }).name === 'AbortError';
}

import { describe, expect, it, vi } from 'vitest';
import { jsonResponse, mockFetch, problem } from '../test/http';
import { ApiClient, ApiError, isUnavailable, parseLinkHeader, parseTotalCount, taskQueryString, toProblem } from './client';

describe('problem+json parsing', () => {
  it('turns a problem response into an ApiError with detail and field errors', async () => {
    const { fetch } = mockFetch([
      [
        'POST',
        '/api/7/tasks',
        () =>
          problem(400, 'Validation failed', {
            title: 'Bad Request',
            errors: [
              { field: 'title', message: 'must not be blank' },
              { field: 'recurrence.rule', message: 'invalid RRULE' },
            ],
          }),
      ],
    ]);
    const api = new ApiClient({ fetch, getToken: () => 't' });
    const err = await api
      .createTask('7', {
        title: '',
        description: null,
        priority: 'none',
        tags: [],
        dueAt: null,
        allDay: false,
        recurrence: null,
        reminders: [],
      })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ApiError);
    const e = err as ApiError;
    expect(e.status).toBe(400);
    expect(e.userMessage).toBe('Title is required. Repeat rule: invalid RRULE.');
    expect(e.problem.title).toBe('Bad Request');
    expect(e.problem.detail).toBe('Validation failed');
    expect(e.fieldErrors).toEqual({ title: 'Title is required.', 'recurrence.rule': 'Repeat rule: invalid RRULE.' });
  });

  it('synthesises a problem from a non-JSON error body', () => {
    expect(toProblem(502, '<html>Bad gateway</html>', '')).toEqual({ type: 'about:blank', title: 'Bad gateway', status: 502 });
    expect(toProblem(500, 'boom', 'Internal Server Error')).toMatchObject({ title: 'Internal Server Error', detail: 'boom' });
  });

  it('keeps only well-formed field errors', () => {
    const p = toProblem(422, { title: 'x', errors: [{ field: 'a', message: 'm' }, { nope: 1 }, 'junk'] });
    expect(p.errors).toEqual([{ field: 'a', message: 'm' }]);
  });

  it('reports network failures as status 0', async () => {
    const api = new ApiClient({ fetch: vi.fn().mockRejectedValue(new TypeError('Failed to fetch')) });
    const e = (await api.me().catch((x: unknown) => x)) as ApiError;
    expect(e).toBeInstanceOf(ApiError);
    expect(e.status).toBe(0);
    expect(e.userMessage).toMatch(/could not reach the server/i);
  });
});

describe('cancelling', () => {
  it('a request cancelled while its body arrives is rejected as cancelled, never answered with nothing', async () => {
    const ctrl = new AbortController();
    const body = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode('[{"date":'));
        // The page moves on (e.g. the view counts load again) before the rest of the answer arrives.
        ctrl.abort();
        c.error(new DOMException('The operation was aborted.', 'AbortError'));
      },
    });
    const fetch = vi.fn(async () => new Response(body, { status: 200, headers: { 'Content-Type': 'application/json' } }));
    const api = new ApiClient({ fetch: fetch as unknown as typeof globalThis.fetch, getToken: () => 't' });

    await expect(api.upcoming('u1', 7, ctrl.signal)).rejects.toMatchObject({ name: 'AbortError' });
  });
});

describe('authentication', () => {
  it('attaches the bearer token and JSON headers', async () => {
    const { fetch, calls } = mockFetch([['GET', '/api/auth/me', () => jsonResponse({ userId: 1 })]]);
    await new ApiClient({ fetch, getToken: () => 'abc' }).me();
    expect(calls[0].headers.authorization).toBe('Bearer abc');
    expect(calls[0].headers.accept).toContain('application/problem+json');
  });

  it('calls onUnauthorized on a 401 to an authenticated call', async () => {
    const onUnauthorized = vi.fn();
    const { fetch } = mockFetch([['GET', '/api/5/tasks', () => problem(401, 'Token expired')]]);
    const api = new ApiClient({ fetch, getToken: () => 'old', onUnauthorized });
    await expect(api.listTasks('5')).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('does not treat a failed login (401) as an expired session', async () => {
    const onUnauthorized = vi.fn();
    const { fetch, calls } = mockFetch([['POST', '/api/auth/login', () => problem(401, 'Bad credentials')]]);
    const api = new ApiClient({ fetch, getToken: () => 'whatever', onUnauthorized });
    await expect(api.login({ email: 'a@b.co', password: 'x' })).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).not.toHaveBeenCalled();
    expect(calls[0].headers.authorization).toBeUndefined();
  });

  it('uses the global fetch when none is injected', async () => {
    const { fetch } = mockFetch([['GET', '/api/auth/me', () => jsonResponse({ name: 'Ada' })]]);
    vi.stubGlobal('fetch', fetch);
    try {
      await expect(new ApiClient().me()).resolves.toMatchObject({ name: 'Ada' });
    } finally {
      vi.unstubAllGlobals();
    }
  });
});

describe('paging headers', () => {
  it('parses RFC 8288 Link headers', () => {
    const header =
      '</api/1/tasks?page=2&size=50>; rel="next", </api/1/tasks?page=0&size=50>; rel="prev first", ' +
      '<https://x.test/api/1/tasks?page=9&size=50>; rel=last; title="Last page"';
    expect(parseLinkHeader(header)).toEqual({
      next: '/api/1/tasks?page=2&size=50',
      prev: '/api/1/tasks?page=0&size=50',
      first: '/api/1/tasks?page=0&size=50',
      last: 'https://x.test/api/1/tasks?page=9&size=50',
    });
    expect(parseLinkHeader(null)).toEqual({});
    expect(parseLinkHeader('garbage')).toEqual({});
  });

  it('parses X-Total-Count', () => {
    expect(parseTotalCount('42')).toBe(42);
    expect(parseTotalCount(' 0 ')).toBe(0);
    expect(parseTotalCount('')).toBeNull();
    expect(parseTotalCount('nope')).toBeNull();
    expect(parseTotalCount(null)).toBeNull();
  });

  it('returns items, total and links from listTasks', async () => {
    const { fetch, calls } = mockFetch([
      [
        'GET',
        '/api/u1/tasks',
        () =>
          jsonResponse([{ id: 1 }, { id: 2 }], 200, {
            'X-Total-Count': '120',
            Link: '</api/u1/tasks?page=1&size=2>; rel="next"',
          }),
      ],
    ]);
    const page = await new ApiClient({ fetch, getToken: () => 't' }).listTasks('u1', {
      status: 'pending',
      priority: ['high', 'low'],
      tag: ['a b', 'c'],
      q: ' milk ',
      overdue: true,
      sort: 'due',
      order: 'desc',
      page: 0,
      size: 2,
    });
    expect(page.items).toHaveLength(2);
    expect(page.total).toBe(120);
    expect(page.links.next).toBe('/api/u1/tasks?page=1&size=2');
    const s = calls[0].search;
    expect(s.getAll('priority')).toEqual(['high', 'low']);
    expect(s.getAll('tag')).toEqual(['a b', 'c']);
    expect(s.get('q')).toBe('milk');
    expect(s.get('overdue')).toBe('true');
    expect(s.get('order')).toBe('desc');
  });

  it('encodes offsets in due ranges', () => {
    expect(taskQueryString({ dueFrom: '2026-03-05T00:00:00+01:00' })).toBe('?dueFrom=2026-03-05T00%3A00%3A00%2B01%3A00');
    expect(taskQueryString({})).toBe('');
  });
});

describe('task endpoints', () => {
  it('sends merge-patch for PATCH and handles 204 on DELETE', async () => {
    const { fetch, calls } = mockFetch([
      ['PATCH', '/api/1/tasks/9', () => jsonResponse({ id: 9, title: 'x' })],
      ['DELETE', '/api/1/tasks/9', () => new Response(null, { status: 204 })],
      ['PATCH', '/api/1/tasks/9/complete', () => jsonResponse({ id: 9, completed: true })],
    ]);
    const api = new ApiClient({ fetch, getToken: () => 't' });
    await api.patchTask('1', 9, { title: 'x' });
    await expect(api.deleteTask('1', 9)).resolves.toBeUndefined();
    await api.setCompleted('1', 9, true);
    expect(calls[0].headers['content-type']).toBe('application/merge-patch+json');
    expect(calls[2].body).toEqual({ completed: true });
  });

  it('follows Location when a 201 has no body', async () => {
    const { fetch } = mockFetch([
      ['POST', '/api/1/tasks', () => new Response(null, { status: 201, headers: { Location: 'http://h:8080/api/1/tasks/77' } })],
      ['GET', '/api/1/tasks/77', () => jsonResponse({ id: 77, title: 'new' })],
    ]);
    const api = new ApiClient({ fetch, getToken: () => 't' });
    const t = await api.createTask('1', {
      title: 'new',
      description: null,
      priority: 'none',
      tags: [],
      dueAt: null,
      allDay: false,
      recurrence: null,
      reminders: [],
    });
    expect(t.id).toBe(77);
  });

  it('resolves optional endpoints to null when the backend lacks them (404/405)', async () => {
    const { fetch } = mockFetch([
      ['POST', '/api/1/tasks/parse', () => problem(405, 'Method not allowed')],
      ['GET', '/api/1/notifications', () => problem(500, 'boom')],
    ]);
    const api = new ApiClient({ fetch, getToken: () => 't' });
    await expect(api.parseTask('1', 'milk')).resolves.toBeNull();
    await expect(api.occurrences('1', 3)).resolves.toBeNull(); // unmatched → 404
    await expect(api.notifications('1')).rejects.toMatchObject({ status: 500 });
    expect(isUnavailable(new ApiError(501, {}))).toBe(true);
    expect(isUnavailable(new ApiError(400, {}))).toBe(false);
  });
});

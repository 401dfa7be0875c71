import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Task } from '../api/types';
import { EXPIRED_MESSAGE, SESSION_KEY } from '../auth/session';
import { makeTask } from '../test/fixtures';
import { jsonResponse, mockFetch, problem, type Call } from '../test/http';
import { TEST_SESSION, renderApp } from '../test/renderApp';
import { findStatus } from '../test/status';

afterEach(() => vi.unstubAllGlobals());

const me = { userId: 'u1', email: 'ada@example.com', name: 'Ada Lovelace', timeZone: 'UTC', createdAt: '2026-01-01T00:00:00Z' };

/** An in-memory backend for the task page. */
function backend(initial: Task[], overrides: Parameters<typeof mockFetch>[0] = []) {
  let tasks = [...initial];
  let nextId = 1000;
  const list = (c: Call) => {
    let xs = tasks;
    const status = c.search.get('status');
    if (status === 'pending') xs = xs.filter((t) => !t.completed);
    if (status === 'completed') xs = xs.filter((t) => t.completed);
    const q = c.search.get('q');
    if (q) xs = xs.filter((t) => t.title.toLowerCase().includes(q.toLowerCase()));
    const page = Number(c.search.get('page') ?? 0);
    const size = Number(c.search.get('size') ?? 50);
    return jsonResponse(xs.slice(page * size, page * size + size), 200, { 'X-Total-Count': String(xs.length) });
  };
  const mock = mockFetch([
    ...overrides,
    ['GET', '/api/auth/me', () => jsonResponse(me)],
    ['GET', '/api/u1/tasks', list],
    ['GET', '/api/u1/tags', () => jsonResponse([{ tag: 'work', count: 2 }])],
    [
      'POST',
      '/api/u1/tasks',
      (c) => {
        const t = makeTask({ id: nextId++, ...(c.body as object) });
        tasks = [...tasks, t];
        return jsonResponse(t, 201, { Location: `/api/u1/tasks/${t.id}` });
      },
    ],
    [
      'DELETE',
      /^\/api\/u1\/tasks\/\d+$/,
      (c) => {
        const id = Number(c.path.split('/').pop());
        tasks = tasks.filter((t) => t.id !== id);
        return new Response(null, { status: 204 });
      },
    ],
    [
      'PATCH',
      /^\/api\/u1\/tasks\/\d+\/complete$/,
      (c) => {
        const id = Number(c.path.split('/')[4]);
        const completed = (c.body as { completed: boolean }).completed;
        tasks = tasks.map((t) => (t.id === id ? { ...t, completed } : t));
        return jsonResponse(tasks.find((t) => t.id === id));
      },
    ],
  ]);
  return { ...mock, tasks: () => tasks };
}

const listCalls = (calls: Call[]) => calls.filter((c) => c.method === 'GET' && c.path === '/api/u1/tasks');

describe('routing and session', () => {
  it('sends signed-out people to /signin', async () => {
    renderApp('/', backend([]).fetch);
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(window.location.pathname).toBe('/signin');
  });

  it('shows the expiry message for a stored session that has run out', async () => {
    renderApp('/', backend([]).fetch, { ...TEST_SESSION, expiresAt: '2020-01-01T00:00:00Z' });
    expect(await screen.findByText(EXPIRED_MESSAGE)).toBeInTheDocument();
    expect(localStorage.getItem(SESSION_KEY)).toBeNull();
  });

  it('returns to sign-in with a message when the API answers 401', async () => {
    const { fetch } = backend([], [['GET', '/api/u1/tasks', () => problem(401, 'JWT expired')]]);
    renderApp('/', fetch, TEST_SESSION);
    expect(await screen.findByText(EXPIRED_MESSAGE)).toBeInTheDocument();
    expect(window.location.pathname).toBe('/signin');
    expect(localStorage.getItem(SESSION_KEY)).toBeNull();
  });

  it('keeps the session across reloads and signs out on request', async () => {
    const user = userEvent.setup();
    const { fetch } = backend([makeTask({ title: 'Persisted' })]);
    renderApp('/', fetch, TEST_SESSION);
    expect(await screen.findByRole('button', { name: 'Persisted, edit task' })).toBeInTheDocument();
    expect(screen.getByText('Ada Lovelace')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
    expect(screen.queryByText(EXPIRED_MESSAGE)).not.toBeInTheDocument();
    expect(localStorage.getItem(SESSION_KEY)).toBeNull();
  });

  it('follows a sign-out in another tab', async () => {
    renderApp('/', backend([makeTask({ title: 'Shared' })]).fetch, TEST_SESSION);
    await screen.findByRole('button', { name: 'Shared, edit task' });
    localStorage.removeItem(SESSION_KEY);
    act(() => {
      window.dispatchEvent(new StorageEvent('storage', { key: SESSION_KEY, newValue: null }));
    });
    expect(await screen.findByRole('heading', { name: 'Sign in' })).toBeInTheDocument();
  });
});

describe('task page', () => {
  it('pages with "Load more" using X-Total-Count', async () => {
    const user = userEvent.setup();
    const many = Array.from({ length: 60 }, (_, i) => makeTask({ id: i + 1, title: `Task #${i + 1}` }));
    const { fetch, calls } = backend(many);
    renderApp('/', fetch, TEST_SESSION);
    expect(await screen.findByText('Showing 50 of 60 tasks')).toBeInTheDocument();
    expect(listCalls(calls)[0].search.get('page')).toBe('0');
    expect(listCalls(calls)[0].search.get('size')).toBe('50');
    await user.click(screen.getByRole('button', { name: 'Load more' }));
    expect(await screen.findByText('60 tasks')).toBeInTheDocument();
    expect(listCalls(calls).at(-1)!.search.get('page')).toBe('1');
    expect(screen.queryByRole('button', { name: 'Load more' })).not.toBeInTheDocument();
    expect(within(screen.getByRole('list', { name: 'Tasks' })).getByText('Task #60')).toBeInTheDocument();
  });

  it('shows an empty state', async () => {
    renderApp('/', backend([]).fetch, TEST_SESSION);
    expect(await screen.findByText('All clear!')).toBeInTheDocument();
  });

  it('shows an error state with retry', async () => {
    const user = userEvent.setup();
    let fail = true;
    const ok = backend([makeTask({ title: 'Back again' })]);
    const { fetch } = backend(
      [],
      [
        [
          'GET',
          '/api/u1/tasks',
          (c) => (fail ? problem(503, 'Database unavailable') : ok.fetch(c.url)),
        ],
      ],
    );
    renderApp('/', fetch, TEST_SESSION);
    expect(await screen.findByRole('alert')).toHaveTextContent('Could not load your tasks. Database unavailable');
    fail = false;
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('button', { name: 'Back again, edit task' })).toBeInTheDocument();
  });

  it('refetches when status or search change (search debounced)', async () => {
    const user = userEvent.setup();
    const { fetch, calls } = backend([makeTask({ title: 'Milk' }), makeTask({ title: 'Bread', completed: true })]);
    renderApp('/', fetch, TEST_SESSION);
    await screen.findByRole('button', { name: 'Milk, edit task' });
    expect(listCalls(calls).at(-1)!.search.get('status')).toBe('pending');
    await user.click(screen.getByRole('button', { name: 'Completed' }));
    expect(await screen.findByRole('button', { name: 'Bread, edit task' })).toBeInTheDocument();
    expect(listCalls(calls).at(-1)!.search.get('status')).toBe('completed');
    const before = listCalls(calls).length;
    await user.type(screen.getByRole('searchbox', { name: 'Search tasks' }), 'bre');
    await waitFor(() => expect(listCalls(calls).at(-1)!.search.get('q')).toBe('bre'));
    expect(listCalls(calls).length).toBe(before + 1);
  });

  it('completes a task with PATCH …/complete', async () => {
    const user = userEvent.setup();
    const { fetch, calls } = backend([makeTask({ id: 5, title: 'Finish me' })]);
    renderApp('/', fetch, TEST_SESSION);
    await user.click(await screen.findByRole('checkbox', { name: 'Mark “Finish me” as completed' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'PATCH' && c.path === '/api/u1/tasks/5/complete')).toBe(true));
    expect(await screen.findByRole('checkbox', { name: 'Mark “Finish me” as not completed' })).toBeChecked();
  });

  it('deletes with an Undo toast that re-creates the task with the same fields', async () => {
    const user = userEvent.setup();
    const original = makeTask({
      id: 9,
      title: 'Call mom',
      description: 'About Sunday',
      priority: 'high',
      tags: ['family'],
      dueAt: '2026-03-05T17:00:00Z',
      recurrence: { rule: 'FREQ=WEEKLY;BYDAY=SU', from: 'completion', description: 'Weekly on Sun' },
      reminders: [{ before: 'PT15M' }],
    });
    const b = backend([original]);
    renderApp('/', b.fetch, TEST_SESSION);
    await user.click(await screen.findByRole('button', { name: 'Delete “Call mom”' }));
    // it repeats, so the page asks which occurrences go; "this and following" deletes just this task
    await user.click(
      within(screen.getByRole('dialog', { name: 'Delete “Call mom”?' })).getByRole('button', { name: 'This and following' }),
    );
    expect(screen.queryByRole('button', { name: 'Call mom, edit task' })).not.toBeInTheDocument();
    await waitFor(() =>
      expect(
        b.calls.some((c) => c.method === 'DELETE' && c.path === '/api/u1/tasks/9' && c.search.get('scope') === 'following'),
      ).toBe(true),
    );
    const status = await findStatus('Deleted “Call mom”');
    await user.click(within(status).getByRole('button', { name: 'Undo' }));
    expect(await screen.findByRole('button', { name: 'Call mom, edit task' })).toBeInTheDocument();
    const post = b.calls.find((c) => c.method === 'POST' && c.path === '/api/u1/tasks')!;
    expect(post.body).toEqual({
      title: 'Call mom',
      description: 'About Sunday',
      priority: 'high',
      tags: ['family'],
      dueAt: '2026-03-05T17:00:00Z',
      allDay: false,
      recurrence: { rule: 'FREQ=WEEKLY;BYDAY=SU', from: 'completion' },
      reminders: [{ before: 'PT15M' }],
    });
  });

  it('deletes a task that does not repeat at once, without a scope', async () => {
    const user = userEvent.setup();
    const b = backend([makeTask({ id: 3, title: 'Once' })]);
    renderApp('/', b.fetch, TEST_SESSION);
    await user.click(await screen.findByRole('button', { name: 'Delete “Once”' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    await waitFor(() => expect(b.calls.some((c) => c.method === 'DELETE' && c.path === '/api/u1/tasks/3')).toBe(true));
    expect(b.calls.find((c) => c.method === 'DELETE')!.search.has('scope')).toBe(false);
  });

  it('skips one occurrence of a repeating task when “This one” is chosen, and keeps it listed', async () => {
    const user = userEvent.setup();
    const standup = makeTask({
      id: 7,
      title: 'Standup',
      dueAt: '2026-03-09T09:00:00Z',
      recurrence: { rule: 'FREQ=WEEKLY', from: 'due', description: 'Weekly' },
    });
    const b = backend([standup], [['DELETE', '/api/u1/tasks/7', () => new Response(null, { status: 204 })]]);
    renderApp('/', b.fetch, TEST_SESSION);
    await user.click(await screen.findByRole('button', { name: 'Delete “Standup”' }));
    await user.click(screen.getByRole('button', { name: 'This one' }));
    await waitFor(() =>
      expect(b.calls.some((c) => c.method === 'DELETE' && c.search.get('scope') === 'occurrence')).toBe(true),
    );
    expect(await screen.findByText('Skipped “Standup” to its next date')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Standup, edit task' })).toBeInTheDocument();
  });

  it('cancelling the choice deletes nothing', async () => {
    const user = userEvent.setup();
    const b = backend([
      makeTask({ id: 8, title: 'Gym', dueAt: '2026-03-09T09:00:00Z', recurrence: { rule: 'FREQ=DAILY', from: 'due', description: 'Daily' } }),
    ]);
    renderApp('/', b.fetch, TEST_SESSION);
    await user.click(await screen.findByRole('button', { name: 'Delete “Gym”' }));
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(b.calls.some((c) => c.method === 'DELETE')).toBe(false);
    expect(screen.getByRole('button', { name: 'Gym, edit task' })).toBeInTheDocument();
  });

  it('opens the edit dialog from a task title and closes it with Escape', async () => {
    const user = userEvent.setup();
    renderApp('/', backend([makeTask({ title: 'Edit me' })]).fetch, TEST_SESSION);
    const title = await screen.findByRole('button', { name: 'Edit me, edit task' });
    await user.click(title);
    expect(screen.getByRole('dialog', { name: 'Edit task' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(title).toHaveFocus();
  });
});

describe('completing', () => {
  it('says the task was completed and offers an Undo that reopens it', async () => {
    const user = userEvent.setup();
    const b = backend([makeTask({ id: 5, title: 'Finish me' })]);
    renderApp('/', b.fetch, TEST_SESSION);
    await user.click(await screen.findByRole('checkbox', { name: 'Mark “Finish me” as completed' }));

    const status = await findStatus('Completed “Finish me”');
    await user.click(within(status).getByRole('button', { name: 'Undo' }));

    expect(await screen.findByRole('checkbox', { name: 'Mark “Finish me” as completed' })).not.toBeChecked();
    const patches = b.calls.filter((c) => c.method === 'PATCH' && c.path === '/api/u1/tasks/5/complete');
    expect(patches.map((c) => c.body)).toEqual([{ completed: true }, { completed: false }]);
    expect(b.tasks()[0].completed).toBe(false);
  });
});

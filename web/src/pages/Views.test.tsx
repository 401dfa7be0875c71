import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Task, UpcomingDay } from '../api/types';
import { addDays, formatDateKey, zonedDateKey } from '../lib/dates';
import { makeTask } from '../test/fixtures';
import { jsonResponse, mockFetch, type Call } from '../test/http';
import { TEST_SESSION, renderApp } from '../test/renderApp';

afterEach(() => vi.unstubAllGlobals());

const me = { userId: 'u1', email: 'ada@example.com', name: 'Ada', timeZone: 'UTC', createdAt: '2026-01-01T00:00:00Z' };
const today = zonedDateKey(new Date(), 'UTC');
const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000).toISOString();

/** Tasks filtered the way the API does for the queries the views send (pending, dueTo). */
function backend(tasks: Task[], upcoming: UpcomingDay[] = []) {
  const list = (c: Call) => {
    let xs = tasks.filter((t) => c.search.get('status') !== 'pending' || !t.completed);
    const dueTo = c.search.get('dueTo');
    if (dueTo) xs = xs.filter((t) => t.dueAt && Date.parse(t.dueAt) <= Date.parse(dueTo));
    xs = [...xs].sort((a, b) => Date.parse(a.dueAt ?? '9999') - Date.parse(b.dueAt ?? '9999'));
    const size = Number(c.search.get('size') ?? 50);
    return jsonResponse(xs.slice(0, size), 200, { 'X-Total-Count': String(xs.length) });
  };
  return mockFetch([
    ['GET', '/api/auth/me', () => jsonResponse(me)],
    ['GET', '/api/u1/tasks', list],
    ['GET', '/api/u1/tags', () => jsonResponse([])],
    ['GET', '/api/u1/upcoming', () => jsonResponse(upcoming)],
  ]);
}

const tasks = [
  makeTask({ id: 1, title: 'Later today', dueAt: `${today}T23:59:00Z` }),
  makeTask({ id: 2, title: 'All-day today', dueAt: today, allDay: true }),
  makeTask({ id: 3, title: 'Overdue an hour', dueAt: hoursAgo(1) }),
  makeTask({ id: 4, title: 'Next week', dueAt: `${addDays(today, 6)}T10:00:00Z` }),
  makeTask({ id: 5, title: 'Undated' }),
];

describe('views', () => {
  it('Today lists overdue tasks first, then the rest of today, and counts every view', async () => {
    const standUp = makeTask({ id: 9, title: 'Stand-up', dueAt: `${addDays(today, 1)}T09:00:00Z`, recurrence: { rule: 'FREQ=DAILY', from: 'due', description: 'Daily' } });
    const days: UpcomingDay[] = [
      { date: today, items: [] },
      { date: addDays(today, 1), items: [{ dueAt: standUp.dueAt!, occurrence: false, task: standUp }] },
      { date: addDays(today, 2), items: [{ dueAt: `${addDays(today, 2)}T09:00:00Z`, occurrence: true, task: standUp }] },
    ];
    renderApp('/today', backend(tasks, days).fetch, TEST_SESSION);

    const list = await screen.findByRole('list', { name: 'Tasks' });
    await waitFor(() =>
      expect(within(list).getAllByRole('button', { name: /edit task$/ }).map((b) => b.textContent)).toEqual([
        'Overdue an hour, edit task',
        'All-day today, edit task',
        'Later today, edit task',
      ]),
    );
    const nav = screen.getByRole('navigation', { name: 'Views' });
    expect(within(nav).getByRole('link', { name: /Today/ })).toHaveAttribute('aria-current', 'page');
    await waitFor(() => {
      expect(within(nav).getByRole('link', { name: 'Inbox 5 open' })).toBeInTheDocument();
      expect(within(nav).getByRole('link', { name: 'Today 3 open' })).toBeInTheDocument();
      expect(within(nav).getByRole('link', { name: 'Upcoming 2 open' })).toBeInTheDocument();
    });
    expect(document.title).toMatch(/^Today/);
  });

  it('Upcoming groups the days and shows a repeating task’s next occurrence, with the view in the address', async () => {
    const user = userEvent.setup();
    const standUp = makeTask({ id: 9, title: 'Stand-up', dueAt: `${addDays(today, 1)}T09:00:00Z`, recurrence: { rule: 'FREQ=DAILY', from: 'due', description: 'Daily' } });
    const days: UpcomingDay[] = [
      { date: today, items: [] },
      { date: addDays(today, 1), items: [{ dueAt: standUp.dueAt!, occurrence: false, task: standUp }] },
      { date: addDays(today, 2), items: [{ dueAt: `${addDays(today, 2)}T09:00:00Z`, occurrence: true, task: standUp }] },
    ];
    renderApp('/', backend(tasks, days).fetch, TEST_SESSION);

    await user.click(await screen.findByRole('link', { name: /^Upcoming/ }));

    expect(window.location.pathname).toBe('/upcoming');
    const todaySection = await screen.findByRole('region', { name: /^Today/ });
    expect(within(todaySection).getByText('Nothing due.')).toBeInTheDocument();
    const tomorrow = screen.getByRole('list', { name: 'Tomorrow' });
    expect(within(tomorrow).getByRole('checkbox', { name: 'Mark “Stand-up” as completed' })).toBeInTheDocument();
    const later = screen.getByRole('region', { name: formatDateKey(addDays(today, 2), undefined, false, true) });
    expect(within(later).getByRole('button', { name: 'Stand-up, next occurrence, open the repeating task' })).toBeInTheDocument();
    expect(within(later).getByText('Repeats: Daily')).toBeInTheDocument();
  });

  it('an unknown address shows the not-found screen with the way back', async () => {
    renderApp('/tasks/xyz', backend([]).fetch, TEST_SESSION);

    expect(await screen.findByRole('heading', { name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText('/tasks/xyz')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Go to your tasks' })).toHaveAttribute('href', '/');
  });

  it('? shows the keyboard shortcuts, q goes to quick add and / to the search', async () => {
    const user = userEvent.setup();
    renderApp('/', backend(tasks).fetch, TEST_SESSION);
    await screen.findByRole('list', { name: 'Tasks' });

    await user.keyboard('?');
    const help = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(within(help).getByText('Quick add a task')).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();

    await user.keyboard('/');
    expect(screen.getByRole('searchbox', { name: 'Search tasks' })).toHaveFocus();
    await user.keyboard('q');
    expect(screen.getByRole('searchbox', { name: 'Search tasks' })).toHaveValue('q');

    (document.activeElement as HTMLElement).blur();
    await user.keyboard('q');
    expect(screen.getByRole('textbox', { name: 'Add a task' })).toHaveFocus();
  });
});

import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api/client';
import type { TaskDraft } from '../api/types';
import { jsonResponse, mockFetch, problem, type Call } from '../test/http';
import { makeTask } from '../test/fixtures';
import { QuickAdd } from './QuickAdd';

const draft: TaskDraft = {
  title: 'Buy milk',
  dueAt: '2026-03-06T09:00:00+01:00',
  allDay: false,
  priority: 'high',
  tags: ['errands'],
  recurrence: { rule: 'FREQ=WEEKLY;BYDAY=FR', from: 'due', description: 'Weekly on Fri' },
  reminders: [{ before: 'PT15M' }],
};

function setup(opts: { parse?: (c: Call) => Response; parseEnabled?: boolean } = {}) {
  const created = vi.fn();
  const { fetch, calls } = mockFetch([
    ['POST', '/api/u1/tasks/parse', opts.parse ?? (() => jsonResponse(draft))],
    ['POST', '/api/u1/tasks', (c) => jsonResponse(makeTask({ id: 9, ...(c.body as object) }), 201)],
  ]);
  const api = new ApiClient({ fetch, getToken: () => 'tok' });
  render(
    <QuickAdd api={api} userId="u1" timeZone="Europe/Berlin" onCreated={created} parseEnabled={opts.parseEnabled} />,
  );
  const parseCalls = () => calls.filter((c) => c.path.endsWith('/parse'));
  const createCalls = () => calls.filter((c) => c.path === '/api/u1/tasks');
  return { created, calls, parseCalls, createCalls, input: screen.getByRole('textbox', { name: 'Add a task' }) };
}

describe('QuickAdd', () => {
  beforeEach(() => {
    vi.useFakeTimers({ shouldAdvanceTime: true });
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const user = () => userEvent.setup({ advanceTimers: vi.advanceTimersByTime });

  it('debounces the parse call: one request ~200 ms after typing stops', async () => {
    vi.useFakeTimers(); // fully manual clock for exact timing
    const { input, parseCalls } = setup();
    const text = 'Buy milk';
    // One keystroke every 50 ms: faster than the debounce, so no request while typing.
    for (let i = 1; i <= text.length; i++) {
      fireEvent.change(input, { target: { value: text.slice(0, i) } });
      await act(() => vi.advanceTimersByTimeAsync(50));
    }
    expect(parseCalls()).toHaveLength(0);
    await act(() => vi.advanceTimersByTimeAsync(100)); // 150 ms after the last keystroke
    expect(parseCalls()).toHaveLength(0);
    await act(() => vi.advanceTimersByTimeAsync(60)); // 210 ms
    expect(parseCalls()).toHaveLength(1);
    expect(parseCalls()[0].body).toEqual({ text: 'Buy milk' });
  });

  it('shows the parsed details as chips', async () => {
    const u = user();
    const { input } = setup();
    await u.type(input, 'Buy milk fri 9am !high #errands');
    await act(() => vi.advanceTimersByTimeAsync(250));
    const chips = await screen.findAllByText((_, el) => !!el?.hasAttribute('data-chip'));
    const byKey = Object.fromEntries(chips.map((c) => [c.getAttribute('data-chip'), c.textContent]));
    expect(byKey.title).toBe('Buy milk');
    expect(byKey.priority).toBe('High priority');
    expect(byKey['tag-errands']).toBe('#errands');
    expect(byKey.recurrence).toBe('Weekly on Fri');
    expect(byKey['reminder-0']).toBe('15 minutes before');
    expect(byKey.due).toMatch(/9:00/);
  });

  it('Enter creates the task from the parsed draft and clears the input', async () => {
    const u = user();
    const { input, createCalls, created } = setup();
    await u.type(input, 'Buy milk fri 9am !high #errands');
    await act(() => vi.advanceTimersByTimeAsync(250));
    await screen.findByText('High priority');
    await u.keyboard('{Enter}');
    await waitFor(() => expect(created).toHaveBeenCalledTimes(1));
    expect(createCalls()[0].body).toEqual({
      title: 'Buy milk',
      description: null,
      priority: 'high',
      tags: ['errands'],
      dueAt: '2026-03-06T09:00:00+01:00',
      allDay: false,
      recurrence: { rule: 'FREQ=WEEKLY;BYDAY=FR', from: 'due' },
      reminders: [{ before: 'PT15M' }],
    });
    // Created through the quick-add door: its history and metrics name it.
    expect(createCalls()[0].search.get('via')).toBe('quick-add');
    expect(input).toHaveValue('');
  });

  it('parses straight away when Enter comes before the debounce fires', async () => {
    const u = user();
    const { input, parseCalls, createCalls } = setup();
    await u.type(input, 'Buy milk{Enter}');
    await waitFor(() => expect(createCalls()).toHaveLength(1));
    expect(parseCalls()).toHaveLength(1);
    expect(createCalls()[0].body).toMatchObject({ title: 'Buy milk', priority: 'high' });
  });

  it('falls back to the raw text when the parse endpoint is missing, and stops asking', async () => {
    const u = user();
    const { input, parseCalls, createCalls, created } = setup({ parse: () => problem(404, 'Not found') });
    await u.type(input, 'Water plants');
    await act(() => vi.advanceTimersByTimeAsync(250));
    await waitFor(() => expect(parseCalls()).toHaveLength(1));
    await u.keyboard('{Enter}');
    await waitFor(() => expect(created).toHaveBeenCalled());
    expect(createCalls()[0].body).toEqual({
      title: 'Water plants',
      description: null,
      priority: 'none',
      tags: [],
      dueAt: null,
      allDay: false,
      recurrence: null,
      reminders: [],
    });
    await u.type(input, 'Another one');
    await act(() => vi.advanceTimersByTimeAsync(500));
    expect(parseCalls()).toHaveLength(1);
  });

  it('never calls parse when the backend is known not to have it', async () => {
    const u = user();
    const { input, parseCalls, createCalls } = setup({ parseEnabled: false });
    await u.type(input, 'Plain task');
    await act(() => vi.advanceTimersByTimeAsync(500));
    await u.keyboard('{Enter}');
    await waitFor(() => expect(createCalls()).toHaveLength(1));
    expect(parseCalls()).toHaveLength(0);
    expect(createCalls()[0].body).toMatchObject({ title: 'Plain task' });
  });

  it('does nothing on Enter with blank text and clears on Escape', async () => {
    const u = user();
    const { input, calls } = setup({ parseEnabled: false });
    await u.type(input, '   {Enter}');
    expect(calls).toHaveLength(0);
    await u.type(input, 'x{Escape}');
    expect(input).toHaveValue('');
  });

  it('shows the server error and keeps the text when creating fails', async () => {
    const u = user();
    const { fetch } = mockFetch([['POST', '/api/u1/tasks', () => problem(400, 'Title is too long')]]);
    render(
      <QuickAdd
        api={new ApiClient({ fetch, getToken: () => 't' })}
        userId="u1"
        timeZone="UTC"
        onCreated={vi.fn()}
        parseEnabled={false}
      />,
    );
    const input = screen.getByRole('textbox', { name: 'Add a task' });
    await u.type(input, 'Too long{Enter}');
    expect(await screen.findByRole('alert')).toHaveTextContent('Title is too long');
    expect(input).toHaveValue('Too long');
  });

  it('stops at the parse limit, and says a title is too long instead of sending it', async () => {
    const u = user();
    const longTitle = 'x'.repeat(201);
    const { input, createCalls } = setup({
      parse: (c) => jsonResponse({ ...draft, title: (c.body as { text: string }).text, recurrence: null, tags: [] }),
    });
    expect(input).toHaveAttribute('maxLength', '4000');
    fireEvent.change(input, { target: { value: longTitle } });
    expect(await screen.findByText('Title can be at most 200 characters.')).toBeInTheDocument();
    expect(input).toHaveAttribute('aria-invalid', 'true');
    await u.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Title can be at most 200 characters.');
    expect(createCalls()).toHaveLength(0);
  });

  it('names the field as a person would when the server refuses it', async () => {
    const u = user();
    const { fetch } = mockFetch([
      [
        'POST',
        '/api/u1/tasks',
        () =>
          problem(400, 'title: must be at most 200 characters', {
            errors: [{ field: 'title', message: 'must be at most 200 characters' }],
          }),
      ],
    ]);
    render(
      <QuickAdd api={new ApiClient({ fetch, getToken: () => 't' })} userId="u1" timeZone="UTC" onCreated={vi.fn()} parseEnabled={false} />,
    );
    await u.type(screen.getByRole('textbox', { name: 'Add a task' }), 'Long{Enter}');
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Title can be at most 200 characters.');
    expect(alert).not.toHaveTextContent('title:');
  });
});

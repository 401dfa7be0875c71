import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../api/client';
import type { HistoryEntry } from '../api/types';
import { describeChange, describeDoor } from '../lib/history';
import { jsonResponse, mockFetch, problem } from '../test/http';
import { TaskHistory } from './TaskHistory';

function entry(over: Partial<HistoryEntry>): HistoryEntry {
  return {
    eventId: crypto.randomUUID(),
    taskId: 7,
    type: 'updated',
    door: 'rest',
    changedFields: [],
    task: {},
    occurredAt: '2026-03-05T08:00:00Z',
    ...over,
  };
}

function renderHistory(response: () => Response) {
  const { fetch } = mockFetch([['GET', '/api/u1/tasks/7/history', response]]);
  render(
    <TaskHistory
      api={new ApiClient({ fetch, getToken: () => 't' })}
      userId="u1"
      taskId={7}
      timeZone="Europe/Berlin"
      initiallyOpen
    />,
  );
}

describe('TaskHistory', () => {
  it('tells who changed what through which door, newest first, in the user’s zone', async () => {
    renderHistory(() =>
      jsonResponse([
        entry({ type: 'created', door: 'chat', occurredAt: '2026-03-05T08:00:00Z' }),
        entry({ type: 'updated', door: 'rest', changedFields: ['title', 'dueAt', 'allDay'], occurredAt: '2026-03-05T09:30:00Z' }),
        entry({ type: 'completed', door: 'mcp', occurredAt: '2026-03-06T17:15:00Z' }),
      ]),
    );

    const list = await screen.findByRole('list', { name: 'Changes, newest first' });
    const items = within(list).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^An AI assistant you connected \(MCP\) marked it completed.*Fri, Mar 6, 2026, 6:15/),
      expect.stringMatching(/^You, on the web or through the API changed the title and due date.*10:30/),
      expect.stringMatching(/^You, in the chat created the task.*9:00/),
    ]);
  });

  it('says when nothing is recorded yet (the history lags the change)', async () => {
    renderHistory(() => problem(404, 'Task 7 has no history'));

    expect(await screen.findByText('Nothing recorded yet.')).toBeInTheDocument();
  });

  it('says when the history could not be loaded', async () => {
    renderHistory(() => problem(500, 'Something went wrong on our side.'));

    expect(await screen.findByText(/Could not load the history/)).toBeInTheDocument();
  });
});

describe('describeChange', () => {
  it('names the quick-add door', () => {
    expect(describeDoor('quick_add')).toBe('You, with quick add');
  });

  it('words every kind of change', () => {
    expect(describeChange({ type: 'created', door: 'system', changedFields: [] })).toBe(
      'created this occurrence of a repeating task',
    );
    expect(describeChange({ type: 'uncompleted', door: 'rest', changedFields: [] })).toBe('marked it not completed');
    expect(describeChange({ type: 'deleted', door: 'rest', changedFields: [] })).toBe('deleted the task');
    expect(describeChange({ type: 'updated', door: 'rest', changedFields: ['priority', 'tags', 'recurrence'] })).toBe(
      'changed the priority, tags and repetition',
    );
  });
});

describe('TaskHistory behind its button', () => {
  it('loads the history only when asked to show it', async () => {
    const { fetch, calls } = mockFetch([['GET', '/api/u1/tasks/7/history', () => jsonResponse([entry({ type: 'created' })])]]);
    render(<TaskHistory api={new ApiClient({ fetch, getToken: () => 't' })} userId="u1" taskId={7} timeZone="UTC" />);
    const toggle = screen.getByRole('button', { name: 'History' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(calls).toHaveLength(0);

    await userEvent.setup().click(toggle);

    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(await screen.findByText(/created the task/)).toBeInTheDocument();
    expect(calls).toHaveLength(1);
  });
});

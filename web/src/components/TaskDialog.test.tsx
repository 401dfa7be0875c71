import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiClient } from '../api/client';
import type { Task } from '../api/types';
import { makeTask } from '../test/fixtures';
import { jsonResponse, mockFetch, problem } from '../test/http';
import { TaskDialog, mapFieldErrors } from './TaskDialog';

function setup(task: Task | null, routes: Parameters<typeof mockFetch>[0] = []) {
  const { fetch, calls } = mockFetch([
    ...routes,
    ['POST', '/api/u1/tasks', (c) => jsonResponse(makeTask({ id: 50, ...(c.body as object) }), 201)],
    ['PUT', /^\/api\/u1\/tasks\/\d+$/, (c) => jsonResponse({ ...task, ...(c.body as object) })],
  ]);
  const onSaved = vi.fn();
  const onClose = vi.fn();
  render(
    <TaskDialog
      open
      task={task}
      api={new ApiClient({ fetch, getToken: () => 't' })}
      userId="u1"
      timeZone="Europe/Berlin"
      tagSuggestions={['work', 'home']}
      onClose={onClose}
      onSaved={onSaved}
    />,
  );
  return { calls, onSaved, onClose, user: userEvent.setup() };
}

describe('TaskDialog', () => {
  it('requires a title', async () => {
    const { user, calls } = setup(null);
    const dialog = screen.getByRole('dialog', { name: 'New task' });
    const title = within(dialog).getByLabelText('Title');
    expect(title).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Create task' }));
    expect(title).toHaveAccessibleDescription('Enter a title.');
    expect(calls).toHaveLength(0);
  });

  it('creates an all-day task with a plain date', async () => {
    const { user, calls, onSaved } = setup(null);
    await user.type(screen.getByLabelText('Title'), 'Pay rent');
    await user.type(screen.getByLabelText('Description'), 'Transfer to landlord');
    await user.type(screen.getByLabelText('Date'), '2026-03-05');
    await user.click(screen.getByRole('checkbox', { name: 'All day' }));
    expect(screen.queryByLabelText('Time')).not.toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Priority'), 'high');
    const tags = screen.getByLabelText('Tags');
    await user.type(tags, 'home{Enter}bills,');
    expect(screen.getByRole('button', { name: 'Remove tag bills' })).toBeInTheDocument();
    await user.selectOptions(screen.getByRole('combobox', { name: 'Pattern' }), 'monthlyDay');
    await user.click(screen.getByRole('button', { name: 'Create task' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'POST')?.body).toEqual({
      title: 'Pay rent',
      description: 'Transfer to landlord',
      priority: 'high',
      tags: ['home', 'bills'],
      dueAt: '2026-03-05',
      allDay: true,
      recurrence: { rule: 'FREQ=MONTHLY;BYMONTHDAY=5', from: 'due' },
      reminders: [],
    });
    expect(onSaved.mock.calls[0][1]).toBe(true);
  });

  it('sends a timed due date with the user zone offset and reminders', async () => {
    const { user, calls, onSaved } = setup(null);
    await user.type(screen.getByLabelText('Title'), 'Standup');
    await user.type(screen.getByLabelText('Date'), '2026-07-01');
    await user.type(screen.getByLabelText('Time'), '09:30');
    await user.click(screen.getByRole('button', { name: 'Add reminder' }));
    await user.clear(screen.getByLabelText('Reminder 1 amount'));
    await user.type(screen.getByLabelText('Reminder 1 amount'), '2');
    await user.selectOptions(screen.getByLabelText('Reminder 1 unit'), 'hours');
    await user.click(screen.getByRole('button', { name: 'Add reminder' }));
    await user.selectOptions(screen.getByLabelText('Reminder 2 type'), 'at');
    await user.type(screen.getByLabelText('Reminder 2 time'), '2026-06-30T18:00');
    await user.click(screen.getByRole('button', { name: 'Create task' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls[0].body).toMatchObject({
      dueAt: '2026-07-01T09:30:00+02:00',
      allDay: false,
      reminders: [{ before: 'PT2H' }, { at: '2026-06-30T18:00:00+02:00' }],
    });
  });

  it('edits a task with PUT, pre-filled from the task, and previews the next dates', async () => {
    const task = makeTask({
      id: 7,
      title: 'Team sync',
      dueAt: '2026-03-05T08:00:00Z',
      priority: 'medium',
      tags: ['work'],
      recurrence: { rule: 'FREQ=WEEKLY;BYDAY=TH', from: 'due', description: 'Weekly on Thu' },
      reminders: [{ before: 'P1D' }],
    });
    const { user, calls, onSaved } = setup(task, [
      [
        'GET',
        '/api/u1/tasks/7/occurrences',
        () => jsonResponse(['2026-03-12T09:00:00+01:00', '2026-03-19T09:00:00+01:00']),
      ],
    ]);
    expect(screen.getByRole('dialog', { name: 'Edit task' })).toBeInTheDocument();
    expect(screen.getByLabelText('Title')).toHaveValue('Team sync');
    expect(screen.getByLabelText('Date')).toHaveValue('2026-03-05');
    expect(screen.getByLabelText('Time')).toHaveValue('09:00');
    expect(screen.getByRole('checkbox', { name: 'Thursday' })).toBeChecked();
    expect(screen.getByLabelText('Reminder 1 amount')).toHaveValue(1);
    expect(screen.getByLabelText('Reminder 1 unit')).toHaveValue('days');
    const preview = await screen.findByRole('region', { name: 'Next dates' });
    expect(await within(preview).findAllByRole('listitem')).toHaveLength(2);
    expect(calls.find((c) => c.path.endsWith('/occurrences'))?.search.get('count')).toBe('5');

    await user.clear(screen.getByLabelText('Title'));
    await user.type(screen.getByLabelText('Title'), 'Team sync (moved)');
    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    const put = calls.find((c) => c.method === 'PUT')!;
    expect(put.path).toBe('/api/u1/tasks/7');
    expect(put.body).toEqual({
      title: 'Team sync (moved)',
      description: null,
      priority: 'medium',
      tags: ['work'],
      dueAt: '2026-03-05T09:00:00+01:00',
      allDay: false,
      recurrence: { rule: 'FREQ=WEEKLY;BYDAY=TH', from: 'due' },
      reminders: [{ before: 'P1D' }],
    });
    expect(onSaved.mock.calls[0][1]).toBe(false);
  });

  it("describes the task's rule in the server's words and sends only the rule back", async () => {
    const task = makeTask({
      id: 9,
      title: 'Book club',
      dueAt: '2026-03-15T17:00:00Z',
      recurrence: { rule: 'FREQ=MONTHLY;BYDAY=3SU', from: 'due', description: 'Monthly on the 3rd Sunday' },
    });
    const { user, calls, onSaved } = setup(task, [['GET', '/api/u1/tasks/9/occurrences', () => jsonResponse([])]]);
    expect(screen.getByTestId('rrule-summary')).toHaveTextContent('Monthly on the 3rd Sunday');

    await user.click(screen.getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'PUT')!.body).toMatchObject({
      recurrence: { rule: 'FREQ=MONTHLY;BYDAY=3SU', from: 'due' },
    });
    expect((calls.find((c) => c.method === 'PUT')!.body as { recurrence: object }).recurrence).not.toHaveProperty(
      'description',
    );
  });

  it('describes an hourly rule in words', async () => {
    const task = makeTask({
      id: 10,
      title: 'Stretch',
      dueAt: '2026-03-04T09:00:00Z',
      recurrence: { rule: 'FREQ=HOURLY;INTERVAL=2', from: 'due', description: 'Every 2 hours' },
    });
    setup(task, [['GET', '/api/u1/tasks/10/occurrences', () => jsonResponse([])]]);
    expect(screen.getByTestId('rrule-summary')).toHaveTextContent('Every 2 hours');
    expect(screen.getByTestId('rrule-summary')).not.toHaveTextContent('Custom');
  });

  it('hides the preview when the occurrences endpoint is missing', async () => {
    const task = makeTask({ id: 8, recurrence: { rule: 'FREQ=DAILY', from: 'due', description: 'Daily' }, dueAt: '2026-03-05', allDay: true });
    const { calls } = setup(task);
    await waitFor(() => expect(calls.some((c) => c.path.endsWith('/occurrences'))).toBe(true));
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Next dates' })).not.toBeInTheDocument());
    expect(screen.getByLabelText('Title')).toBeInTheDocument();
  });

  it('shows server field errors next to the fields', async () => {
    const { user } = setup(null, [
      [
        'POST',
        '/api/u1/tasks',
        () =>
          problem(400, 'Validation failed', {
            errors: [
              { field: 'title', message: 'must be unique' },
              { field: 'recurrence.rule', message: 'unsupported rule' },
              { field: 'color', message: 'unknown' },
            ],
          }),
      ],
    ]);
    await user.type(screen.getByLabelText('Title'), 'Dup');
    await user.click(screen.getByRole('button', { name: 'Create task' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Title must be unique. Repeat rule: unsupported rule. Color: unknown.',
    );
    expect(screen.getByLabelText('Title')).toHaveAccessibleDescription('Title must be unique.');
    expect(screen.getByText('Repeat rule: unsupported rule.')).toBeInTheDocument();
  });

  it('closes on Escape', async () => {
    const { user, onClose } = setup(null);
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalled();
  });

  it('does not save a reminder "at a time" without a time, and says so on the field', async () => {
    const { user, calls, onSaved } = setup(null);
    await user.type(screen.getByLabelText('Title'), 'Call the bank');
    await user.click(screen.getByRole('button', { name: 'Add reminder' }));
    await user.selectOptions(screen.getByLabelText('Reminder 1 type'), 'at');
    await user.click(screen.getByRole('button', { name: 'Create task' }));

    const at = screen.getByLabelText('Reminder 1 time');
    expect(at).toHaveAttribute('aria-invalid', 'true');
    expect(at).toHaveAccessibleDescription('Choose the date and time to be reminded at.');
    await waitFor(() => expect(at).toHaveFocus());
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
    expect(onSaved).not.toHaveBeenCalled();

    await user.type(at, '2026-06-30T18:00');
    expect(at).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('button', { name: 'Create task' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls.find((c) => c.method === 'POST')?.body).toMatchObject({ reminders: [{ at: '2026-06-30T18:00:00+02:00' }] });
  });

  it('limits the title and description to what the server takes', () => {
    setup(null);
    expect(screen.getByLabelText('Title')).toHaveAttribute('maxLength', '200');
    expect(screen.getByLabelText('Description')).toHaveAttribute('maxLength', '4000');
  });

  it('previews the next dates of the rule being edited, not the saved one', async () => {
    const task = makeTask({
      id: 8,
      title: 'Team sync',
      dueAt: '2026-03-05T08:00:00Z',
      recurrence: { rule: 'FREQ=WEEKLY;BYDAY=TH', from: 'due', description: 'Weekly on Thu' },
    });
    const { user, calls } = setup(task, [
      ['GET', '/api/u1/tasks/8/occurrences', () => jsonResponse(['2026-03-05T09:00:00+01:00', '2026-03-12T09:00:00+01:00'])],
      [
        'GET',
        '/api/u1/occurrences',
        () => jsonResponse({ description: 'Daily', dates: ['2026-03-05T09:00:00+01:00', '2026-03-06T09:00:00+01:00'] }),
      ],
    ]);
    const preview = await screen.findByRole('region', { name: 'Next dates' });
    expect(await within(preview).findByText(/Mar 12/)).toBeInTheDocument();

    await user.selectOptions(screen.getByRole('combobox', { name: 'Pattern' }), 'daily');

    expect(await within(preview).findByText(/Mar 6/)).toBeInTheDocument();
    expect(within(preview).queryByText(/Mar 12/)).not.toBeInTheDocument();
    const draft = calls.find((c) => c.path === '/api/u1/occurrences')!;
    expect(draft.search.get('rule')).toBe('FREQ=DAILY');
    expect(draft.search.get('dueAt')).toMatch(/^2026-03-05T09:00/);
  });

  it("puts the rule being edited in the server's words once it answers, and in no words of its own before", async () => {
    const answers: Array<(r: Response) => void> = [];
    const { user, calls } = setup(null, [
      ['GET', '/api/u1/occurrences', () => new Promise<Response>((resolve) => answers.push(resolve))],
    ]);
    const summary = () => screen.getByTestId('rrule-summary');

    await user.selectOptions(screen.getByRole('combobox', { name: 'Pattern' }), 'weekdays');
    expect(summary()).toHaveTextContent(/^FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR$/);
    await waitFor(() => expect(answers).toHaveLength(1));
    const asked = calls.find((c) => c.path === '/api/u1/occurrences')!;
    expect(asked.search.get('rule')).toBe('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR');
    expect(asked.search.has('dueAt')).toBe(false); // no date yet: words only
    answers[0](jsonResponse({ description: 'Every weekday (as the server puts it)', dates: [] }));
    await waitFor(() => expect(summary()).toHaveTextContent('Every weekday (as the server puts it) · FREQ=WEEKLY'));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Pattern' }), 'yearly');
    expect(summary()).toHaveTextContent(/^FREQ=YEARLY$/); // the weekday words are not this rule's
    await waitFor(() => expect(answers).toHaveLength(2));
    answers[1](jsonResponse({ description: 'Yearly (as the server puts it)', dates: [] }));
    await waitFor(() => expect(summary()).toHaveTextContent('Yearly (as the server puts it) · FREQ=YEARLY'));
  });

  it('asks for the words of a rule once typing pauses, not at every key', async () => {
    const { user, calls } = setup(null, [
      ['GET', '/api/u1/occurrences', (c) => jsonResponse({ description: `Words for ${c.search.get('rule')}`, dates: [] })],
    ]);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Pattern' }), 'custom');
    const input = screen.getByRole('textbox', { name: 'RRULE' });
    await user.clear(input);
    await user.type(input, 'FREQ=DAILY;COUNT=12');

    await waitFor(() => expect(screen.getByTestId('rrule-summary')).toHaveTextContent('Words for FREQ=DAILY;COUNT=12'));
    const asked = calls.filter((c) => c.path === '/api/u1/occurrences').map((c) => c.search.get('rule'));
    expect(asked.length).toBeLessThan(4);
    expect(asked.at(-1)).toBe('FREQ=DAILY;COUNT=12');
  });

  it('maps server field paths', () => {
    expect(
      mapFieldErrors({ 'reminders[0].before': 'bad', allDay: 'x', 'tags[2]': 'too long', other: 'y' }),
    ).toEqual({ fields: { reminders: 'bad', dueAt: 'x', tags: 'too long' }, other: ['y'] });
  });
});

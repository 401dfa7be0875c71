import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Task } from '../api/types';
import { makeTask } from '../test/fixtures';
import { TaskList } from './TaskList';

const tz = 'Europe/Berlin';
const now = new Date('2026-03-05T12:00:00+01:00');

function setup(tasks = defaultTasks()) {
  const handlers = { onToggle: vi.fn(), onOpen: vi.fn(), onDelete: vi.fn(), onTagClick: vi.fn() };
  render(<TaskList tasks={tasks} timeZone={tz} now={now} {...handlers} />);
  return handlers;
}

function defaultTasks() {
  return [
    makeTask({ id: 1, title: 'Overdue report', dueAt: '2026-03-04T17:00:00+01:00', priority: 'high', tags: ['work'] }),
    makeTask({ id: 2, title: 'Dentist today', dueAt: '2026-03-05T16:30:00+01:00', priority: 'medium' }),
    makeTask({ id: 3, title: 'All-day today', dueAt: '2026-03-05', allDay: true, priority: 'low' }),
    makeTask({ id: 4, title: 'Done late', dueAt: '2026-03-01', allDay: true, completed: true }),
    makeTask({ id: 5, title: 'Someday', tags: ['home', 'garden'], recurrence: { rule: 'FREQ=MONTHLY;BYDAY=3FR', from: 'due', description: 'Monthly on the 3rd Friday' } }),
  ];
}

const row = (id: number) => screen.getByTestId(`task-${id}`);

describe('TaskList', () => {
  it('renders every task as a list item with its title', () => {
    setup();
    const list = screen.getByRole('list', { name: 'Tasks' });
    expect(within(list).getAllByRole('listitem').filter((li) => li.dataset.testid)).toHaveLength(5);
    expect(screen.getByRole('button', { name: 'Overdue report, edit task' })).toBeInTheDocument();
  });

  it('marks overdue tasks in red with an "Overdue" flag', () => {
    setup();
    const due = row(1).querySelector('[data-overdue]')!;
    expect(due).toBeTruthy();
    expect(due.className).toMatch(/overdue/);
    expect(within(row(1)).getByText('Overdue')).toBeInTheDocument();
    expect(within(row(1)).getByText('Yesterday, 5:00 PM')).toBeInTheDocument();
  });

  it('highlights tasks due later today and all-day tasks due today', () => {
    setup();
    for (const id of [2, 3]) {
      const due = row(id).querySelector('[data-today]')!;
      expect(due).toBeTruthy();
      expect(due.hasAttribute('data-overdue')).toBe(false);
      expect(due.className).toMatch(/today/);
    }
    expect(within(row(2)).getByText('Today, 4:30 PM')).toBeInTheDocument();
    expect(within(row(3)).getByText('Today')).toBeInTheDocument();
    expect(within(row(3)).getByText('Today').closest('time')).toHaveAttribute('dateTime', '2026-03-05');
  });

  it('never flags completed tasks as overdue', () => {
    setup();
    expect(row(4).querySelector('[data-overdue]')).toBeNull();
    expect(within(row(4)).getByRole('checkbox')).toBeChecked();
  });

  it('shows priority badges (none has no badge)', () => {
    setup();
    expect(within(row(1)).getByText('High')).toHaveAttribute('data-priority', 'high');
    expect(within(row(2)).getByText('Medium')).toHaveAttribute('data-priority', 'medium');
    expect(within(row(3)).getByText('Low')).toHaveAttribute('data-priority', 'low');
    expect(row(5).querySelector('[data-priority]')).toBeNull();
  });

  it('shows tag chips and recurrence', () => {
    const h = setup();
    expect(within(row(5)).getByText('Monthly on the 3rd Friday')).toBeInTheDocument();
    const tags = within(row(5)).getByRole('list', { name: 'Tags' });
    expect(within(tags).getAllByRole('button').map((b) => b.textContent)).toEqual(['#home', '#garden']);
    within(tags).getByRole('button', { name: 'Filter by tag garden' }).click();
    expect(h.onTagClick).toHaveBeenCalledWith('garden');
  });

  it('toggles, opens and deletes via labelled controls', async () => {
    const user = userEvent.setup();
    const h = setup();
    await user.click(screen.getByRole('checkbox', { name: 'Mark “Overdue report” as completed' }));
    expect(h.onToggle).toHaveBeenCalledWith(expect.objectContaining({ id: 1 }), true);
    await user.click(screen.getByRole('button', { name: 'Dentist today, edit task' }));
    expect(h.onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 2 }));
    await user.click(screen.getByRole('button', { name: 'Delete “Someday”' }));
    expect(h.onDelete).toHaveBeenCalledWith(expect.objectContaining({ id: 5 }));
  });
});

describe('TaskList by keyboard', () => {
  const checkbox = (id: number) => within(row(id)).getByRole('checkbox');

  function renderList(tasks = defaultTasks(), pendingIds?: ReadonlySet<number>) {
    const handlers = { onToggle: vi.fn(), onOpen: vi.fn(), onDelete: vi.fn(), onTagClick: vi.fn() };
    const view = render(
      <>
        <button type="button">before</button>
        <TaskList tasks={tasks} timeZone={tz} now={now} pendingIds={pendingIds} {...handlers} />
        <button type="button">after</button>
      </>,
    );
    return { ...handlers, rerender: (xs: Task[], pending?: ReadonlySet<number>) =>
      view.rerender(
        <>
          <button type="button">before</button>
          <TaskList tasks={xs} timeZone={tz} now={now} pendingIds={pending} {...handlers} />
          <button type="button">after</button>
        </>,
      ) };
  }

  it('is one tab stop, however many tags and buttons its rows have', async () => {
    const user = userEvent.setup();
    renderList();
    screen.getByRole('button', { name: 'before' }).focus();

    await user.tab();
    expect(checkbox(1)).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'after' })).toHaveFocus();
    await user.tab({ shift: true });
    expect(checkbox(1)).toHaveFocus();
  });

  it('moves between rows with Up, Down, Home and End, and within a row with Left and Right', async () => {
    const user = userEvent.setup();
    renderList();
    checkbox(1).focus();

    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(checkbox(3)).toHaveFocus();
    await user.keyboard('{ArrowUp}');
    expect(checkbox(2)).toHaveFocus();
    await user.keyboard('{End}');
    expect(checkbox(5)).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(checkbox(5)).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(within(row(5)).getByRole('button', { name: 'Someday, edit task' })).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(within(row(5)).getByRole('button', { name: 'Filter by tag home' })).toHaveFocus();
    await user.keyboard('{Home}');
    expect(checkbox(1)).toHaveFocus();

    // Tab away and back: the list remembers the row.
    await user.keyboard('{End}');
    await user.tab();
    await user.tab({ shift: true });
    expect(checkbox(5)).toHaveFocus();
  });

  it('Space completes the focused task and keeps the focus on it while it saves', async () => {
    const user = userEvent.setup();
    const h = renderList();
    checkbox(2).focus();

    await user.keyboard(' ');
    expect(h.onToggle).toHaveBeenCalledWith(expect.objectContaining({ id: 2 }), true);
    h.rerender(defaultTasks().map((t) => (t.id === 2 ? { ...t, completed: true } : t)), new Set([2]));

    expect(checkbox(2)).toHaveFocus();
    await user.keyboard(' ');
    expect(h.onToggle).toHaveBeenCalledTimes(1);
  });

  it('keeps the focus in the list when the focused task leaves it', async () => {
    const h = renderList();
    checkbox(2).focus();

    h.rerender(defaultTasks().filter((t) => t.id !== 2));

    expect(checkbox(3)).toHaveFocus();
  });

  it('Enter on a task’s checkbox opens the task', async () => {
    const user = userEvent.setup();
    const h = renderList();
    checkbox(3).focus();

    await user.keyboard('{Enter}');

    expect(h.onOpen).toHaveBeenCalledWith(expect.objectContaining({ id: 3 }));
  });
});

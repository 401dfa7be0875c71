import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { makeTask } from '../test/fixtures';
import { DeleteRecurringDialog } from './DeleteRecurringDialog';

const standup = makeTask({
  id: 4,
  title: 'Standup',
  dueAt: '2026-03-09T09:00:00Z',
  recurrence: { rule: 'FREQ=WEEKLY;BYDAY=MO', from: 'due', description: 'Weekly on Mon' },
});

describe('DeleteRecurringDialog', () => {
  it('asks which occurrences of the repeating task should go, first choice focused', () => {
    render(<DeleteRecurringDialog task={standup} onChoose={() => {}} onClose={() => {}} />);
    const dialog = screen.getByRole('dialog', { name: 'Delete “Standup”?' });
    expect(dialog).toHaveAccessibleDescription('It repeats: Weekly on Mon. Which occurrences should go?');
    expect(screen.getByRole('button', { name: 'This one' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'This one' })).toHaveAccessibleDescription(
      'Skips to its next date; the task keeps repeating.',
    );
    expect(screen.getByRole('button', { name: 'This and following' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'The whole series' })).toBeInTheDocument();
  });

  it.each([
    ['This one', 'occurrence'],
    ['This and following', 'following'],
    ['The whole series', 'series'],
  ])('“%s” chooses the %s scope', async (label, scope) => {
    const user = userEvent.setup();
    const onChoose = vi.fn();
    render(<DeleteRecurringDialog task={standup} onChoose={onChoose} onClose={() => {}} />);
    await user.click(screen.getByRole('button', { name: label }));
    expect(onChoose).toHaveBeenCalledExactlyOnceWith(standup, scope);
  });

  it('Cancel and Escape choose nothing', async () => {
    const user = userEvent.setup();
    const onChoose = vi.fn();
    const onClose = vi.fn();
    render(<DeleteRecurringDialog task={standup} onChoose={onChoose} onClose={onClose} />);
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(2);
    expect(onChoose).not.toHaveBeenCalled();
  });

  it('is closed without a task', () => {
    render(<DeleteRecurringDialog task={null} onChoose={() => {}} onClose={() => {}} />);
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
  });
});

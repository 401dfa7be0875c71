import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import type { Recurrence } from '../api/types';
import { RecurrencePicker } from './RecurrencePicker';

function setup(initial: Recurrence | null = null, dueDateKey: string | null = '2026-03-20', description: string | null = null) {
  const onChange = vi.fn();
  function Harness() {
    const [value, setValue] = useState<Recurrence | null>(initial);
    return (
      <>
        <RecurrencePicker
          value={value}
          dueDateKey={dueDateKey}
          description={description}
          onChange={(r) => {
            setValue(r);
            onChange(r);
          }}
        />
        <output data-testid="value">{JSON.stringify(value)}</output>
      </>
    );
  }
  render(<Harness />);
  const last = (): Recurrence | null => onChange.mock.calls.at(-1)?.[0] ?? null;
  return { onChange, last, user: userEvent.setup() };
}

const pattern = () => screen.getByRole('combobox', { name: 'Pattern' });

describe('RecurrencePicker presets', () => {
  it('daily', async () => {
    const { user, last } = setup();
    await user.selectOptions(pattern(), 'daily');
    expect(last()).toEqual({ rule: 'FREQ=DAILY', from: 'due' });
    const every = screen.getByRole('spinbutton', { name: 'Every' });
    await user.clear(every);
    await user.type(every, '3');
    expect(last()).toEqual({ rule: 'FREQ=DAILY;INTERVAL=3', from: 'due' });
  });

  it('every weekday', async () => {
    const { user, last } = setup();
    await user.selectOptions(pattern(), 'weekdays');
    expect(last()?.rule).toBe('FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR');
  });

  it('weekly on chosen days, starting from the due date’s weekday', async () => {
    const { user, last } = setup();
    await user.selectOptions(pattern(), 'weekly');
    expect(last()?.rule).toBe('FREQ=WEEKLY;BYDAY=FR'); // 2026-03-20 is a Friday
    expect(screen.getByRole('checkbox', { name: 'Friday' })).toBeChecked();
    await user.click(screen.getByRole('checkbox', { name: 'Monday' }));
    await user.click(screen.getByRole('checkbox', { name: 'Wednesday' }));
    expect(last()?.rule).toBe('FREQ=WEEKLY;BYDAY=MO,WE,FR');
    await user.click(screen.getByRole('checkbox', { name: 'Friday' }));
    expect(last()?.rule).toBe('FREQ=WEEKLY;BYDAY=MO,WE');
  });

  it('monthly on day N', async () => {
    const { user, last } = setup();
    await user.selectOptions(pattern(), 'monthlyDay');
    expect(last()?.rule).toBe('FREQ=MONTHLY;BYMONTHDAY=20');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Day of month' }), '31');
    expect(last()?.rule).toBe('FREQ=MONTHLY;BYMONTHDAY=31');
    expect(screen.getByText(/Months without a 31st are skipped/)).toBeInTheDocument();
  });

  it('monthly on the 3rd Friday', async () => {
    const { user, last } = setup();
    await user.selectOptions(pattern(), 'monthlyNth');
    expect(last()?.rule).toBe('FREQ=MONTHLY;BYDAY=3FR');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Which' }), '-1');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Weekday' }), 'MO');
    expect(last()?.rule).toBe('FREQ=MONTHLY;BYDAY=-1MO');
    expect(screen.getByTestId('rrule-summary')).toHaveTextContent(/^FREQ=MONTHLY;BYDAY=-1MO$/);
  });

  it('yearly', async () => {
    const { user, last } = setup();
    await user.selectOptions(pattern(), 'yearly');
    expect(last()).toEqual({ rule: 'FREQ=YEARLY', from: 'due' });
  });

  it('custom RRULE text, with validation', async () => {
    const { user, last } = setup();
    await user.selectOptions(pattern(), 'custom');
    const input = screen.getByRole('textbox', { name: 'RRULE' });
    await user.clear(input);
    await user.type(input, 'FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-1;COUNT=6');
    expect(last()?.rule).toBe('FREQ=MONTHLY;BYDAY=MO;BYSETPOS=-1;COUNT=6');
    expect(input).not.toHaveAttribute('aria-invalid');
    await user.clear(input);
    await user.type(input, 'FREQ=SOMETIMES');
    expect(input).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByText('Unknown FREQ "SOMETIMES" (use HOURLY, DAILY, WEEKLY, MONTHLY, YEARLY).')).toBeInTheDocument();
  });

  it('switching to custom pre-fills the current rule', async () => {
    const { user } = setup({ rule: 'FREQ=WEEKLY;BYDAY=TU,TH', from: 'due' });
    expect(screen.getByRole('checkbox', { name: 'Tuesday' })).toBeChecked();
    await user.selectOptions(pattern(), 'custom');
    expect(screen.getByRole('textbox', { name: 'RRULE' })).toHaveValue('FREQ=WEEKLY;BYDAY=TU,TH');
  });

  it('repeat from completion, and back to no repeat', async () => {
    const { user, last } = setup({ rule: 'FREQ=DAILY', from: 'due' });
    expect(pattern()).toHaveValue('daily');
    await user.click(screen.getByRole('radio', { name: 'Completion date' }));
    expect(last()).toEqual({ rule: 'FREQ=DAILY', from: 'completion' });
    await user.selectOptions(pattern(), 'none');
    expect(last()).toBeNull();
    expect(screen.queryByRole('radio')).not.toBeInTheDocument();
  });
});

describe('RecurrencePicker in words', () => {
  it("shows the server's words beside the rule", () => {
    setup({ rule: 'FREQ=MONTHLY;BYDAY=-1MO', from: 'due' }, '2026-03-30', 'Monthly on the last Monday');
    expect(screen.getByTestId('rrule-summary')).toHaveTextContent('Monthly on the last Monday · FREQ=MONTHLY;BYDAY=-1MO');
  });

  it('shows the rule alone, in no words of its own, until the server has said', () => {
    setup({ rule: 'FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR', from: 'due' });
    expect(screen.getByTestId('rrule-summary')).toHaveTextContent(/^FREQ=WEEKLY;BYDAY=MO,TU,WE,TH,FR$/);
  });
});

import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { useShortcuts } from './useShortcuts';

function Page({ onQ, onHelp, enabled = true }: { onQ: () => void; onHelp: () => void; enabled?: boolean }) {
  useShortcuts({ q: onQ, '?': onHelp }, enabled);
  return (
    <>
      <label>
        Title <input />
      </label>
      <label>
        Notes <textarea />
      </label>
      <label>
        Done <input type="checkbox" />
      </label>
    </>
  );
}

describe('useShortcuts', () => {
  it('fires on the page and on a checkbox, not while typing in a field', async () => {
    const onQ = vi.fn();
    const onHelp = vi.fn();
    render(<Page onQ={onQ} onHelp={onHelp} />);
    const user = userEvent.setup();

    await user.keyboard('q');
    expect(onQ).toHaveBeenCalledTimes(1);

    await user.click(screen.getByLabelText('Title'));
    await user.keyboard('q?');
    await user.click(screen.getByLabelText('Notes'));
    await user.keyboard('q?');
    expect(onQ).toHaveBeenCalledTimes(1);
    expect(onHelp).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Title')).toHaveValue('q?');

    screen.getByLabelText('Done').focus();
    await user.keyboard('?');
    expect(onHelp).toHaveBeenCalledTimes(1);
  });

  it('leaves the browser’s own shortcuts alone and rests while disabled', async () => {
    const onQ = vi.fn();
    const { rerender } = render(<Page onQ={onQ} onHelp={() => {}} />);
    const user = userEvent.setup();

    await user.keyboard('{Control>}q{/Control}{Meta>}q{/Meta}');
    expect(onQ).not.toHaveBeenCalled();

    rerender(<Page onQ={onQ} onHelp={() => {}} enabled={false} />);
    await user.keyboard('q');
    expect(onQ).not.toHaveBeenCalled();
  });
});

import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DEFAULT_FILTERS, filtersToQuery, withoutNarrowing, type Filters } from '../lib/filters';
import { FilterBar } from './FilterBar';

function setup() {
  const onChange = vi.fn();
  function Harness() {
    const [f, setF] = useState<Filters>(DEFAULT_FILTERS);
    return (
      <>
        <FilterBar
          filters={f}
          tags={[
            { tag: 'work', count: 3 },
            { tag: 'home', count: 1 },
          ]}
          searchDelay={10}
          onChange={(next) => {
            setF(next);
            onChange(next);
          }}
        />
        <button type="button" onClick={() => setF(withoutNarrowing(f))}>
          Clear filters elsewhere
        </button>
      </>
    );
  }
  render(<Harness />);
  return { onChange, last: (): Filters => onChange.mock.calls.at(-1)![0], user: userEvent.setup() };
}

describe('FilterBar', () => {
  it('narrows by priority, tags, due range and overdue, and clears', async () => {
    const { user, last } = setup();
    const toggle = screen.getByRole('button', { name: 'Filters' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');

    await user.click(screen.getByRole('button', { name: 'High' }));
    await user.click(screen.getByRole('button', { name: 'Low' }));
    await user.click(screen.getByRole('button', { name: /#work 3/ }));
    await user.type(screen.getByLabelText('From'), '2026-03-01');
    await user.type(screen.getByLabelText('To'), '2026-03-31');
    await user.click(screen.getByRole('checkbox', { name: 'Overdue only' }));
    expect(screen.getByRole('button', { name: 'High' })).toHaveAttribute('aria-pressed', 'true');
    expect(last()).toMatchObject({
      priority: ['high', 'low'],
      tags: ['work'],
      dueFrom: '2026-03-01',
      dueTo: '2026-03-31',
      overdue: true,
    });
    expect(screen.getByRole('button', { name: 'Filters (6)' })).toBeInTheDocument();

    await user.selectOptions(screen.getByLabelText('Sort by'), 'priority');
    await user.selectOptions(screen.getByLabelText('Sort order'), 'desc');
    await user.click(screen.getByRole('button', { name: 'Clear filters' }));
    expect(last()).toEqual({ ...DEFAULT_FILTERS, sort: 'priority', order: 'desc' });
  });

  it('ranks a search by best match and brings back the sort it replaced once the search is cleared', async () => {
    const { user, last } = setup();
    const sortBy = screen.getByLabelText<HTMLSelectElement>('Sort by');
    await user.selectOptions(sortBy, 'priority');
    expect(screen.queryByRole('option', { name: 'Best match' })).not.toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Search tasks' }), 'rep');
    await waitFor(() => expect(last().q).toBe('rep'));
    expect(last().sort).toBe('relevance');
    expect(sortBy.value).toBe('relevance');
    expect(screen.getByLabelText('Sort order')).toBeDisabled();
    expect(screen.getByLabelText<HTMLSelectElement>('Sort order').value).toBe('best');
    expect(filtersToQuery(last(), 'UTC')).toMatchObject({ q: 'rep', sort: 'relevance', order: undefined });

    await user.clear(screen.getByRole('searchbox', { name: 'Search tasks' }));
    await waitFor(() => expect(last().q).toBe(''));
    expect(last().sort).toBe('priority');
    expect(sortBy.value).toBe('priority');
    expect(screen.queryByRole('option', { name: 'Best match' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Sort order')).toBeEnabled();
  });

  it('keeps a sort picked during a search after the search is cleared', async () => {
    const { user, last } = setup();
    await user.type(screen.getByRole('searchbox', { name: 'Search tasks' }), 'rep');
    await waitFor(() => expect(last().sort).toBe('relevance'));
    await user.selectOptions(screen.getByLabelText('Sort by'), 'title');

    await user.clear(screen.getByRole('searchbox', { name: 'Search tasks' }));

    await waitFor(() => expect(last().q).toBe(''));
    expect(last().sort).toBe('title');
    expect(filtersToQuery(last(), 'UTC')).toMatchObject({ sort: 'title', order: 'asc' });
  });

  it('empties the search box when the search is cleared from outside it', async () => {
    const { user, last } = setup();
    const box = screen.getByRole('searchbox', { name: 'Search tasks' });
    await user.type(box, 'rep');
    await waitFor(() => expect(last().q).toBe('rep'));

    await user.click(screen.getByRole('button', { name: 'Clear filters elsewhere' }));

    expect(box).toHaveValue('');
    expect(screen.getByLabelText<HTMLSelectElement>('Sort by').value).toBe('due');
  });

  it('never asks for best match without a search', () => {
    expect(filtersToQuery({ ...DEFAULT_FILTERS, sort: 'relevance', sortBeforeSearch: 'title' }, 'UTC')).toMatchObject({
      sort: 'title',
      order: 'asc',
    });
    expect(filtersToQuery({ ...DEFAULT_FILTERS, sort: 'relevance' }, 'UTC')).toMatchObject({ sort: 'due' });
  });

  it('turns filters into API query parameters in the user zone', () => {
    expect(
      filtersToQuery(
        { ...DEFAULT_FILTERS, status: 'all', priority: ['high'], tags: ['a'], q: ' x ', dueFrom: '2026-03-01', dueTo: '2026-03-31', overdue: true },
        'Europe/Berlin',
      ),
    ).toEqual({
      status: 'all',
      priority: ['high'],
      tag: ['a'],
      q: 'x',
      dueFrom: '2026-03-01T00:00:00+01:00',
      dueTo: '2026-03-31T23:59:59+02:00',
      overdue: true,
      sort: 'due',
      order: 'asc',
    });
  });
});

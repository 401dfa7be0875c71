import { useEffect, useId, useRef, useState, type Ref } from 'react';
import type { Priority, SortField, SortOrder, StatusFilter, TagCount } from '../api/types';
import { hasActiveFilters, shownSort, withoutNarrowing, withSearch, type Filters } from '../lib/filters';
import { useDebouncedValue } from '../lib/useDebounce';
import { FilterIcon, SearchIcon } from './icons';
import styles from './FilterBar.module.css';

interface FilterBarProps {
  filters: Filters;
  onChange: (f: Filters) => void;
  tags: TagCount[];
  /** Search debounce in ms. */
  searchDelay?: number;
  /** The search box, for the page's "/" shortcut. */
  searchRef?: Ref<HTMLInputElement>;
}

const STATUSES: { value: StatusFilter; label: string }[] = [
  { value: 'pending', label: 'Pending' },
  { value: 'completed', label: 'Completed' },
  { value: 'all', label: 'All' },
];

const PRIORITY_OPTIONS: { value: Priority; label: string }[] = [
  { value: 'high', label: 'High' },
  { value: 'medium', label: 'Medium' },
  { value: 'low', label: 'Low' },
  { value: 'none', label: 'None' },
];

const SORTS: { value: SortField; label: string }[] = [
  { value: 'due', label: 'Due date' },
  { value: 'priority', label: 'Priority' },
  { value: 'title', label: 'Title' },
  { value: 'created', label: 'Created' },
  { value: 'updated', label: 'Updated' },
];

export function FilterBar({ filters, onChange, tags, searchDelay = 300, searchRef }: FilterBarProps) {
  const id = useId();
  const [search, setSearch] = useState(filters.q);
  const debounced = useDebouncedValue(search, searchDelay);
  const [expanded, setExpanded] = useState(() => hasActiveFilters({ ...filters, q: '' }));
  const latest = useRef(filters);
  latest.current = filters;
  const sent = useRef(debounced);
  sent.current = debounced;
  const changed = useRef(onChange);
  changed.current = onChange;

  // Only a new debounced text is a new search: a stale one must not undo a search cleared meanwhile.
  useEffect(() => {
    if (debounced !== latest.current.q) changed.current(withSearch(latest.current, debounced));
  }, [debounced]);

  // A search cleared elsewhere (the list's own "Clear filters") leaves the box too.
  useEffect(() => {
    if (filters.q !== sent.current) setSearch(filters.q);
  }, [filters.q]);

  const set = (patch: Partial<Filters>) => onChange({ ...filters, ...patch });
  const toggleIn = <T,>(list: T[], v: T) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v]);
  const active = hasActiveFilters(filters);
  const sort = shownSort(filters);
  const sorts = filters.q.trim() ? [{ value: 'relevance' as SortField, label: 'Best match' }, ...SORTS] : SORTS;
  const extraCount =
    filters.priority.length + filters.tags.length + (filters.dueFrom ? 1 : 0) + (filters.dueTo ? 1 : 0) + (filters.overdue ? 1 : 0);

  return (
    <section className={styles.bar} aria-label="Filter and sort tasks">
      <div className={styles.top}>
        <div className={styles.status} role="group" aria-label="Status">
          {STATUSES.map((s) => (
            <button
              key={s.value}
              type="button"
              className={styles.segment}
              aria-pressed={filters.status === s.value}
              onClick={() => set({ status: s.value })}
            >
              {s.label}
            </button>
          ))}
        </div>
        <div className={styles.search}>
          <label htmlFor={`${id}-q`} className="sr-only">
            Search tasks
          </label>
          <span className={styles.searchIcon} aria-hidden="true">
            <SearchIcon size={16} />
          </span>
          <input
            ref={searchRef}
            id={`${id}-q`}
            className={`input ${styles.searchInput}`}
            type="search"
            placeholder="Search"
            value={search}
            onChange={(e) => setSearch(e.target.value)}
          />
        </div>
        <div className={styles.sort}>
          <label htmlFor={`${id}-sort`} className="sr-only">
            Sort by
          </label>
          <select
            id={`${id}-sort`}
            className={`select ${styles.sortSelect}`}
            value={sort}
            onChange={(e) => set({ sort: e.target.value as SortField })}
          >
            {sorts.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
          <label htmlFor={`${id}-order`} className="sr-only">
            Sort order
          </label>
          <select
            id={`${id}-order`}
            className={`select ${styles.orderSelect}`}
            value={sort === 'relevance' ? 'best' : filters.order}
            disabled={sort === 'relevance'}
            onChange={(e) => set({ order: e.target.value as SortOrder })}
          >
            {sort === 'relevance' ? (
              <option value="best">Best first</option>
            ) : (
              <>
                <option value="asc">Ascending</option>
                <option value="desc">Descending</option>
              </>
            )}
          </select>
        </div>
        <button
          type="button"
          className={`btn ${styles.toggle}`}
          aria-expanded={expanded}
          aria-controls={`${id}-more`}
          onClick={() => setExpanded((x) => !x)}
        >
          <FilterIcon size={15} /> Filters{extraCount ? ` (${extraCount})` : ''}
        </button>
      </div>

      <div id={`${id}-more`} className={styles.more} hidden={!expanded}>
        <fieldset className={styles.group}>
          <legend className={styles.legend}>Priority</legend>
          <div className={styles.pills}>
            {PRIORITY_OPTIONS.map((p) => (
              <button
                key={p.value}
                type="button"
                className={`${styles.pill} ${styles[`p_${p.value}`] ?? ''}`}
                aria-pressed={filters.priority.includes(p.value)}
                onClick={() => set({ priority: toggleIn(filters.priority, p.value) })}
              >
                {p.label}
              </button>
            ))}
          </div>
        </fieldset>

        {tags.length > 0 && (
          <fieldset className={styles.group}>
            <legend className={styles.legend}>Tags</legend>
            <div className={styles.pills}>
              {tags.map((t) => (
                <button
                  key={t.tag}
                  type="button"
                  className={styles.pill}
                  aria-pressed={filters.tags.includes(t.tag)}
                  onClick={() => set({ tags: toggleIn(filters.tags, t.tag) })}
                >
                  #{t.tag} <span className={styles.count}>{t.count}</span>
                  <span className="sr-only"> tasks</span>
                </button>
              ))}
            </div>
          </fieldset>
        )}

        <fieldset className={styles.group}>
          <legend className={styles.legend}>Due</legend>
          <div className={styles.dueRow}>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-from`}>
                From
              </label>
              <input
                id={`${id}-from`}
                className="input"
                type="date"
                value={filters.dueFrom}
                max={filters.dueTo || undefined}
                onChange={(e) => set({ dueFrom: e.target.value })}
              />
            </div>
            <div className="field">
              <label className="field-label" htmlFor={`${id}-to`}>
                To
              </label>
              <input
                id={`${id}-to`}
                className="input"
                type="date"
                value={filters.dueTo}
                min={filters.dueFrom || undefined}
                onChange={(e) => set({ dueTo: e.target.value })}
              />
            </div>
            <label className={`checkbox ${styles.overdue}`}>
              <input type="checkbox" checked={filters.overdue} onChange={(e) => set({ overdue: e.target.checked })} />
              Overdue only
            </label>
          </div>
        </fieldset>
      </div>

      {active && (
        <div className={styles.activeRow}>
          <button
            type="button"
            className="btn btn-ghost btn-sm"
            onClick={() => {
              setSearch('');
              onChange(withoutNarrowing(filters));
            }}
          >
            Clear filters
          </button>
        </div>
      )}
    </section>
  );
}

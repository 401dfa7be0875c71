import type { Priority, SortField, SortOrder, StatusFilter, TaskQuery } from '../api/types';
import { endOfDayRfc3339, startOfDayRfc3339 } from './dates';

export interface Filters {
  status: StatusFilter;
  priority: Priority[];
  tags: string[];
  q: string;
  /** "YYYY-MM-DD" in the user's zone, or "". */
  dueFrom: string;
  dueTo: string;
  overdue: boolean;
  sort: SortField;
  order: SortOrder;
  /** The sort a search replaced with best match ('relevance'): it comes back when the search is cleared. */
  sortBeforeSearch?: SortField;
}

export const DEFAULT_FILTERS: Filters = {
  status: 'pending',
  priority: [],
  tags: [],
  q: '',
  dueFrom: '',
  dueTo: '',
  overdue: false,
  sort: 'due',
  order: 'asc',
};

/** Are any narrowing filters (beyond status and sort) active? */
export function hasActiveFilters(f: Filters): boolean {
  return f.priority.length > 0 || f.tags.length > 0 || !!f.q.trim() || !!f.dueFrom || !!f.dueTo || f.overdue;
}

/**
 * The filters with another search text. A search starts ranked by best match (the API's relevance: the words in the
 * title before those in the description, the newest first among equals) and clearing it brings back the sort it
 * replaced; a sort picked while searching stays.
 */
export function withSearch(f: Filters, q: string): Filters {
  const searching = q.trim() !== '';
  const wasSearching = f.q.trim() !== '';
  if (searching && !wasSearching) {
    return { ...f, q, sort: 'relevance', sortBeforeSearch: shownSort(f) };
  }
  if (!searching && wasSearching) {
    const { sortBeforeSearch, ...rest } = f;
    return { ...rest, q, sort: f.sort === 'relevance' ? (sortBeforeSearch ?? DEFAULT_FILTERS.sort) : f.sort };
  }
  return { ...f, q };
}

/** The filters without search, priority, tags, due range and overdue: status and sort stay. */
export function withoutNarrowing(f: Filters): Filters {
  return { ...withSearch(f, ''), priority: [], tags: [], dueFrom: '', dueTo: '', overdue: false };
}

/** The sort in effect: best match needs a search, without one it is the sort from before. */
export function shownSort(f: Filters): SortField {
  return f.sort === 'relevance' && !f.q.trim() ? (f.sortBeforeSearch ?? DEFAULT_FILTERS.sort) : f.sort;
}

export function filtersToQuery(f: Filters, timeZone: string): TaskQuery {
  const sort = shownSort(f);
  return {
    status: f.status,
    priority: f.priority.length ? f.priority : undefined,
    tag: f.tags.length ? f.tags : undefined,
    q: f.q.trim() || undefined,
    dueFrom: f.dueFrom ? startOfDayRfc3339(f.dueFrom, timeZone) : undefined,
    dueTo: f.dueTo ? endOfDayRfc3339(f.dueTo, timeZone) : undefined,
    overdue: f.overdue || undefined,
    sort,
    // Best match is always best first.
    order: sort === 'relevance' ? undefined : f.order,
  };
}

const STORAGE_KEY = 'taskstream.filters';

export function loadFilters(): Filters {
  try {
    const raw = sessionStorage.getItem(STORAGE_KEY);
    if (!raw) return DEFAULT_FILTERS;
    return { ...DEFAULT_FILTERS, ...(JSON.parse(raw) as Partial<Filters>) };
  } catch {
    return DEFAULT_FILTERS;
  }
}

export function saveFilters(f: Filters): void {
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(f));
  } catch {
    /* ignore */
  }
}

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

export function filtersToQuery(f: Filters, timeZone: string): TaskQuery {
  return {
    status: f.status,
    priority: f.priority.length ? f.priority : undefined,
    tag: f.tags.length ? f.tags : undefined,
    q: f.q.trim() || undefined,
    dueFrom: f.dueFrom ? startOfDayRfc3339(f.dueFrom, timeZone) : undefined,
    dueTo: f.dueTo ? endOfDayRfc3339(f.dueTo, timeZone) : undefined,
    overdue: f.overdue || undefined,
    sort: f.sort,
    order: f.order,
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

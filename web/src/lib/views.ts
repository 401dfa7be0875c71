// The task views: Inbox (every open task, with filters), Today (overdue and due today) and Upcoming (the next
// seven days). Each has its own address, so a reload or a shared link keeps it.
import type { Task, TaskQuery } from '../api/types';
import { dueInfo, endOfDayRfc3339, zonedDateKey } from './dates';

export type View = 'inbox' | 'today' | 'upcoming';

export const VIEWS: { view: View; path: string; label: string }[] = [
  { view: 'inbox', path: '/', label: 'Inbox' },
  { view: 'today', path: '/today', label: 'Today' },
  { view: 'upcoming', path: '/upcoming', label: 'Upcoming' },
];

/** The view at a path ("/today"), or null when the path is none of them. */
export function viewAt(path: string): View | null {
  return VIEWS.find((v) => v.path === path)?.view ?? null;
}

export function pathOf(view: View): string {
  return VIEWS.find((v) => v.view === view)!.path;
}

/** How many days Upcoming shows, today included. */
export const UPCOMING_DAYS = 7;

/** Today's open tasks: everything due by the end of today in the user's zone (so the overdue ones too). */
export function todayQuery(timeZone: string, now: Date = new Date()): TaskQuery {
  return {
    status: 'pending',
    dueTo: endOfDayRfc3339(zonedDateKey(now, timeZone), timeZone),
    sort: 'due',
    order: 'asc',
  };
}

/**
 * Overdue tasks before the rest, each part in its given (due) order: an all-day task of today sorts before a task
 * due at 9:00, which is overdue by 10:00.
 */
export function overdueFirst(tasks: Task[], timeZone: string, now: Date = new Date()): Task[] {
  const overdue = (t: Task) => dueInfo(t, timeZone, now)?.overdue ?? false;
  return [...tasks.filter(overdue), ...tasks.filter((t) => !overdue(t))];
}

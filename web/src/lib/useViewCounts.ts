// The number of open tasks in each view, for the view links; reloaded whenever `version` changes (a live event,
// a change made on this page) and when the day changes.
import { useEffect, useState } from 'react';
import type { ApiClient } from '../api/client';
import { UPCOMING_DAYS, todayQuery, type View } from './views';
import { zonedDateKey } from './dates';

export type ViewCounts = Partial<Record<View, number>>;

export function useViewCounts(api: ApiClient, userId: string, timeZone: string, now: Date, version: number): ViewCounts {
  const [counts, setCounts] = useState<ViewCounts>({});
  const day = zonedDateKey(now, timeZone);
  useEffect(() => {
    const ctrl = new AbortController();
    const signal = ctrl.signal;
    const keep = (view: View) => (n: number | null) => {
      if (n != null) setCounts((c) => (c[view] === n ? c : { ...c, [view]: n }));
    };
    // Counts are decoration: one that fails (or is aborted) keeps its last value.
    const ignore = () => {};
    api.listTasks(userId, { status: 'pending', size: 1 }, signal).then((p) => keep('inbox')(p.total), ignore);
    api.listTasks(userId, { ...todayQuery(timeZone), size: 1 }, signal).then((p) => keep('today')(p.total), ignore);
    api.upcoming(userId, UPCOMING_DAYS, signal).then(
      (days) => keep('upcoming')(days.reduce((n, d) => n + d.items.length, 0)),
      ignore,
    );
    return () => ctrl.abort();
  }, [api, userId, timeZone, day, version]);
  return counts;
}

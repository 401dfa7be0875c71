// Paged task list for a query: first page on query change, "load more", silent reloads.
import { useCallback, useEffect, useRef, useState } from 'react';
import { errorMessage, isAbort, type ApiClient } from '../api/client';
import type { Task, TaskQuery } from '../api/types';

export interface TaskListState {
  tasks: Task[];
  total: number | null;
  loading: boolean;
  loadingMore: boolean;
  error: string | null;
  hasMore: boolean;
  loadMore: () => void;
  reload: () => Promise<void>;
  replace: (task: Task) => void;
  remove: (id: number) => void;
}

export function useTaskList(api: ApiClient, userId: string, query: TaskQuery, pageSize = 50): TaskListState {
  const [tasks, setTasks] = useState<Task[]>([]);
  const [total, setTotal] = useState<number | null>(null);
  const [hasNextLink, setHasNextLink] = useState<boolean | null>(null);
  const [lastPageFull, setLastPageFull] = useState(false);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const pageRef = useRef(0);
  const requestRef = useRef(0);
  const key = JSON.stringify(query);
  const queryRef = useRef(query);
  queryRef.current = query;

  const applyPage = (items: Task[], tot: number | null, next: boolean | null, append: boolean, size: number) => {
    setTasks((prev) => {
      if (!append) return items;
      const seen = new Set(prev.map((t) => t.id));
      return [...prev, ...items.filter((t) => !seen.has(t.id))];
    });
    setTotal(tot);
    setHasNextLink(next);
    setLastPageFull(items.length >= size);
  };

  // First page whenever the query changes.
  useEffect(() => {
    const req = ++requestRef.current;
    const ctrl = new AbortController();
    pageRef.current = 0;
    setLoading(true);
    setError(null);
    api.listTasks(userId, { ...queryRef.current, page: 0, size: pageSize }, ctrl.signal).then(
      (page) => {
        if (req !== requestRef.current) return;
        applyPage(page.items, page.total, page.links.next !== undefined ? true : hasLinks(page.links) ? false : null, false, pageSize);
        setLoading(false);
      },
      (e) => {
        if (isAbort(e) || req !== requestRef.current) return;
        setError(errorMessage(e));
        setTasks([]);
        setLoading(false);
      },
    );
    return () => ctrl.abort();
  }, [api, userId, key, pageSize]);

  const loadMore = useCallback(() => {
    const req = requestRef.current;
    const page = pageRef.current + 1;
    setLoadingMore(true);
    api.listTasks(userId, { ...queryRef.current, page, size: pageSize }).then(
      (res) => {
        if (req !== requestRef.current) return;
        pageRef.current = page;
        applyPage(res.items, res.total, res.links.next !== undefined ? true : hasLinks(res.links) ? false : null, true, pageSize);
        setLoadingMore(false);
      },
      (e) => {
        if (req !== requestRef.current) return;
        setLoadingMore(false);
        setError(errorMessage(e));
      },
    );
  }, [api, userId, pageSize]);

  /** Re-fetch everything loaded so far, without a loading state. */
  const reload = useCallback(async () => {
    const req = ++requestRef.current;
    const size = pageSize * (pageRef.current + 1);
    try {
      const res = await api.listTasks(userId, { ...queryRef.current, page: 0, size });
      if (req !== requestRef.current) return;
      setTasks(res.items);
      setTotal(res.total);
      setLastPageFull(res.items.length >= size);
      setHasNextLink(res.links.next !== undefined ? true : hasLinks(res.links) ? false : null);
      setError(null);
      setLoading(false);
    } catch (e) {
      if (req === requestRef.current && !isAbort(e)) setError(errorMessage(e));
    }
  }, [api, userId, pageSize]);

  const replace = useCallback((task: Task) => setTasks((xs) => xs.map((t) => (t.id === task.id ? task : t))), []);
  const remove = useCallback((id: number) => {
    setTasks((xs) => xs.filter((t) => t.id !== id));
    setTotal((n) => (n == null ? n : Math.max(0, n - 1)));
  }, []);

  // Prefer X-Total-Count; then the Link header; then "was the last page full?".
  const hasMore = total != null ? tasks.length < total : hasNextLink != null ? hasNextLink : lastPageFull;

  return { tasks, total, loading, loadingMore, error, hasMore, loadMore, reload, replace, remove };
}

function hasLinks(links: Record<string, string | undefined>): boolean {
  return Object.keys(links).length > 0;
}

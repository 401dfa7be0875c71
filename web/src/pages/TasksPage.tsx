import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage, isAbort } from '../api/client';
import type { DeleteScope, TagCount, Task } from '../api/types';
import { useSession } from '../auth/SessionContext';
import { ChatPanel } from '../components/ChatPanel';
import { DeleteRecurringDialog } from '../components/DeleteRecurringDialog';
import { FilterBar } from '../components/FilterBar';
import { ShortcutsDialog } from '../components/ShortcutsDialog';
import { Header } from '../components/Header';
import { PlusIcon } from '../components/icons';
import { NotificationsBell } from '../components/NotificationsBell';
import { QuickAdd } from '../components/QuickAdd';
import { ReminderPopups } from '../components/ReminderPopups';
import { TaskDialog } from '../components/TaskDialog';
import { TaskList, TaskListSkeleton } from '../components/TaskList';
import { useToast } from '../components/Toast';
import { UpcomingView } from '../components/UpcomingView';
import { ViewNav } from '../components/ViewNav';
import { browserTimeZone } from '../lib/dates';
import { registerReminderWorker, showSystemNotification } from '../lib/reminderAlerts';
import { useReminderActions, type ReminderActionHandlers } from '../lib/reminderActions';
import { filtersToQuery, hasActiveFilters, loadFilters, saveFilters, withoutNarrowing, type Filters } from '../lib/filters';
import { taskToInput } from '../lib/taskInput';
import { useDocumentTitle } from '../lib/useDocumentTitle';
import { navigate } from '../router';
import { useEventStream } from '../lib/useEventStream';
import { useNotifications } from '../lib/useNotifications';
import { useNow } from '../lib/useNow';
import { useShortcuts } from '../lib/useShortcuts';
import { useTaskList } from '../lib/useTaskList';
import { useViewCounts } from '../lib/useViewCounts';
import { overdueFirst, todayQuery, type View } from '../lib/views';
import styles from './TasksPage.module.css';

const PAGE_SIZE = 50;

const TITLES: Record<View, string> = { inbox: 'Inbox', today: 'Today', upcoming: 'Upcoming' };

export function TasksPage({ view = 'inbox' }: { view?: View }) {
  useDocumentTitle(TITLES[view]);
  const { api, session, user, timeZone, logout, setUser } = useSession();
  const userId = session!.userId;
  const toast = useToast();
  const now = useNow();

  const [filters, setFiltersState] = useState<Filters>(loadFilters);
  const setFilters = useCallback((f: Filters) => {
    setFiltersState(f);
    saveFilters(f);
  }, []);
  // Today's query moves on at midnight in the user's zone ("now" moves every minute; the list reloads only when
  // the query's text changes).
  const query = useMemo(
    () => (view === 'inbox' ? filtersToQuery(filters, timeZone) : todayQuery(timeZone, now)),
    [view, filters, timeZone, now],
  );
  const list = useTaskList(api, userId, query, PAGE_SIZE);

  const [tags, setTags] = useState<TagCount[]>([]);
  const loadTags = useCallback(
    (signal?: AbortSignal) =>
      api.listTags(userId, signal).then(
        (t) => setTags(t),
        () => {
          /* tags are optional decoration */
        },
      ),
    [api, userId],
  );
  useEffect(() => {
    const ctrl = new AbortController();
    void loadTags(ctrl.signal);
    return () => ctrl.abort();
  }, [loadTags]);

  const [dialog, setDialog] = useState<{ open: boolean; task: Task | null }>({ open: false, task: null });
  const [chatOpen, setChatOpen] = useState(false);
  const [pending, setPending] = useState<ReadonlySet<number>>(new Set());
  const notifications = useNotifications(api, userId);
  const [helpOpen, setHelpOpen] = useState(false);
  // Bumped whenever tasks may have changed: the view counts and Upcoming load again.
  const [version, setVersion] = useState(0);
  const changed = useCallback(() => setVersion((v) => v + 1), []);
  const counts = useViewCounts(api, userId, timeZone, now, version);
  const quickAddRef = useRef<HTMLInputElement>(null);
  const chatToggleFocus = useRef<HTMLElement | null>(null);
  // The latest openTaskById, for reminder popups opened after later renders.
  const openTaskByIdRef = useRef<(taskId: number) => Promise<void>>(async () => {});

  // Debounced refresh for stream events and assistant tool calls.
  const refreshTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const { reload } = list;
  const refreshSoon = useCallback(() => {
    clearTimeout(refreshTimer.current);
    refreshTimer.current = setTimeout(() => {
      void reload();
      void loadTags();
      changed();
    }, 250);
  }, [reload, loadTags, changed]);
  useEffect(() => () => clearTimeout(refreshTimer.current), []);

  useEventStream(api, userId, {
    onTasksChanged: refreshSoon,
    onReconnected: notifications.reload,
    onNotification: (event) => {
      // Fired reminders pop up (one per task); read ones leave the bell's count and their pop-up, on every tab.
      const change = notifications.onStreamEvent(event);
      if (change?.kind !== 'fired') return;
      const n = change.notification;
      showSystemNotification({ id: String(n.id), taskId: n.taskId, title: n.title }, () => {
        void notifications.markRead(n).catch(() => {});
        void openTaskByIdRef.current(n.taskId);
      });
    },
  });

  const markPending = (id: number, on: boolean) =>
    setPending((s) => {
      const n = new Set(s);
      if (on) n.add(id);
      else n.delete(id);
      return n;
    });

  const onToggle = async (task: Task, completed: boolean) => {
    list.replace({ ...task, completed });
    markPending(task.id, true);
    try {
      const updated = await api.setCompleted(userId, task.id, completed);
      list.replace(updated);
      if (completed) completedWithUndo(task.id, task.title);
      // Completing a recurring task may roll it forward or create the next one.
      if (task.recurrence) refreshSoon();
    } catch (e) {
      list.replace(task);
      toast.show({ message: `Could not update “${task.title}”: ${errorMessage(e)}`, tone: 'error' });
    } finally {
      markPending(task.id, false);
      changed();
    }
  };

  // Completing reads the task's reminders here at once (the server reads them everywhere) and can be undone.
  const completedWithUndo = (taskId: number, title: string) => {
    notifications.taskEnded(taskId);
    toast.show({
      message: `Completed “${title}”`,
      timeout: 8000,
      action: {
        label: 'Undo',
        onAction: async () => {
          try {
            list.replace(await api.setCompleted(userId, taskId, false));
            refreshSoon();
          } catch (e) {
            toast.show({ message: `Could not reopen “${title}”: ${errorMessage(e)}`, tone: 'error' });
          }
        },
      },
    });
  };

  const completeFromReminder = async (n: { taskId: number; title: string }) => {
    notifications.taskEnded(n.taskId);
    try {
      list.replace(await api.setCompleted(userId, n.taskId, true));
      refreshSoon();
      completedWithUndo(n.taskId, n.title);
    } catch (e) {
      toast.show({ message: `Could not complete “${n.title}”: ${errorMessage(e)}`, tone: 'error' });
    }
  };

  // What a reminder's pop-up buttons do; a browser notification's buttons and click do the same (reminderActions.ts).
  const reminderHandlers: ReminderActionHandlers = {
    open: (n) => {
      void notifications.markRead(n).catch(() => {});
      void openTaskByIdRef.current(n.taskId);
    },
    done: (n) => void completeFromReminder(n),
    snooze: (n, duration) =>
      void notifications.snooze(n, duration).then(
        () => toast.show({ message: `Snoozed “${n.title}”`, timeout: 3000 }),
        (e) => toast.show({ message: `Could not snooze “${n.title}”: ${errorMessage(e)}`, tone: 'error' }),
      ),
  };
  useReminderActions(notifications.items, reminderHandlers);
  // The service worker gives reminders' browser notifications their Done and Snooze buttons.
  useEffect(() => void registerReminderWorker(), []);

  const focusAfterRemoval = (task: Task) => {
    const idx = list.tasks.findIndex((t) => t.id === task.id);
    const neighbour = list.tasks[idx + 1] ?? list.tasks[idx - 1];
    setTimeout(() => {
      const el = neighbour ? document.getElementById(`task-title-${neighbour.id}`) : null;
      (el ?? quickAddRef.current)?.focus();
    }, 0);
  };

  // A recurring task asks first how much of its series goes.
  const [recurringDelete, setRecurringDelete] = useState<Task | null>(null);
  const onDelete = (task: Task) => {
    if (task.recurrence) setRecurringDelete(task);
    else deleteTask(task);
  };

  const deleteSeries = (task: Task, scope: DeleteScope) => {
    setRecurringDelete(null);
    if (scope === 'following') return deleteTask(task, scope); // just this task, undo as for any other
    if (scope === 'series') {
      focusAfterRemoval(task);
      list.remove(task.id);
      notifications.taskEnded(task.id);
    }
    api.deleteTask(userId, task.id, scope).then(
      () => {
        void list.reload();
        void loadTags();
        changed();
        toast.show({
          message: scope === 'occurrence' ? `Skipped “${task.title}” to its next date` : `Deleted every “${task.title}”`,
          timeout: 5000,
        });
      },
      (e) => {
        toast.show({ message: `Could not delete “${task.title}”: ${errorMessage(e)}`, tone: 'error' });
        void list.reload();
      },
    );
  };

  const deleteTask = (task: Task, scope?: DeleteScope) => {
    focusAfterRemoval(task);
    list.remove(task.id);
    notifications.taskEnded(task.id);
    const deletion = api.deleteTask(userId, task.id, scope);
    deletion.then(
      () => {
        void loadTags();
        changed();
      },
      (e) => {
        toast.show({ message: `Could not delete “${task.title}”: ${errorMessage(e)}`, tone: 'error' });
        void list.reload();
      },
    );
    toast.show({
      message: `Deleted “${task.title}”`,
      timeout: 8000,
      action: {
        label: 'Undo',
        onAction: async () => {
          try {
            await deletion;
          } catch {
            return; // nothing was deleted
          }
          try {
            const restored = await api.createTask(userId, taskToInput(task));
            if (task.completed) await api.setCompleted(userId, restored.id, true);
            await list.reload();
            void loadTags();
            toast.show({ message: `Restored “${task.title}”`, timeout: 3000 });
          } catch (e) {
            toast.show({ message: `Could not restore “${task.title}”: ${errorMessage(e)}`, tone: 'error' });
          }
        },
      },
    });
  };

  const onSaved = (task: Task, created: boolean) => {
    setDialog({ open: false, task: null });
    if (!created) list.replace(task);
    void list.reload();
    void loadTags();
    changed();
    toast.show({ message: created ? `Created “${task.title}”` : 'Changes saved', timeout: 3000 });
  };

  const onCreated = (task: Task) => {
    void list.reload();
    void loadTags();
    changed();
    toast.show({ message: `Added “${task.title}”`, timeout: 3000 });
  };

  const openTaskById = async (taskId: number) => {
    const local = list.tasks.find((t) => t.id === taskId);
    if (local) return setDialog({ open: true, task: local });
    try {
      setDialog({ open: true, task: await api.getTask(userId, taskId) });
    } catch (e) {
      if (!isAbort(e)) toast.show({ message: errorMessage(e), tone: 'error' });
    }
  };

  openTaskByIdRef.current = openTaskById;

  const browserZone = useMemo(() => browserTimeZone(), []);
  const [zoneDismissed, setZoneDismissed] = useState(false);
  const zoneMismatch = !!user && user.timeZone !== browserZone && !zoneDismissed;

  const searchRef = useRef<HTMLInputElement | null>(null);
  const searchAfterNavigation = useRef(false);
  useShortcuts({
    q: () => quickAddRef.current?.focus(),
    '/': () => {
      if (view === 'inbox') return searchRef.current?.focus();
      searchAfterNavigation.current = true;
      navigate('/');
    },
    '?': () => setHelpOpen(true),
  }, !dialog.open && !helpOpen);
  useEffect(() => {
    if (view === 'inbox' && searchAfterNavigation.current) {
      searchAfterNavigation.current = false;
      searchRef.current?.focus();
    }
  }, [view]);

  const shown = view === 'today' ? overdueFirst(list.tasks, timeZone, now) : list.tasks;

  return (
    <div className={`${styles.page} ${chatOpen ? styles.withChat : ''}`}>
      <a
        className="sr-only-focusable"
        href="#task-list"
        onClick={(e) => {
          const first = document.querySelector<HTMLElement>('#task-list [tabindex="0"], [data-row] [tabindex="0"]');
          if (first) {
            e.preventDefault();
            first.focus();
          }
        }}
      >
        Skip to the task list
      </a>
      <Header
        userName={user?.name ?? null}
        email={user?.email}
        onSignOut={() => void logout()}
        chatOpen={chatOpen}
        onToggleChat={() => {
          chatToggleFocus.current = document.activeElement as HTMLElement | null;
          setChatOpen((o) => !o);
        }}
        bell={
          <NotificationsBell notifications={notifications} timeZone={timeZone} onOpenTask={openTaskById} />
        }
      />
      <main id="main" className={styles.main} tabIndex={-1}>
        <h1 className="sr-only">{TITLES[view]}</h1>
        {zoneMismatch && (
          <div className={`notice ${styles.zoneBanner}`} role="status">
            <span>
              Dates are shown in your account’s time zone, {user.timeZone.replace(/_/g, ' ')}. This device is set to{' '}
              {browserZone.replace(/_/g, ' ')}.
            </span>
            <span className={styles.zoneActions}>
              <button
                type="button"
                className="btn btn-sm"
                onClick={async () => {
                  try {
                    setUser(await api.updateMe({ timeZone: browserZone }));
                    setZoneDismissed(true);
                  } catch (e) {
                    toast.show({ message: errorMessage(e), tone: 'error' });
                  }
                }}
              >
                Use {browserZone.replace(/_/g, ' ')}
              </button>
              <button type="button" className="btn btn-ghost btn-sm" onClick={() => setZoneDismissed(true)}>
                Keep
              </button>
            </span>
          </div>
        )}

        <div className={styles.addRow}>
          <div className={styles.quick}>
            <QuickAdd
              api={api}
              userId={userId}
              timeZone={timeZone}
              onCreated={onCreated}
              inputRef={quickAddRef}
            />
          </div>
          <button type="button" className={`btn ${styles.newButton}`} onClick={() => setDialog({ open: true, task: null })}>
            <PlusIcon size={16} /> <span>New task</span>
          </button>
        </div>

        <ViewNav current={view} counts={counts} />

        {view === 'inbox' && <FilterBar filters={filters} onChange={setFilters} tags={tags} searchRef={searchRef} />}

        {view === 'upcoming' ? (
          <UpcomingView
            api={api}
            userId={userId}
            timeZone={timeZone}
            now={now}
            version={version}
            onToggle={onToggle}
            onOpen={(t) => setDialog({ open: true, task: t })}
            onDelete={onDelete}
            pendingIds={pending}
          />
        ) : (
          <section className={styles.results} aria-labelledby="results-heading" aria-busy={list.loading}>
            <h2 id="results-heading" className={styles.resultsHeading}>
              {list.loading ? 'Loading tasks…' : summary(list.tasks.length, list.total, view)}
            </h2>
            {list.loading ? (
              <TaskListSkeleton />
            ) : list.error && list.tasks.length === 0 ? (
              <div className={`alert ${styles.state}`} role="alert">
                <p>Could not load your tasks. {list.error}</p>
                <button type="button" className="btn btn-sm" onClick={() => void list.reload()}>
                  Try again
                </button>
              </div>
            ) : list.tasks.length === 0 ? (
              <div className={styles.empty}>
                {view === 'today' ? (
                  <>
                    <p className={styles.emptyTitle}>Nothing due today.</p>
                    <p>Enjoy the free time, or plan ahead in Upcoming.</p>
                  </>
                ) : hasActiveFilters(filters) ? (
                  <>
                    <p className={styles.emptyTitle}>No tasks match these filters.</p>
                    <p>
                      <button
                        type="button"
                        className="btn btn-sm"
                        onClick={() => setFilters(withoutNarrowing(filters))}
                      >
                        Clear filters
                      </button>
                    </p>
                  </>
                ) : filters.status === 'completed' ? (
                  <p className={styles.emptyTitle}>No completed tasks yet.</p>
                ) : (
                  <>
                    <p className={styles.emptyTitle}>{filters.status === 'pending' ? 'All clear!' : 'Nothing here yet.'}</p>
                    <p>Add a task above — try “Water the plants every Sunday”.</p>
                  </>
                )}
              </div>
            ) : (
              <>
                <TaskList
                  tasks={shown}
                  timeZone={timeZone}
                  now={now}
                  onToggle={onToggle}
                  onOpen={(t) => setDialog({ open: true, task: t })}
                  onDelete={onDelete}
                  onTagClick={(tag) => {
                    setFilters({ ...filters, tags: filters.tags.includes(tag) ? filters.tags : [...filters.tags, tag] });
                    if (view !== 'inbox') navigate('/');
                  }}
                  pendingIds={pending}
                />
                {list.error && (
                  <p className="field-error" role="alert">
                    {list.error}
                  </p>
                )}
                {list.hasMore && (
                  <div className={styles.more}>
                    <button type="button" className="btn" onClick={list.loadMore} disabled={list.loadingMore}>
                      {list.loadingMore ? 'Loading…' : 'Load more'}
                    </button>
                  </div>
                )}
              </>
            )}
          </section>
        )}
      </main>

      <TaskDialog
        open={dialog.open}
        task={dialog.task}
        api={api}
        userId={userId}
        timeZone={timeZone}
        tagSuggestions={tags.map((t) => t.tag)}
        onClose={() => setDialog({ open: false, task: null })}
        onSaved={onSaved}
      />

      <ReminderPopups
        popups={notifications.popups}
        timeZone={timeZone}
        onOpen={reminderHandlers.open}
        onDone={reminderHandlers.done}
        onSnooze={reminderHandlers.snooze}
        onDismiss={(n) => void notifications.markRead(n).catch(() => {})}
        onExpire={(n) => notifications.hidePopup(n.id)}
      />

      <DeleteRecurringDialog task={recurringDelete} onChoose={deleteSeries} onClose={() => setRecurringDelete(null)} />

      <ChatPanel
        open={chatOpen}
        onClose={() => {
          setChatOpen(false);
          chatToggleFocus.current?.focus();
        }}
        api={api}
        userId={userId}
        onTasksChanged={refreshSoon}
      />

      <ShortcutsDialog open={helpOpen} onClose={() => setHelpOpen(false)} />
    </div>
  );
}

function summary(shown: number, total: number | null, view: View): string {
  const n = total ?? shown;
  if (view === 'today') return n === 0 ? 'Nothing due today' : `${n} due today or overdue`;
  if (n === 0) return 'No tasks';
  if (total != null && shown < total) return `Showing ${shown} of ${total} tasks`;
  return `${n} task${n === 1 ? '' : 's'}`;
}

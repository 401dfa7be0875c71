// Taskstream's service worker: it exists only so that a reminder's browser notification can offer "Done" and
// "Snooze" buttons (browsers give notification actions only to notifications a service worker shows).
//
// It has NO fetch handler and caches nothing: every page and file still comes from the server as before, so a new
// deploy is never hidden behind an old cached copy of the app.
//
// It cannot act on a task itself: the session token lives in the page (localStorage), which a worker cannot read.
// So a click is handed to an open page of the app, which does what the pop-up's button would do; with no page of the
// app open, it opens one at an address that carries the action (/?reminder=<id>&action=done), which the page performs
// once it has loaded and then removes from the address bar.
//
// A classic script (not a module), so that every browser with service workers can run it. `notificationClicked` is
// the whole click handler; the web app's tests run this file with stand-ins for the browser's objects.

/** The message a page of the app receives; web/src/lib/reminderActions.ts reads it. */
const REMINDER_ACTION_MESSAGE = 'taskstream-reminder-action';
/** The notification's buttons (see showSystemNotification); a click elsewhere on it is "open". */
const REMINDER_ACTIONS = ['done', 'snooze-10m', 'snooze-1h'];
/** Pages of the app that show no task list, so cannot act on a reminder: a click opens a new page instead. */
const NOT_TASK_PAGES = ['/signin', '/signup', '/account'];

/**
 * Handles a click on a reminder notification (`event.action` is the button's action, '' for the notification itself):
 * posts the action to an open task page of the app and focuses it, or opens the app at the action's address.
 * `clients` is the worker's Clients, `scope` the registration's scope (the app's root address).
 */
async function notificationClicked(event, clients, scope) {
  event.notification.close();
  const data = event.notification.data || {};
  if (data.notificationId == null) return; // not a reminder of this app
  const action = REMINDER_ACTIONS.includes(event.action) ? event.action : 'open';
  const root = new URL(scope);
  const windows = await clients.matchAll({ type: 'window', includeUncontrolled: true });
  const pages = windows.filter((w) => {
    const url = new URL(w.url);
    return url.origin === root.origin && !NOT_TASK_PAGES.includes(url.pathname.replace(/\/+$/, ''));
  });
  const page = pages.find((w) => w.focused) || pages.find((w) => w.visibilityState === 'visible') || pages[0];
  if (page) {
    page.postMessage({
      type: REMINDER_ACTION_MESSAGE,
      action,
      notificationId: data.notificationId,
      taskId: data.taskId,
      title: data.title,
    });
    try {
      await page.focus();
    } catch {
      // A browser may refuse to focus (it allows it only while handling the click): the action is done anyway.
    }
    return;
  }
  const address = new URL('/', root);
  address.searchParams.set('reminder', String(data.notificationId));
  address.searchParams.set('action', action);
  await clients.openWindow(address.href);
}

if (typeof self !== 'undefined' && typeof self.addEventListener === 'function') {
  // A new version takes over at once: it holds no state, and pages are never served from it.
  self.addEventListener('install', () => self.skipWaiting());
  self.addEventListener('activate', (event) => event.waitUntil(self.clients.claim()));
  self.addEventListener('notificationclick', (event) =>
    event.waitUntil(notificationClicked(event, self.clients, self.registration.scope)),
  );
}

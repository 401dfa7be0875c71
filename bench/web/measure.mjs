// Measures the web app served by a running Taskstream jar (see run.sh, which starts it):
//  1. the production bundle the app serves: initial JS and CSS, raw, gzip -9 and brotli;
//  2. time to first render of the task list with 1,000 tasks in headless Chromium (Debian's), and when a click
//     on a task's "complete" checkbox is handled, against a static baseline page with the same rows and CSS.
// Usage: node measure.mjs <appUrl> <workDir> <resultsDir>   (knobs: BENCH_RUNS, BENCH_WARMUP, BENCH_LOADMORE_RUNS,
//        BENCH_TASKS, BENCH_CHROMIUM, BENCH_NOTE)
import { chromium } from 'playwright-core';
import { createServer } from 'node:http';
import { appendFileSync, existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync, brotliCompressSync, constants as zlib } from 'node:zlib';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';

const [APP, WORK, RESULTS] = process.argv.slice(2);
if (!APP || !WORK || !RESULTS) throw new Error('usage: node measure.mjs <appUrl> <workDir> <resultsDir> | --plot <in.json> <out.svg>');
const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 3);
const LOADMORE_RUNS = Number(process.env.BENCH_LOADMORE_RUNS ?? 5);
const TASKS = Number(process.env.BENCH_TASKS ?? 1000);
const CHROMIUM = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
const PAGE = 50; // the app's page size (TasksPage PAGE_SIZE)
const TARGET_MS = 1000;
const TARGET_GZIP_KB = 250;
const ZONE = 'Europe/Berlin';

const log = (...a) => console.error('[web]', ...a);

// ---------------------------------------------------------------- API setup

async function api(method, url, token, body, contentType = 'application/json') {
  const res = await fetch(APP + url, {
    method,
    headers: {
      Accept: 'application/json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { 'Content-Type': contentType } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return { json: text ? JSON.parse(text) : null, headers: res.headers };
}

/** Deterministic, varied tasks: priorities, 0-3 tags, due dates from -30 to +60 days (some all-day, some none),
 * every 10th recurring, every 7th with a reminder, every 5th with a description. */
function taskBody(i) {
  const tags = ['home', 'work', 'errands', 'finance', 'health', 'reading', 'garden', 'car'];
  const priorities = ['none', 'low', 'medium', 'high'];
  const day = new Date(Date.UTC(2026, 10, 22) + ((i * 37) % 91 - 30) * 86_400_000);
  const date = day.toISOString().slice(0, 10);
  const kind = i % 6; // 0: no due, 1: all-day, else timed
  const dueAt = kind === 0 ? null : kind === 1 ? date : `${date}T${String(8 + (i % 12)).padStart(2, '0')}:30:00+01:00`;
  return {
    title: `Task ${i + 1}: ${['Pay', 'Call', 'Buy', 'Fix', 'Read', 'Plan', 'Email', 'Clean'][i % 8]} ${['rent', 'mum', 'milk', 'bike', 'book', 'trip', 'Alex', 'garage'][(i * 3) % 8]}`,
    description: i % 5 === 0 ? `Notes for task ${i + 1}, with a little more text than the title.` : null,
    priority: priorities[(i * 7) % 4],
    tags: tags.filter((_, t) => ((i >> t) & 1) === 1 && t < 3 + (i % 3)).slice(0, 3),
    dueAt,
    allDay: kind === 1,
    recurrence: i % 10 === 3 && dueAt ? { rule: 'FREQ=WEEKLY;BYDAY=MO', from: 'due' } : null,
    reminders: i % 7 === 2 && kind > 1 ? [{ before: 'PT15M' }] : [],
  };
}

async function setUp() {
  const auth = (
    await api('POST', '/api/auth/signup', null, {
      email: `web-bench-${Date.now()}@bench.test`,
      password: 'bench-password-1234',
      name: 'Web Bench',
      timeZone: ZONE,
    })
  ).json;
  const user = auth.userId;
  const t0 = Date.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (next < TASKS) {
        const i = next++;
        await api('POST', `/api/${user}/tasks`, auth.token, taskBody(i));
      }
    }),
  );
  log(`created ${TASKS} tasks in ${Date.now() - t0} ms`);
  return auth;
}

/** The whole list as the UI's first list request (`url`) would get it, in one array: 200 at a time. */
async function allTasks(url, token) {
  const u = new URL(url);
  const all = [];
  for (let page = 0; all.length < TASKS; page++) {
    u.searchParams.set('page', String(page));
    u.searchParams.set('size', '200');
    const r = await api('GET', u.pathname + u.search, token);
    if (r.json.length === 0) break;
    all.push(...r.json);
  }
  if (all.length !== TASKS) throw new Error(`expected ${TASKS} tasks, the API lists ${all.length}`);
  return all;
}

// ---------------------------------------------------------------- bundle

async function bundle() {
  const html = await (await fetch(APP + '/')).text();
  const refs = [
    ...[...html.matchAll(/<script[^>]*\bsrc="([^"]+)"/g)].map((m) => ['js', m[1]]),
    ...[...html.matchAll(/<link[^>]*rel="(?:stylesheet|modulepreload)"[^>]*href="([^"]+)"/g)].map((m) => [
      /\.css(\?|$)/.test(m[1]) ? 'css' : 'js',
      m[1],
    ]),
    ...[...html.matchAll(/<link[^>]*href="([^"]+)"[^>]*rel="(?:stylesheet|modulepreload)"/g)].map((m) => [
      /\.css(\?|$)/.test(m[1]) ? 'css' : 'js',
      m[1],
    ]),
  ];
  const seen = new Set();
  const files = [];
  for (const [kind, href] of refs) {
    if (seen.has(href)) continue;
    seen.add(href);
    const res = await fetch(new URL(href, APP + '/'));
    if (!res.ok) throw new Error(`${href}: ${res.status}`);
    const buf = Buffer.from(await res.arrayBuffer());
    files.push({
      kind,
      file: href,
      raw: buf.length,
      gzip: gzipSync(buf, { level: 9 }).length,
      brotli: brotliCompressSync(buf, { params: { [zlib.BROTLI_PARAM_QUALITY]: 11 } }).length,
    });
  }
  const sum = (kind, key) => files.filter((f) => f.kind === kind).reduce((a, f) => a + f[key], 0);
  const total = (key) => sum('js', key) + sum('css', key);
  const out = { files, html: Buffer.byteLength(html) };
  for (const kind of ['js', 'css']) out[kind] = { raw: sum(kind, 'raw'), gzip: sum(kind, 'gzip'), brotli: sum(kind, 'brotli') };
  out.total = { raw: total('raw'), gzip: total('gzip'), brotli: total('brotli') };
  return { bundle: out, html };
}

// ---------------------------------------------------------------- browser runs

/** Runs in every document before its own scripts: stores the session the way the app does, records long tasks,
 * the moment the `target`-th row of the task list exists and the frame after it, and the handling of a click. */
function probe({ session, target, mode }) {
  if (session && location.origin === session.origin && !localStorage.getItem('taskstream.session')) {
    localStorage.setItem('taskstream.session', JSON.stringify(session.value));
  }
  const b = (window.__bench = { longTasks: [], rowAt: null, paintedAt: null, clickAt: null, handledAt: null, handledPaintedAt: null });
  try {
    new PerformanceObserver((l) => {
      for (const e of l.getEntries()) b.longTasks.push([e.startTime, e.duration]);
    }).observe({ type: 'longtask', buffered: true });
  } catch {
    /* not supported */
  }
  const afterFrame = (key) => requestAnimationFrame(() => setTimeout(() => (b[key] = performance.now()), 0));
  const rowSel = `ul[aria-label="Tasks"] > li:nth-child(${target})`;
  const rows = new MutationObserver(() => {
    if (b.rowAt === null && document.querySelector(rowSel)) {
      b.rowAt = performance.now();
      rows.disconnect();
      afterFrame('paintedAt');
    }
  });
  rows.observe(document, { childList: true, subtree: true });
  // The click: its input timestamp; "handled" when the app has committed the toggle (the row turns aria-busy
  // while the PATCH is in flight, in the same render as the checked box) or, on the static page, at once.
  document.addEventListener(
    'click',
    (e) => {
      if (!(e.target instanceof HTMLInputElement) || e.target.type !== 'checkbox' || b.clickAt !== null) return;
      b.clickAt = e.timeStamp;
      const li = e.target.closest('li');
      const done = () => {
        b.handledAt = performance.now();
        afterFrame('handledPaintedAt');
      };
      if (mode === 'static') return done();
      const busy = new MutationObserver(() => {
        if (li.getAttribute('aria-busy') === 'true') {
          busy.disconnect();
          done();
        }
      });
      busy.observe(li, { attributes: true, attributeFilter: ['aria-busy'] });
    },
    true,
  );
}

function staticPage(rowsHtml, css, title) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title}</title>${css.map((href) => `<link rel="stylesheet" href="${href}">`).join('')}</head>
<body><div id="root">${rowsHtml}</div></body></html>`;
}

async function main() {
  mkdirSync(RESULTS, { recursive: true });
  const load = { before: loadavg().map((x) => x.toFixed(2)) };
  const { bundle: size, html: indexHtml } = await bundle();
  log(`bundle: JS ${(size.js.gzip / 1024).toFixed(1)} KB gzip, CSS ${(size.css.gzip / 1024).toFixed(1)} KB gzip`);
  const cssHrefs = size.files.filter((f) => f.kind === 'css').map((f) => new URL(f.file, APP + '/').href);

  const auth = await setUp();
  let all = null;
  let allJson = null;
  let listUrl = null;
  const session = { origin: new URL(APP).origin, value: { token: auth.token, userId: String(auth.userId), expiresAt: auth.expiresAt } };

  // The static baseline is served by this process over loopback, with the app's own CSS from the app.
  const pages = new Map();
  const server = createServer((req, res) => {
    const body = pages.get(req.url);
    res.writeHead(body ? 200 : 404, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
    res.end(body ?? 'not found');
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  const STATIC = `http://127.0.0.1:${server.address().port}`;

  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu'] });
  const version = browser.version();
  log(`Chromium ${version}; ${RUNS} runs per variant after ${WARMUP} warm-up runs`);

  /** One fresh context: navigate, wait for the target-th row and the frame after it, click the first row's
   * checkbox, wait until that is handled; returns times from navigation start (ms). */
  async function run({ url, target, mode, allAtOnce = false, loadMore = false }) {
    // The account's zone, as for a user at home (otherwise the app shows a time-zone banner above the list).
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, timezoneId: ZONE, locale: 'en-GB' });
    const page = await context.newPage();
    const errors = [];
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    page.on('pageerror', (e) => errors.push(String(e)));
    page.on('response', (res) => res.status() >= 400 && errors.push(`${res.status()} ${res.request().method()} ${res.url().replace(APP, '')}`));
    await context.addInitScript(probe, { session: mode === 'app' ? session : null, target, mode });
    if (allAtOnce) {
      // The UI asks for page 0 of 50; answer its first list request with all tasks (the API's own JSON of them,
      // fetched before the runs) so the app renders them in one go. Its later requests go to the server.
      let first = true;
      await page.route(/\/api\/[^/]+\/tasks\?/, (route) => {
        if (!first || route.request().method() !== 'GET') return route.continue();
        first = false;
        return route.fulfill({ status: 200, headers: { 'Content-Type': 'application/json', 'X-Total-Count': String(all.length) }, body: allJson });
      });
    }
    page.on('request', (req) => {
      if (!listUrl && req.method() === 'GET' && /\/api\/[^/]+\/tasks\?/.test(req.url())) listUrl = req.url();
    });
    await page.goto(url, { waitUntil: 'commit' });
    if (loadMore) {
      const rows = 'ul[aria-label="Tasks"] > li';
      await page.waitForSelector(`${rows}:nth-child(${PAGE})`, { timeout: 30_000 });
      for (let shown = PAGE; shown < target; ) {
        await page.getByRole('button', { name: 'Load more' }).click();
        await page.waitForFunction(([sel, n]) => document.querySelectorAll(sel).length > n, [rows, shown], { timeout: 30_000, polling: 'raf' });
        shown = await page.$$eval(rows, (els) => els.length);
      }
    }
    await page.waitForFunction(() => window.__bench.paintedAt !== null, null, { timeout: 30_000, polling: 'raf' });
    // Where the page is when the list is there (it should not have scrolled), then a real mouse click on the
    // first row's checkbox; Playwright computes its position right before clicking.
    const scrolled = await page.evaluate(() => scrollY);
    const checkbox = page.locator('ul[aria-label="Tasks"] > li:first-child input[type=checkbox]');
    await checkbox.click({ force: true, timeout: 30_000 });
    // On the loaded machine a click now and then never reached the page; click again after 5 s and count it.
    let clicks = 1;
    while (clicks < 3 && !(await page.waitForFunction(() => window.__bench.clickAt !== null, null, { timeout: 5_000, polling: 'raf' }).then(() => true, () => false))) {
      clicks++;
      await checkbox.click({ force: true, timeout: 30_000 });
    }
    try {
      await page.waitForFunction(() => window.__bench.handledPaintedAt !== null, null, { timeout: 30_000, polling: 'raf' });
    } catch (e) {
      await page.screenshot({ path: path.join(WORK, `failed-${mode}-${target}.png`) });
      log(`no handled click on ${url} (${target} rows): ${JSON.stringify(await page.evaluate(() => ({ ...window.__bench, longTasks: undefined })))}`);
      throw e;
    }
    const b = await page.evaluate(() => window.__bench);
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0];
      return { responseEnd: n.responseEnd, domContentLoaded: n.domContentLoadedEventEnd };
    });
    const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null);
    let html = null;
    if (mode === 'app') {
      // Put the task back as it was (the click completed it).
      const id = Number((await page.getAttribute('ul[aria-label="Tasks"] > li:first-child', 'data-testid')).replace('task-', ''));
      await page.waitForFunction(() => !document.querySelector('ul[aria-label="Tasks"] > li:first-child[aria-busy]'), null, { timeout: 30_000 });
      await api('PATCH', `/api/${auth.userId}/tasks/${id}/complete`, auth.token, { completed: false });
      html = await page.evaluate(() => {
        const list = document.querySelector('ul[aria-label="Tasks"]');
        return list.outerHTML.replace(/ aria-busy="true"/g, '').replace(/ checked=""/g, '').replace(/ disabled=""/g, '');
      });
    }
    await context.close();
    const until = b.handledPaintedAt;
    const tbt = b.longTasks.filter(([s]) => s < until).reduce((a, [, d]) => a + Math.max(0, d - 50), 0);
    const longest = b.longTasks.filter(([s]) => s < until).reduce((a, [, d]) => Math.max(a, d), 0);
    return {
      sample: {
        render: b.paintedAt,
        rowInDom: b.rowAt,
        interactive: b.handledPaintedAt,
        inputDelay: b.handledPaintedAt - b.clickAt,
        tbt,
        longest,
        fcp,
        responseEnd: nav.responseEnd,
        errors: errors.length,
        scrolled,
        clicks,
      },
      html,
      errors,
    };
  }

  const variants = {
    'app, first page (50 rows)': { url: APP + '/', target: PAGE, mode: 'app' },
    'static, same 50 rows': { url: STATIC + '/rows-50.html', target: PAGE, mode: 'static' },
    [`app, all ${TASKS} rows at once`]: { url: APP + '/', target: TASKS, mode: 'app', allAtOnce: true },
    [`static, same ${TASKS} rows`]: { url: STATIC + `/rows-${TASKS}.html`, target: TASKS, mode: 'static' },
  };
  const loadMoreName = `app, ${TASKS} rows via "Load more"`;

  // Warm-up (server JIT, springdoc's first /v3/api-docs) and the rows for the static pages, from the app itself.
  let html50 = null;
  let htmlAll = null;
  for (let i = 0; i < WARMUP; i++) {
    html50 = (await run(variants['app, first page (50 rows)'])).html;
    if (!all) {
      all = await allTasks(listUrl, auth.token);
      allJson = JSON.stringify(all);
      log(`the UI's list request: ${new URL(listUrl).search}`);
    }
    htmlAll = (await run(variants[`app, all ${TASKS} rows at once`])).html;
  }
  pages.set('/rows-50.html', staticPage(html50, cssHrefs, 'Taskstream static baseline, 50 rows'));
  pages.set(`/rows-${TASKS}.html`, staticPage(htmlAll, cssHrefs, `Taskstream static baseline, ${TASKS} rows`));
  writeFileSync(path.join(WORK, `static-rows-${TASKS}.html`), pages.get(`/rows-${TASKS}.html`));

  const samples = Object.fromEntries([...Object.keys(variants), loadMoreName].map((k) => [k, []]));
  const consoleErrors = new Set();
  // Interleaved so that other load on the machine hits every variant alike.
  for (let i = 0; i < RUNS; i++) {
    for (const [name, v] of Object.entries(variants)) {
      const r = await run(v);
      samples[name].push(r.sample);
      r.errors.forEach((e) => consoleErrors.add(e));
    }
    if (i < LOADMORE_RUNS) {
      const r = await run({ url: APP + '/', target: TASKS, mode: 'app', loadMore: true });
      samples[loadMoreName].push(r.sample);
    }
    log(`run ${i + 1}/${RUNS}`);
  }
  await browser.close();
  server.close();
  load.after = loadavg().map((x) => x.toFixed(2));

  const pct = (xs, p) => {
    const s = [...xs].sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
  };
  const stats = {};
  for (const [name, xs] of Object.entries(samples)) {
    if (!xs.length) continue;
    stats[name] = { runs: xs.length };
    for (const key of ['render', 'interactive', 'inputDelay', 'tbt', 'longest', 'fcp', 'responseEnd']) {
      const vals = xs.map((x) => x[key]).filter((x) => x != null);
      stats[name][key] = vals.length ? { p50: round(pct(vals, 50)), p95: round(pct(vals, 95)) } : null;
    }
  }

  const date = new Date().toISOString().slice(0, 10);
  const result = {
    benchmark: 'web',
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, model: cpus()[0]?.model, load },
    note: process.env.BENCH_NOTE ?? null,
    chromium: version,
    tasks: TASKS,
    runs: RUNS,
    warmup: WARMUP,
    targets: { initialGzipKB: TARGET_GZIP_KB, interactiveMs: TARGET_MS },
    bundle: size,
    stats,
    consoleErrors: [...consoleErrors],
    samples,
  };
  writeFileSync(path.join(RESULTS, 'web-latest.json'), JSON.stringify(result, null, 2) + '\n');
  writeFileSync(path.join(RESULTS, `web-${date}.json`), JSON.stringify(result, null, 2) + '\n');
  const md = markdown(result);
  writeFileSync(path.join(RESULTS, `web-${date}.md`), md);
  writeFileSync(path.join(RESULTS, `web-${date}.svg`), svg(result));
  // One line per run in the benchmark's history; the reports above are replaced by the next run of the same day.
  const history = path.join(RESULTS, 'web-history.tsv');
  if (!existsSync(history)) {
    writeFileSync(history, ['date', 'commit', 'load_before', 'initial_js_gzip_kb', 'initial_total_gzip_kb',
      'first_page_interactive_p50/p95_ms', '1000_rows_interactive_p50/p95_ms', 'static_1000_rows_interactive_p50/p95_ms',
      'report'].join('\t') + '\n');
  }
  const interactive = (prefix) => {
    const name = Object.keys(stats).find((n) => n.startsWith(prefix));
    const s = name && stats[name].interactive;
    return s ? `${s.p50}/${s.p95}` : '-';
  };
  appendFileSync(history, [result.date.slice(0, 19) + 'Z', process.env.BENCH_COMMIT ?? '?', load.before[0],
    (size.js.gzip / 1024).toFixed(1), (size.total.gzip / 1024).toFixed(1), interactive('app, first page'),
    interactive('app, all'), interactive('static, same ' + TASKS), `web-${date}.md`].join('\t') + '\n');
  console.log(md);
}

const round = (x) => Math.round(x * 10) / 10;
const kb = (b) => (b / 1024).toFixed(1);

function markdown(r) {
  const b = r.bundle;
  const initialGzip = b.total.gzip / 1024;
  const rows = Object.entries(r.stats)
    .map(([name, s]) => {
      const f = (m) => (m ? `${m.p50} / ${m.p95}` : '–');
      return `| ${name} | ${s.runs} | ${f(s.render)} | ${f(s.interactive)} | ${f(s.inputDelay)} | ${f(s.tbt)} | ${f(s.longest)} | ${f(s.fcp)} |`;
    })
    .join('\n');
  const appAll = r.stats[`app, all ${r.tasks} rows at once`];
  const staticAll = r.stats[`static, same ${r.tasks} rows`];
  const app50 = r.stats['app, first page (50 rows)'];
  const static50 = r.stats['static, same 50 rows'];
  const ok = (v, t) => (v < t ? 'met' : 'NOT met');
  return `# Web app benchmark, ${r.date.slice(0, 10)}

${r.note ? `> ${r.note}\n\n` : ''}Machine: ${r.machine.cpus} cores (${r.machine.model}), load average before ${r.machine.load.before.join(' ')}, after ${r.machine.load.after.join(' ')}.
Headless Chromium ${r.chromium} (Debian's), the app jar on loopback with its embedded PostgreSQL, one user with ${r.tasks} tasks
(varied priorities, tags, due dates; some recurring, with reminders or descriptions). ${r.runs} runs per variant
after ${r.warmup} warm-up runs, each in a fresh browser context (cold HTTP cache, session put into localStorage
as the app stores it), variants interleaved.

## Bundle (what the app serves at /, compressed here)

| | raw | gzip -9 | brotli 11 |
|---|---:|---:|---:|
| initial JS | ${kb(b.js.raw)} KB | ${kb(b.js.gzip)} KB | ${kb(b.js.brotli)} KB |
| initial CSS | ${kb(b.css.raw)} KB | ${kb(b.css.gzip)} KB | ${kb(b.css.brotli)} KB |
| **total** | ${kb(b.total.raw)} KB | **${kb(b.total.gzip)} KB** | ${kb(b.total.brotli)} KB |

Files: ${b.files.map((f) => `\`${f.file}\``).join(', ')}. Target: initial JS < ${r.targets.initialGzipKB} KB gzip — **${ok(b.js.gzip / 1024, r.targets.initialGzipKB)}** (JS + CSS ${initialGzip.toFixed(1)} KB).

## Time to render and to handle a click (ms from navigation start, p50 / p95)

| variant | runs | list rendered | click handled | input → handled | TBT | longest task | FCP |
|---|---:|---:|---:|---:|---:|---:|---:|
${rows}

- **list rendered**: the frame after the list's last expected row (50th, or ${r.tasks}th) is in the DOM.
- **click handled**: as soon as the list is rendered, the harness clicks the first row's checkbox (a real mouse
  event through the DevTools protocol); handled = the frame after the app committed the toggle (the row checked and
  busy while its PATCH is in flight); on the static page, the frame after the native toggle. Includes one
  harness round trip (polling for the rendered list, then sending the click), the same for app and baseline.
- **input → handled**: from the click event's timestamp to that frame: the main thread's answer to a user.
- **TBT**: total blocking time (sum of long tasks' time over 50 ms) until the click was handled; **longest task**
  likewise. **FCP**: first contentful paint.
- **app, first page**: what a user gets: the UI shows 50 tasks and a "Load more" button (the API pages at most
  200). **app, all ${r.tasks} rows at once**: the same app, but its first list request is answered by the harness
  with all ${r.tasks} tasks (the API's own JSON of them, fetched beforehand), so the app fetches, renders and
  handles a click with ${r.tasks} rows; its other requests (me, tags, notifications, api-docs) go to the server.
  **"Load more"**: ${r.tasks} rows reached by clicking "Load more" ${r.tasks / PAGE - 1} times (one round trip each).
- **static**: the same rows' HTML (taken from the app's render) and the app's CSS, no JavaScript, served over
  loopback: the lower bound for showing these rows in this browser.

Target: list with ${r.tasks} tasks interactive < ${r.targets.interactiveMs} ms: all ${r.tasks} rows at once, click handled at
p95 ${appAll?.interactive?.p95} ms — **${appAll ? ok(appAll.interactive.p95, r.targets.interactiveMs) : 'n/a'}**; first page p95 ${app50?.interactive?.p95} ms — **${app50 ? ok(app50.interactive.p95, r.targets.interactiveMs) : 'n/a'}**.
What React and the app add over static HTML (p50 click handled): ${r.tasks} rows ${appAll && staticAll ? round(appAll.interactive.p50 - staticAll.interactive.p50) : '–'} ms, first page ${app50 && static50 ? round(app50.interactive.p50 - static50.interactive.p50) : '–'} ms.

Runs in which the first click did not reach the page and was repeated (their "click handled" includes the 5 s wait): ${Object.values(r.samples).flat().filter((x) => x.clicks > 1).length}.
Runs in which the page had scrolled by itself before the click (not counting "Load more", whose clicks scroll): ${Object.entries(r.samples).filter(([name]) => !name.includes('Load more')).flatMap(([, xs]) => xs).filter((x) => x.scrolled > 0).length}.
Console errors during the app runs: ${r.consoleErrors.length ? r.consoleErrors.map((e) => `\`${e.slice(0, 200)}\``).join('; ') : 'none'}.

Plot: \`web-${r.date.slice(0, 10)}.svg\`. Raw samples: \`web-latest.json\`.
`;
}

/** Horizontal bars: p50 (solid) and p95 (whisker) of "list rendered" and "click handled", with the 1 s target
 * ("Load more", tens of seconds of round trips, is left to the table). */
function svg(r) {
  const entries = Object.entries(r.stats).filter(([name]) => !name.includes('Load more'));
  const max = Math.max(r.targets.interactiveMs * 1.1, ...entries.map(([, s]) => s.interactive.p95));
  const W = 860, left = 280, right = 90, barH = 12, gap = 8, top = 50;
  const rowH = barH * 2 + gap + 10;
  const H = top + entries.length * rowH + 40;
  const x = (v) => left + ((W - left - right) * v) / max;
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
  let out = `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" font-family="sans-serif" font-size="12">
<rect width="100%" height="100%" fill="white"/>
<text x="10" y="20" font-size="14" font-weight="bold">Taskstream web, ${r.tasks} tasks, Chromium ${esc(r.chromium)}: ms from navigation (bar p50, line to p95)</text>`;
  entries.forEach(([name, s], i) => {
    const y = top + i * rowH;
    out += `<text x="${left - 8}" y="${y + barH + 4}" text-anchor="end">${esc(name)}</text>`;
    [['render', '#7aa6d8', 'rendered'], ['interactive', '#2f5f98', 'click handled']].forEach(([key, color, label], j) => {
      const m = s[key];
      const yy = y + j * (barH + 2);
      out += `<rect x="${left}" y="${yy}" width="${x(m.p50) - left}" height="${barH}" fill="${color}"><title>${label} p50 ${m.p50} ms</title></rect>`;
      out += `<line x1="${x(m.p50)}" x2="${x(m.p95)}" y1="${yy + barH / 2}" y2="${yy + barH / 2}" stroke="#333"/>`;
      out += `<line x1="${x(m.p95)}" x2="${x(m.p95)}" y1="${yy + 2}" y2="${yy + barH - 2}" stroke="#333"/>`;
      out += `<text x="${x(m.p95) + 4}" y="${yy + barH - 2}" font-size="10">${m.p50} / ${m.p95}</text>`;
    });
  });
  const tx = x(r.targets.interactiveMs);
  out += `<line x1="${tx}" x2="${tx}" y1="${top - 8}" y2="${H - 30}" stroke="#c33" stroke-dasharray="4 3"/>
<text x="${tx + 4}" y="${top - 10}" fill="#c33">target ${r.targets.interactiveMs} ms</text>
<rect x="${left}" y="${H - 26}" width="10" height="10" fill="#7aa6d8"/><text x="${left + 14}" y="${H - 17}">list rendered</text>
<rect x="${left + 110}" y="${H - 26}" width="10" height="10" fill="#2f5f98"/><text x="${left + 124}" y="${H - 17}">click handled</text>
</svg>
`;
  return out;
}

if (APP === '--plot') {
  const { readFileSync } = await import('node:fs');
  writeFileSync(RESULTS, svg(JSON.parse(readFileSync(WORK, 'utf8'))));
} else main().catch((e) => {
  console.error(e);
  process.exit(1);
});

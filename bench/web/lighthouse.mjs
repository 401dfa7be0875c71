// Lighthouse (desktop) on the signed-in task list of a running Taskstream jar (see lighthouse.sh, which starts it).
// Usage: node lighthouse.mjs <appUrl> <workDir> <resultsDir>            (knobs: BENCH_TASKS, BENCH_CHROMIUM, BENCH_NOTE)
//        node lighthouse.mjs --summarise <lhr.json> <resultsDir>         (the report and history line of a saved run)
// Signs a user up, creates BENCH_TASKS tasks through the API, puts the session into localStorage as the web app
// keeps it (web/src/auth/session.ts), and audits `/` with Debian's Chromium (no browser download). Lighthouse keeps
// the storage (disableStorageReset), so the page it loads is the list, not the sign-in page.
import { mkdirSync, readFileSync, writeFileSync, appendFileSync, existsSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';

const TARGETS = { performance: 90, accessibility: 95, 'best-practices': 95 };
const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];
const log = (...a) => console.error('[lighthouse]', ...a);

// ---------------------------------------------------------------- the report and the history line

/** The figures of a Lighthouse result (LHR) that the report and the history keep. */
export function figures(lhr) {
  const score = (id) => (lhr.categories?.[id]?.score == null ? null : Math.round(lhr.categories[id].score * 100));
  const metric = (id) => lhr.audits?.[id]?.numericValue ?? null;
  const failing = [];
  for (const id of CATEGORIES) {
    for (const ref of lhr.categories?.[id]?.auditRefs ?? []) {
      const audit = lhr.audits?.[ref.id];
      if (ref.weight > 0 && audit && audit.score !== null && audit.score < 1) {
        failing.push({ category: id, id: ref.id, title: audit.title, score: audit.score, weight: ref.weight,
          displayValue: audit.displayValue ?? '' });
      }
    }
  }
  return {
    url: lhr.finalDisplayedUrl ?? lhr.finalUrl ?? lhr.requestedUrl,
    lighthouseVersion: lhr.lighthouseVersion,
    formFactor: lhr.configSettings?.formFactor,
    fetchTime: lhr.fetchTime,
    scores: Object.fromEntries(CATEGORIES.map((id) => [id, score(id)])),
    metrics: {
      fcpMs: metric('first-contentful-paint'),
      lcpMs: metric('largest-contentful-paint'),
      tbtMs: metric('total-blocking-time'),
      cls: metric('cumulative-layout-shift'),
      speedIndexMs: metric('speed-index'),
    },
    failing,
  };
}

const round = (v, d = 0) => (v == null ? 'n/a' : Number(v).toFixed(d));

/** Writes lighthouse-<date>.md and lighthouse-latest.json, appends to lighthouse-history.tsv; returns the table. */
export function summarise(lhr, resultsDir, extra = {}) {
  const f = { ...figures(lhr), ...extra };
  const date = (f.fetchTime ?? new Date().toISOString()).slice(0, 10);
  const verdicts = Object.entries(TARGETS).map(([id, min]) => ({ id, min, score: f.scores[id], ok: f.scores[id] != null && f.scores[id] >= min }));
  const table = [
    '| category | score | target |',
    '|---|---|---|',
    ...CATEGORIES.map((id) => {
      const v = verdicts.find((x) => x.id === id);
      return `| ${id} | ${f.scores[id] ?? 'n/a'} | ${v ? `≥ ${v.min} ${v.ok ? 'met' : '**missed**'}` : '—'} |`;
    }),
  ].join('\n');
  const metrics = [
    '| metric | value |',
    '|---|---|',
    `| First Contentful Paint | ${round(f.metrics.fcpMs)} ms |`,
    `| Largest Contentful Paint | ${round(f.metrics.lcpMs)} ms |`,
    `| Total Blocking Time | ${round(f.metrics.tbtMs)} ms |`,
    `| Cumulative Layout Shift | ${round(f.metrics.cls, 3)} |`,
    `| Speed Index | ${round(f.metrics.speedIndexMs)} ms |`,
  ].join('\n');
  const failing = f.failing.length
    ? f.failing.map((a) => `- ${a.category}: \`${a.id}\` ${a.title} (score ${round(a.score, 2)}, weight ${a.weight}${a.displayValue ? `, ${a.displayValue}` : ''})`).join('\n')
    : '- none';
  const report = `lighthouse-${date}.html`;
  const md = `# Lighthouse on the signed-in task list — ${date}

Lighthouse ${f.lighthouseVersion}, ${f.formFactor ?? 'desktop'} preset (simulated throttling), on \`${f.url}\`: the task list
of a user with ${f.tasks ?? '?'} tasks, the session put into localStorage as the app keeps it, served by the app jar
over loopback, audited in Debian's headless Chromium${f.chromium ? ` (${f.chromium})` : ''}. Commit ${f.commit ?? '?'};
load average before ${f.loadBefore ?? '?'} on ${f.cores ?? '?'} cores.${f.note ? `\n\n${f.note}` : ''}

${table}

${metrics}

Weighted audits that did not pass:

${failing}

Full report: \`bench/results/${report}\` (open it in a browser). Run: \`bench/web/lighthouse.sh\`.
`;
  mkdirSync(resultsDir, { recursive: true });
  writeFileSync(path.join(resultsDir, `lighthouse-${date}.md`), md);
  writeFileSync(path.join(resultsDir, 'lighthouse-latest.json'), JSON.stringify(f, null, 2) + '\n');
  const history = path.join(resultsDir, 'lighthouse-history.tsv');
  if (!existsSync(history)) {
    writeFileSync(history, 'date\tcommit\tload_before\tperformance\taccessibility\tbest_practices\tseo\tfcp_ms\tlcp_ms\ttbt_ms\tcls\treport\n');
  }
  appendFileSync(history, [f.fetchTime ?? new Date().toISOString(), f.commit ?? '?', f.loadBefore ?? '?',
    ...CATEGORIES.map((id) => f.scores[id] ?? ''), round(f.metrics.fcpMs), round(f.metrics.lcpMs), round(f.metrics.tbtMs),
    round(f.metrics.cls, 3), `lighthouse-${date}.md`].join('\t') + '\n');
  return { table, verdicts };
}

// ---------------------------------------------------------------- a run against the app

async function api(app, method, url, token, body) {
  const res = await fetch(app + url, {
    method,
    headers: { Accept: 'application/json', ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body ? { 'Content-Type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  });
  const text = await res.text();
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text.slice(0, 300)}`);
  return text ? JSON.parse(text) : null;
}

async function run(app, work, resultsDir) {
  const tasks = Number(process.env.BENCH_TASKS ?? 30);
  const chromePath = process.env.BENCH_CHROMIUM ?? '/usr/bin/chromium';
  const loadBefore = loadavg()[0].toFixed(2);
  const auth = await api(app, 'POST', '/api/auth/signup', null, {
    email: `lighthouse-${Date.now()}@bench.test`, password: 'bench-password-1234', name: 'Lighthouse', timeZone: 'Europe/Berlin',
  });
  const words = ['Pay rent', 'Call mum', 'Buy milk', 'Fix the bike', 'Read a book', 'Plan the trip', 'Email Alex', 'Clean the garage'];
  for (let i = 0; i < tasks; i++) {
    const day = new Date(Date.now() + ((i * 5) % 21 - 7) * 86_400_000).toISOString().slice(0, 10);
    await api(app, 'POST', `/api/${auth.userId}/tasks`, auth.token, {
      title: `${words[i % words.length]} ${i + 1}`,
      priority: ['none', 'low', 'medium', 'high'][i % 4],
      tags: [['home'], ['work', 'errands'], [], ['finance']][i % 4],
      dueAt: i % 3 === 0 ? null : day,
      recurrence: i % 7 === 1 && i % 3 !== 0 ? { rule: 'FREQ=WEEKLY;BYDAY=MO', from: 'due' } : null,
    });
  }
  log(`user with ${tasks} tasks`);

  const { default: lighthouse, desktopConfig } = await import('lighthouse');
  const chromeLauncher = await import('chrome-launcher');
  const puppeteer = (await import('puppeteer-core')).default;
  const profile = path.join(work, 'chromium-profile');
  mkdirSync(profile, { recursive: true });
  const chrome = await chromeLauncher.launch({
    chromePath,
    userDataDir: profile,
    chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
      '--disable-extensions', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  // Chromium runs in its own process group: a stopped run (the script's time limit, Ctrl-C) must close it too, or it
  // keeps a core busy after the benchmark is gone.
  for (const signal of ['SIGTERM', 'SIGINT']) {
    process.once(signal, () => {
      Promise.resolve(chrome.kill()).finally(() => process.exit(128 + (signal === 'SIGTERM' ? 15 : 2)));
    });
  }
  try {
    const browser = await puppeteer.connect({ browserURL: `http://127.0.0.1:${chrome.port}`, defaultViewport: null });
    const page = await browser.newPage();
    // The session as the app stores it, put in before the audited load (which keeps the storage).
    await page.goto(`${app}/signin`, { waitUntil: 'load' });
    await page.evaluate((value) => localStorage.setItem('taskstream.session', value),
      JSON.stringify({ token: auth.token, userId: String(auth.userId), expiresAt: auth.expiresAt }));
    const version = await browser.version();
    const result = await lighthouse(`${app}/`, {
      port: chrome.port, output: ['json', 'html'], disableStorageReset: true, logLevel: 'error',
      onlyCategories: CATEGORIES,
    }, desktopConfig, page);
    if (!result) throw new Error('Lighthouse returned no result');
    const [json, html] = result.report;
    const lhr = result.lhr;
    if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const listed = (lhr.finalDisplayedUrl ?? '').replace(/\/$/, '') === app.replace(/\/$/, '');
    if (!listed) throw new Error(`Lighthouse ended on ${lhr.finalDisplayedUrl}, not the list: was the session refused?`);
    writeFileSync(path.join(work, 'lhr.json'), json);
    const date = lhr.fetchTime.slice(0, 10);
    writeFileSync(path.join(resultsDir, `lighthouse-${date}.html`), html);
    const { table, verdicts } = summarise(lhr, resultsDir, {
      tasks, chromium: version, commit: process.env.BENCH_COMMIT, loadBefore, cores: cpus().length, note: process.env.BENCH_NOTE,
    });
    console.log(table);
    console.log(verdicts.every((v) => v.ok) ? 'every target met' : `missed: ${verdicts.filter((v) => !v.ok).map((v) => v.id).join(', ')}`);
    await browser.disconnect();
  } finally {
    await chrome.kill();
  }
}

const args = process.argv.slice(2);
if (args[0] === '--summarise') {
  const [, lhrFile, resultsDir] = args;
  if (!lhrFile || !resultsDir) throw new Error('usage: node lighthouse.mjs --summarise <lhr.json> <resultsDir>');
  const lhr = JSON.parse(readFileSync(lhrFile, 'utf8'));
  const { table } = summarise(lhr, resultsDir, { commit: process.env.BENCH_COMMIT, note: process.env.BENCH_NOTE });
  console.log(table);
} else {
  const [app, work, resultsDir] = args;
  if (!app || !work || !resultsDir) throw new Error('usage: node lighthouse.mjs <appUrl> <workDir> <resultsDir>');
  await run(app, work, resultsDir);
}

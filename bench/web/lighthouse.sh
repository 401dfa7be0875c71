#!/usr/bin/env bash
# Lighthouse (desktop preset) on the signed-in task list, with Debian's headless Chromium: performance,
# accessibility, best practices and SEO scores, against the targets accessibility ≥ 95, best practices ≥ 95 and
# performance ≥ 90. The app jar runs on loopback with its embedded PostgreSQL in a fresh data dir under bench/work/;
# a user with some tasks is signed up through the API and its session put into localStorage (lighthouse.mjs).
#
# Usage: bench/web/lighthouse.sh          (about 2 minutes on a quiet machine; hard limit BENCH_MAX_SECONDS, default 600)
# Knobs (environment): BENCH_TASKS=30 BENCH_CHROMIUM=/usr/bin/chromium BENCH_NOTE="text for the results file"
#                      BENCH_KEEP_WORK=1
# Output: the scores on stdout, bench/results/lighthouse-<date>.md|.html and bench/results/lighthouse-latest.json,
# and one line appended to bench/results/lighthouse-history.tsv.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
MAX_SECONDS=${BENCH_MAX_SECONDS:-600}
START_TS=$(date +%s)

log() { printf '[lighthouse %3ds] %s\n' "$(( $(date +%s) - START_TS ))" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

source "$ROOT/bench/lib.sh"
select_jdk
JAVA="$JAVA_HOME/bin/java"
command -v node >/dev/null 2>&1 || die "node (20.19+) is missing"
CHROMIUM=${BENCH_CHROMIUM:-/usr/bin/chromium}
[ -x "$CHROMIUM" ] || die "$CHROMIUM is missing: apt-get install -y chromium"
if [ ! -d "$HERE/node_modules/lighthouse" ]; then
  log "installing lighthouse (npm ci, no browser download)"
  (cd "$HERE" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

JAR="$ROOT/app/target/taskstream.jar"
if [ ! -f "$JAR" ]; then
  log "building $JAR"
  (cd "$ROOT" && ./mvnw -B -ntp -q -DskipTests package)
fi

mkdir -p "$ROOT/bench/work" "$ROOT/bench/results"
WORK=$(mktemp -d "$ROOT/bench/work/lighthouse.XXXXXX")
APP_PID="" WATCHDOG_PID="" NODE_PID=""

# The app stops its embedded PostgreSQL with its context when given time (graceful stop).
trap 'finish_run NODE_PID:5 APP_PID:30' EXIT
trap 'log "interrupted"; exit 130' INT TERM

start_watchdog "$MAX_SECONDS" lighthouse

log "starting the app (fresh data dir $WORK/data)"
start_app_jar "$JAVA" "$JAR" "$WORK"
curl -sSf "$APP_URL/" | grep -q '<script' || die "$APP_URL/ serves no web app: was the jar built with -DskipWeb?"
log "app on $APP_URL"

BENCH_CHROMIUM="$CHROMIUM" node "$HERE/lighthouse.mjs" "$APP_URL" "$WORK" "$ROOT/bench/results" &
NODE_PID=$!
wait "$NODE_PID"
NODE_PID=""
log "done: bench/results/lighthouse-$(date -u +%F).md"

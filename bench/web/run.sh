#!/usr/bin/env bash
# Web app benchmark: production bundle size, and time to first render of the task list with 1,000 tasks and to
# the first handled click, in Debian's headless Chromium driven by playwright-core (no browser download), against
# a static page with the same rows and CSS. The app jar runs on loopback with its embedded PostgreSQL in a fresh
# data dir under bench/work/.
#
# Usage: bench/web/run.sh          (about 4 minutes on a quiet machine; hard limit BENCH_MAX_SECONDS, default 900)
# Knobs (environment): BENCH_RUNS=20 BENCH_WARMUP=3 BENCH_LOADMORE_RUNS=5 BENCH_TASKS=1000
#                      BENCH_CHROMIUM=/usr/bin/chromium BENCH_NOTE="text for the results file" BENCH_KEEP_WORK=1
# Output: a table on stdout, bench/results/web-<date>.md|.json|.svg and bench/results/web-latest.json, and one line
# appended to bench/results/web-history.tsv.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
MAX_SECONDS=${BENCH_MAX_SECONDS:-900}
START_TS=$(date +%s)

log() { printf '[bench %3ds] %s\n' "$(( $(date +%s) - START_TS ))" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

source "$ROOT/bench/lib.sh"
select_jdk
JAVA="$JAVA_HOME/bin/java"
command -v node >/dev/null 2>&1 || die "node (20.19+) is missing"
CHROMIUM=${BENCH_CHROMIUM:-/usr/bin/chromium}
if [ ! -x "$CHROMIUM" ]; then
  [ "$(id -u)" = 0 ] || die "$CHROMIUM is missing: apt-get install -y chromium"
  log "installing Debian's chromium"
  apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq chromium >/dev/null; }
fi
if [ ! -d "$HERE/node_modules/playwright-core" ]; then
  log "installing playwright-core (npm ci, no browser download)"
  (cd "$HERE" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error)
fi

JAR="$ROOT/app/target/taskstream.jar"
if [ ! -f "$JAR" ]; then
  log "building $JAR"
  (cd "$ROOT" && ./mvnw -B -ntp -q -DskipTests package)
fi

mkdir -p "$ROOT/bench/work" "$ROOT/bench/results"
WORK=$(mktemp -d "$ROOT/bench/work/web.XXXXXX")
APP_PID="" WATCHDOG_PID=""

# The app stops its embedded PostgreSQL with its context when given time (graceful stop).
trap 'finish_run NODE_PID:5 APP_PID:30' EXIT
trap 'log "interrupted"; exit 130' INT TERM

start_watchdog "$MAX_SECONDS" bench

log "starting the app (fresh data dir $WORK/data)"
start_app_jar "$JAVA" "$JAR" "$WORK"
curl -sSf "$APP_URL/" | grep -q '<script' || die "$APP_URL/ serves no web app: was the jar built with -DskipWeb?"
log "app on $APP_URL"

node "$HERE/measure.mjs" "$APP_URL" "$WORK" "$ROOT/bench/results" &
NODE_PID=$!
wait "$NODE_PID"
NODE_PID=""
log "done: bench/results/web-$(date -u +%F).md"

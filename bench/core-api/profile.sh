#!/usr/bin/env bash
# JFR profile of one core-API operation under load: where the app's CPU goes, by area (innermost frame wins).
# Usage: bench/core-api/profile.sh [create|list|search] (default create; about 2 minutes). Needs the jar, wrk, python3.
# Starts the jar on a fresh embedded PostgreSQL (temp dir, loopback, ports chosen by the OS), signs one user up,
# warms up 20 s, records 45 s of wrk -t2 -c16 with JFR (profile settings, stacks 320 frames deep), prints the
# breakdown and the exceptions thrown, and keeps the recording: bench/work/profile-<op>.jfr (`jfr print` it).
# The create warm-up fills an empty user; list/search at 100k tasks need run.sh's seed: this is for create costs.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd); ROOT=$(cd "$HERE/../.." && pwd)
OP=${1:-create}
source "$ROOT/bench/lib.sh"; select_jdk
JAR="$ROOT/app/target/taskstream.jar"; [ -f "$JAR" ] || { echo "build the jar first: ./mvnw -DskipTests package" >&2; exit 1; }
mkdir -p "$ROOT/bench/work"; WORK=$(mktemp -d "$ROOT/bench/work/profile.XXXXXX")
APP_PID=""
cleanup() { [ -n "$APP_PID" ] && kill "$APP_PID" 2>/dev/null && wait "$APP_PID" 2>/dev/null; rm -rf "$WORK"; }
trap cleanup EXIT
# The creates all go to one user, far past the default open-task quota (ADR 036), which they still pay for.
TASKSTREAM_QUOTAS_OPEN_TASKS=1000000000 TASKSTREAM_DATA_DIR="$WORK/data" SERVER_PORT=0 SERVER_ADDRESS=127.0.0.1 \
  java -XX:FlightRecorderOptions:stackdepth=320 -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP_PID=$!
for _ in $(seq 1800); do grep -q 'Started TaskstreamApplication' "$WORK/app.log" && break; sleep 0.1; done
PORT=$(grep -oE 'Tomcat started on port [0-9]+' "$WORK/app.log" | head -1 | grep -oE '[0-9]+$')
URL=http://127.0.0.1:$PORT
BODY=$(curl -sS --fail -X POST "$URL/api/auth/signup" -H 'Content-Type: application/json' \
  -d '{"email":"profile@bench.test","password":"bench-password-1234","timeZone":"Europe/Berlin"}')
USER_ID=$(sed -E 's/.*"userId":"([^"]+)".*/\1/' <<<"$BODY"); TOKEN=$(sed -E 's/.*"token":"([^"]+)".*/\1/' <<<"$BODY")
load() { BENCH_OP=$OP BENCH_USER=$USER_ID BENCH_TOKEN=$TOKEN wrk -t2 -c16 -d"$1" --latency -s "$HERE/ops.lua" "$URL"; }
echo "warming up 20 s, load average $(cut -d' ' -f1-3 /proc/loadavg)" >&2
load 20s >/dev/null
REC="$ROOT/bench/work/profile-$OP.jfr"
jcmd "$APP_PID" JFR.start name=profile settings=profile filename="$REC" >/dev/null
load 45s | grep -E 'Requests/sec|99%' >&2
jcmd "$APP_PID" JFR.stop name=profile >/dev/null
python3 "$HERE/jfr_breakdown.py" "$REC"
echo "recording: $REC (load average now $(cut -d' ' -f1-3 /proc/loadavg))" >&2

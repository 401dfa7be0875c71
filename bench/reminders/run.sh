#!/usr/bin/env bash
# Reminder firing benchmark: COUNT reminders due in the same minute, two app instances on one
# PostgreSQL (instance A: every role, with its embedded PostgreSQL; instance B: api + reminders on A's
# database). Measures lateness (firedAt - remindAt, as the app records it in reminder_firing), duplicates
# and misses, then runs a baseline in the same run: db-scheduler alone, two schedulers with the same
# settings executing a no-op task on the same database. Results go to bench/results/reminders-<date>.{md,json}, and
# one line per run is appended to bench/results/reminders-history.tsv.
#
# Usage: bench/reminders/run.sh [COUNT=10000] [MODE=spread|burst]
#   spread: remindAt spread evenly over the minute; burst: every remindAt at the minute's first instant.
set -euo pipefail
cd "$(dirname "$0")/../.."
COUNT="${1:-10000}"
MODE="${2:-spread}"
# FIRE_BATCH_SIZE=1 runs the app as it was before bulk firing (one reminder per execution and transaction)
FIRE_BATCH_SIZE="${FIRE_BATCH_SIZE:-500}"
export FIRE_BATCH_SIZE
source bench/lib.sh
select_jdk
JAVA="$JAVA_HOME/bin/java"
WORK="bench/work/reminders-$(date +%Y%m%d-%H%M%S)"
mkdir -p "$WORK" bench/results

# SKIP_BUILD=1 reuses app/target/taskstream.jar (e.g. built with -DskipWeb: the web app plays no part here)
if [ "${SKIP_BUILD:-0}" != 1 ]; then ./mvnw -B -q -DskipTests package; fi
./mvnw -B -q -pl app dependency:build-classpath -Dmdep.outputFile="$PWD/$WORK/classpath.txt" -Dmdep.includeScope=test
JAR=app/target/taskstream.jar
SECRET="$(head -c 48 /dev/urandom | base64 | tr -d '\n/+=')"
PORT_A=18181
PORT_B=18182
PIDS=()
cleanup() { for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done; wait 2>/dev/null || true; }
trap cleanup EXIT

await_started() { # log file
  for _ in $(seq 1 480); do # up to 4 minutes: startup is slow on a shared, busy machine
    grep -q "Started TaskstreamApplication" "$1" && return 0
    sleep 0.5
  done
  echo "app did not start; see $1" >&2; exit 1
}

# The scenario signs up its 20 users from loopback: as many as one address may create within an hour by default.
"$JAVA" -Xmx768m -jar "$JAR" --server.port=$PORT_A --taskstream.data-dir="$WORK/a" --taskstream.reminders.fire-batch-size="$FIRE_BATCH_SIZE" \
  --taskstream.auth.signups.per-client=100 --taskstream.auth.jwt-secret="$SECRET" --logging.level.root=warn --logging.level.org.springframework.boot=info --logging.level.io.taskstream.TaskstreamApplication=info \
  --logging.level.io.taskstream.platform.db=info > "$WORK/a.log" 2>&1 &
PIDS+=($!)
await_started "$WORK/a.log"
PG_PORT="$(grep -o 'Embedded PostgreSQL started on port [0-9]*' "$WORK/a.log" | grep -o '[0-9]*$')"
JDBC="jdbc:postgresql://localhost:$PG_PORT/postgres"

"$JAVA" -Xmx512m -jar "$JAR" --server.port=$PORT_B --taskstream.data-dir="$WORK/b" --taskstream.reminders.fire-batch-size="$FIRE_BATCH_SIZE" \
  --spring.datasource.url="$JDBC" --spring.datasource.username=postgres \
  --taskstream.roles=api,reminders --taskstream.events.relay.enabled=false \
  --taskstream.auth.jwt-secret="$SECRET" --logging.level.root=warn --logging.level.org.springframework.boot=info --logging.level.io.taskstream.TaskstreamApplication=info \
  > "$WORK/b.log" 2>&1 &
PIDS+=($!)
await_started "$WORK/b.log"

"$JAVA" -cp "$(cat "$WORK/classpath.txt"):app/target/classes" bench/reminders/Bench.java \
  "http://localhost:$PORT_A" "http://localhost:$PORT_B" "$JDBC" "$COUNT" "$MODE" bench/results

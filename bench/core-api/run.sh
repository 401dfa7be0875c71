#!/usr/bin/env bash
# Core REST API benchmark: the Taskstream jar against a plain-JDBC baseline (same SQL, JDK HttpServer, no auth),
# both on ONE PostgreSQL: the app's embedded one, started in a fresh temporary data dir; the baseline connects to it
# on the port the app logs ("Embedded PostgreSQL started on port N", user postgres, db postgres, no password).
# Each contestant has its own user with an identical copy of the seeded tasks, so their writes never touch the
# other's rows. Reads (list, search) are measured first, at exactly BENCH_TASKS tasks per user; creates come last.
#
# Usage: bench/core-api/run.sh            (about 8 minutes; hard limit BENCH_MAX_SECONDS, default 660)
# Knobs (environment): BENCH_TASKS=100000 BENCH_DURATION=20 BENCH_JIT_WARMUP=10 BENCH_WARMUP=5 BENCH_THREADS=2
#                      BENCH_CONNECTIONS=16
#                      BENCH_LIGHT_CONNECTIONS=1 BENCH_LIGHT_DURATION=10 BENCH_KEEP_WORK=1 (keep the temp dir)
#                      BENCH_SEARCH_SWEEP="2 4 8" (searches also measured at these connection counts, LIGHT_DURATION each)
#                      BENCH_RATE_CONNECTIONS=64 BENCH_RATE_DURATION=20 (lists and searches also measured open loop at
#                      half the baseline's saturation throughput)
# Output: a table on stdout beside the baseline's, bench/results/core-api-<date>.md and core-api-latest.json (+ .png
# charts when gnuplot is installed), and one line appended to bench/results/core-api-history.tsv. Only loopback
# addresses are used. Everything started here is stopped on exit.
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
source "$ROOT/bench/lib.sh"
TASKS=${BENCH_TASKS:-100000}
DURATION=${BENCH_DURATION:-20}
WARMUP=${BENCH_WARMUP:-5}
JIT_WARMUP=${BENCH_JIT_WARMUP:-10}
THREADS=${BENCH_THREADS:-2}
CONNS=${BENCH_CONNECTIONS:-16}
LIGHT_CONNS=${BENCH_LIGHT_CONNECTIONS:-1}
LIGHT_DURATION=${BENCH_LIGHT_DURATION:-10}
SEARCH_SWEEP=${BENCH_SEARCH_SWEEP:-2 4 8}
RATE_CONNS=${BENCH_RATE_CONNECTIONS:-64}
RATE_DURATION=${BENCH_RATE_DURATION:-$DURATION}
RATE=""  # set while measuring at a fixed arrival rate (open loop, ops.lua BENCH_RATE)
MAX_SECONDS=${BENCH_MAX_SECONDS:-660}
ZONE=Europe/Berlin
RESULTS="$ROOT/bench/results"
START_TS=$(date +%s)
LOAD_BEFORE=$(cut -d' ' -f1-3 /proc/loadavg)

log() { printf '[bench %3ds] %s\n' "$(( $(date +%s) - START_TS ))" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# --- JDK 21+ (the same for the app, the baseline and the helper) ---
select_jdk
JAVA="$JAVA_HOME/bin/java"

# --- wrk (Debian package) ---
if ! command -v wrk >/dev/null 2>&1; then
  [ "$(id -u)" = 0 ] || die "wrk is missing: apt-get install -y wrk"
  log "installing wrk"
  apt-get install -y -qq wrk >/dev/null 2>&1 || { apt-get update -qq >/dev/null && apt-get install -y -qq wrk >/dev/null; }
fi
command -v curl >/dev/null 2>&1 || die "curl is missing"

# --- the jar ---
JAR="$ROOT/app/target/taskstream.jar"
if [ ! -f "$JAR" ]; then
  log "building $JAR"
  (cd "$ROOT" && ./mvnw -B -q -DskipTests package)
fi

mkdir -p "$ROOT/bench/work" "$RESULTS"
WORK=$(mktemp -d "$ROOT/bench/work/core-api.XXXXXX")
APP_PID="" BASE_PID="" WATCHDOG_PID=""

# The app stops its embedded PostgreSQL with its context when given time (graceful stop).
trap 'finish_run BASE_PID:10 APP_PID:30' EXIT
trap 'log "interrupted"; exit 130' INT TERM

# Bound the whole run: the watchdog signals this script, whose trap stops everything.
( sleep "$MAX_SECONDS"; echo "[bench] time limit of ${MAX_SECONDS}s reached, stopping" >&2; kill -TERM $$ 2>/dev/null ) &
WATCHDOG_PID=$!

wait_for_line() { # file, extended regex, timeout seconds, pid that must stay alive
  local file=$1 pattern=$2 timeout=$3 pid=$4
  for _ in $(seq $((timeout * 10))); do
    if grep -qE "$pattern" "$file" 2>/dev/null; then return 0; fi
    kill -0 "$pid" 2>/dev/null || { tail -50 "$file" >&2; die "process $pid exited while waiting for /$pattern/"; }
    sleep 0.1
  done
  tail -50 "$file" >&2
  die "timed out after ${timeout}s waiting for /$pattern/ in $file"
}

# --- start the app with its embedded PostgreSQL (ports chosen by the OS, loopback only) ---
log "starting the app (fresh data dir $WORK/data)"
# The creates all go to one user, far past the default open-task quota (ADR 036), which they still pay for.
TASKSTREAM_QUOTAS_OPEN_TASKS=1000000000 TASKSTREAM_DATA_DIR="$WORK/data" SERVER_PORT=0 SERVER_ADDRESS=127.0.0.1 \
  "$JAVA" -jar "$JAR" >"$WORK/app.log" 2>&1 &
APP_PID=$!
wait_for_line "$WORK/app.log" 'Started TaskstreamApplication' 120 "$APP_PID"
APP_PORT=$(grep -oE 'Tomcat started on port [0-9]+' "$WORK/app.log" | head -1 | grep -oE '[0-9]+$')
PG_PORT=$(grep -oE 'Embedded PostgreSQL started on port [0-9]+' "$WORK/app.log" | head -1 | grep -oE '[0-9]+$')
[ -n "$PG_PORT" ] || die "no 'Embedded PostgreSQL started on port' line in the app log"
APP_URL="http://127.0.0.1:$APP_PORT"
JDBC_URL="jdbc:postgresql://127.0.0.1:$PG_PORT/postgres"
log "app on $APP_URL, PostgreSQL on 127.0.0.1:$PG_PORT"

# --- the driver, pool and slf4j jars: exactly the versions inside the app jar ---
mkdir -p "$WORK/lib"
LIBS=$("$JAVA_HOME/bin/jar" tf "$JAR" | grep -E '^BOOT-INF/lib/(postgresql|HikariCP|slf4j-api)-[0-9.]+\.jar$')
(cd "$WORK/lib" && "$JAVA_HOME/bin/jar" xf "$JAR" $LIBS)
CP=$(ls "$WORK"/lib/BOOT-INF/lib/*.jar | paste -sd:)

# --- two users through the app's own sign-up; each gets an identical copy of the seeded tasks ---
signup() { # email -> "userId token"
  local body
  body=$(curl -sS --fail-with-body -X POST "$APP_URL/api/auth/signup" -H 'Content-Type: application/json' \
    -d "{\"email\":\"$1\",\"password\":\"bench-password-1234\",\"name\":\"Bench\",\"timeZone\":\"$ZONE\"}")
  printf '%s %s\n' "$(sed -E 's/.*"userId":"([^"]+)".*/\1/' <<<"$body")" "$(sed -E 's/.*"token":"([^"]+)".*/\1/' <<<"$body")"
}
read -r APP_USER APP_TOKEN < <(signup app@bench.test)
read -r BASE_USER _ < <(signup baseline@bench.test)
read -r WARM_USER WARM_TOKEN < <(signup warmup@bench.test)  # receives the warm-up creates of both contestants
log "users: app $APP_USER, baseline $BASE_USER; seeding $TASKS tasks each"
"$JAVA" -cp "$CP" "$HERE/BenchTool.java" seed "$JDBC_URL" "$HERE/seed.sql" "$TASKS" "$ZONE" "$APP_USER" "$BASE_USER" >&2

# --- the baseline, on the same PostgreSQL, with the app's pool size (20) ---
"$JAVA" -Dsun.net.httpserver.nodelay=true -cp "$CP" "$HERE/baseline/BaselineServer.java" 0 "$JDBC_URL" postgres 20 \
  >"$WORK/baseline.log" 2>&1 &
BASE_PID=$!
wait_for_line "$WORK/baseline.log" 'BASELINE LISTENING [0-9]+' 60 "$BASE_PID"
BASE_PORT=$(grep -oE 'BASELINE LISTENING [0-9]+' "$WORK/baseline.log" | grep -oE '[0-9]+$')
BASE_URL="http://127.0.0.1:$BASE_PORT"
log "baseline on $BASE_URL"

# --- sanity: both answer the list alike: the seeded total when it is at most 10,000 (TaskPage.EXACT_TOTAL_UP_TO),
# otherwise no total and a "next" link instead of a "last" one; and a search's exact total ---
for target in "$APP_URL $APP_USER $APP_TOKEN" "$BASE_URL $BASE_USER -"; do
  read -r url user token <<<"$target"
  auth=(); [ "$token" != - ] && auth=(-H "Authorization: Bearer $token")
  headers=$(curl -sS --fail -D - -o /dev/null "${auth[@]}" "$url/api/$user/tasks?sort=due&size=50" | tr -d '\r')
  total=$(awk -F': ' 'tolower($1)=="x-total-count"{print $2}' <<<"$headers")
  if [ "$TASKS" -le 10000 ]; then
    [ "$total" = "$TASKS" ] || die "$url lists $total tasks, expected $TASKS"
  else
    [ -z "$total" ] && grep -qi '^link:.*rel="next"' <<<"$headers" && ! grep -qi '^link:.*rel="last"' <<<"$headers" \
      || die "$url: expected no X-Total-Count and a next but no last link above 10,000 tasks, got: $headers"
  fi
  searched=$(curl -sS --fail -D - -o /dev/null "${auth[@]}" "$url/api/$user/tasks?q=zephyr&size=50" | tr -d '\r' \
    | awk -F': ' 'tolower($1)=="x-total-count"{print $2}')
  [ -n "$searched" ] && [ "$searched" -gt 0 ] || die "$url: a search for zephyr counts '$searched' matches"
done

# EXPLAIN ANALYZE of the list and search SQL, kept with the results.
"$JAVA" -cp "$CP" "$HERE/BenchTool.java" plans "$JDBC_URL" "$APP_USER" "$WORK/plans.txt" report rep zephyr "dentist appoint"

# --- load ---
OUT="$WORK/results.jsonl"
: >"$OUT"
: >"$WORK/cpu.jsonl"
# CPU used by a process tree, in clock ticks: the JVM (all its threads), or PostgreSQL (the postmaster, the
# children it has reaped — e.g. parallel workers — and its live children). Only one contestant is loaded at a time,
# so the database's CPU during a measurement is that contestant's: a per-request figure that, unlike wall-clock
# throughput, other load on the machine barely changes.
jvm_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }
pg_ticks() {
  local main total child
  main=$(head -1 "$WORK/data/postgres/postmaster.pid")
  total=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$main/stat")
  for child in $(pgrep -P "$main"); do
    total=$(( total + $(awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || echo 0) ))
  done
  echo "$total"
}
CLK_TCK=$(getconf CLK_TCK)

wrk_run() { # contestant op phase threads conns seconds record(0|1)
  local contestant=$1 op=$2 phase=$3 t=$4 c=$5 d=$6 record=$7 url user token
  if [ "$contestant" = app ]; then url=$APP_URL user=$APP_USER token=$APP_TOKEN
  else url=$BASE_URL user=$BASE_USER token=""; fi
  if [ "$phase" = jit ] && [ "$op" = create ]; then  # warm-up creates go to a third user, not the measured ones
    user=$WARM_USER; [ "$contestant" = app ] && token=$WARM_TOKEN
  fi
  local out=""; [ "$record" = 1 ] && out=$OUT
  log "wrk $contestant $op $phase: -t$t -c$c -d${d}s${RATE:+ at $RATE req/s}$([ "$record" = 1 ] || echo ' (warm-up)')"
  local pid=$APP_PID; [ "$contestant" = app ] || pid=$BASE_PID
  local jvm0 pg0; jvm0=$(jvm_ticks "$pid"); pg0=$(pg_ticks)
  BENCH_OP=$op BENCH_USER=$user BENCH_TOKEN=$token BENCH_OUT=$out BENCH_LABEL="$contestant $op $phase" \
  BENCH_RATE=$RATE BENCH_THREADS=$t \
    timeout $((d + 30)) wrk -t"$t" -c"$c" -d"${d}s" --timeout 10s --latency -s "$HERE/ops.lua" "$url" >"$WORK/wrk-$contestant-$op-$phase.txt"
  if [ "$record" = 1 ]; then
    printf '{"label":"%s","jvm_cpu_ms":%d,"pg_cpu_ms":%d}\n' "$contestant $op $phase" \
      $(( ($(jvm_ticks "$pid") - jvm0) * 1000 / CLK_TCK )) $(( ($(pg_ticks) - pg0) * 1000 / CLK_TCK )) >>"$WORK/cpu.jsonl"
  fi
}

# Each measurement is split into two halves run in ABBA order (app, baseline, baseline, app), so that drift and
# other load on the machine weigh on both contestants alike; BenchTool merges the halves' exact histograms.
measure() { # op phase threads conns seconds warmup_seconds
  local op=$1 phase=$2 t=$3 c=$4 d=$5 w=$6 half=$(( $5 / 2 ))
  if [ "$w" -gt 0 ]; then
    wrk_run app "$op" "$phase" "$t" "$c" "$w" 0
    wrk_run baseline "$op" "$phase" "$t" "$c" "$w" 0
  fi
  for contestant in app baseline baseline app; do
    wrk_run "$contestant" "$op" "$phase" "$t" "$c" "$half" 1
  done
}
# JIT warm-up of both JVMs on all three operations first: the app's framework paths need thousands of requests
# before C2 has compiled them, and list/search alone (~100-300 req/s) would still be compiling during the
# measurement (seen with JFR: C2 busy in the measured window after a 25 s list warm-up). Creates (~3,000 req/s)
# warm the shared paths (filters, security, MVC, Jackson, JDBC) fastest. Then vacuum again so that the table is
# all-visible for the measured reads.
for contestant in app baseline; do
  for op in create list search; do
    wrk_run "$contestant" "$op" jit "$THREADS" "$CONNS" "$JIT_WARMUP" 0
  done
done
"$JAVA" -cp "$CP" "$HERE/BenchTool.java" vacuum "$JDBC_URL" >&2

measure list saturation "$THREADS" "$CONNS" "$DURATION" "$WARMUP"
measure search saturation "$THREADS" "$CONNS" "$DURATION" "$WARMUP"
measure list light 1 "$LIGHT_CONNS" "$LIGHT_DURATION" 0
measure search light 1 "$LIGHT_CONNS" "$LIGHT_DURATION" 0
for c in $SEARCH_SWEEP; do  # where the search p99 crosses 50 ms
  measure search "c$c" $(( c < THREADS ? c : THREADS )) "$c" "$LIGHT_DURATION" 0
done
# Both targets together: carrying half the baseline's throughput, is the p99 under 50 ms? Requests arrive on a
# schedule (open loop), so a slow answer cannot hold back the ones behind it as it does in the closed loops above.
declare -A RATES
for op in list search; do
  RATE=$("$JAVA" "$HERE/BenchTool.java" rate "$OUT" "$op")
  RATES[$op]=$RATE
  measure "$op" rate "$THREADS" "$RATE_CONNS" "$RATE_DURATION" 0
done
RATE=""
measure create saturation "$THREADS" "$CONNS" "$DURATION" "$WARMUP"

# --- report ---
DATE=$(date -u +%Y-%m-%d)
STAMP=$(date -u +%Y-%m-%dT%H:%M:%SZ)
PG_VERSION=$(grep -m1 -oE 'PostgreSQL [0-9.]+' "$WORK/plans.txt" || echo '?')
{
  echo "date=$STAMP"
  echo "commit=$(git -C "$ROOT" rev-parse --short HEAD 2>/dev/null || echo '?')$(git -C "$ROOT" diff --quiet HEAD -- app 2>/dev/null || echo ' (app modified)')"
  echo "load_average_before=$LOAD_BEFORE, after=$(cut -d' ' -f1-3 /proc/loadavg) (other processes on the machine disturb the figures)"
  echo "machine=$(nproc) cores, $(awk '/MemTotal/{printf "%.0f GiB", $2/1048576}' /proc/meminfo), $(uname -sr)"
  echo "java=$("$JAVA" -version 2>&1 | head -1)"
  echo "postgresql=$PG_VERSION (the app's embedded one, default settings of EmbeddedPostgresConfiguration)"
  echo "tasks=$TASKS"
  echo "threads=$THREADS"
  echo "connections=$CONNS"
  echo "duration=$DURATION"
  echo "measurement_order=per operation: warm-up app, warm-up baseline, then the measured time in two halves app, baseline, baseline, app (ABBA)"
  echo "warmup=$WARMUP"
  echo "jit_warmup=${JIT_WARMUP}s of each operation per contestant at the start (creates to a third user), then VACUUM"
  echo "light_connections=$LIGHT_CONNS"
  echo "light_duration=$LIGHT_DURATION"
  echo "search_sweep_connections=$SEARCH_SWEEP"
  echo "rate_list=${RATES[list]}"
  echo "rate_search=${RATES[search]}"
  echo "rate_connections=$RATE_CONNS"
  echo "rate_duration=$RATE_DURATION"
  echo "load_generator=$(wrk --version 2>&1 | head -1 | cut -c1-40) on loopback, script bench/core-api/ops.lua"
  echo "list_request=GET /api/{user}/tasks?sort=due&size=50 (page 0)"
  echo "search_request=GET /api/{user}/tasks?q=<20 terms rotating: report call dentist groc invoice kubernetes harpsichord telescope zephyr quokka rep 'dentist appoint' 'budget review' migrat tax plumb meeting xyzzy 'code review' pro>"
  echo "create_request=POST /api/{user}/tasks, 200 rotating bodies (title, description, priority, tags, dueAt)"
  echo "baseline=bench/core-api/baseline/BaselineServer.java: same SQL as TaskRepository, HikariCP pool of 20, virtual threads, no auth, transactions only where the app's SQL needs one (create, search)"
} >"$WORK/meta.properties"
CHART="$WORK/chart.dat"
"$JAVA" "$HERE/BenchTool.java" report "$OUT" "$WORK/cpu.jsonl" "$WORK/meta.properties" "$WORK/report.md" \
  "$RESULTS/core-api-latest.json" "$CHART" "$WORK/search-sweep.dat" "$RESULTS/core-api-history.tsv" "core-api-$DATE.md"
{
  echo
  echo "## Query plans (EXPLAIN ANALYZE of the app's SQL for the app user, after the seed)"
  echo
  echo '```'
  cat "$WORK/plans.txt"
  echo '```'
} >>"$WORK/report.md"
cp "$WORK/report.md" "$RESULTS/core-api-$DATE.md"
if command -v gnuplot >/dev/null 2>&1; then
  gnuplot <<EOF || log "chart failed (ignored)"
set terminal pngcairo size 720,420
set output "$RESULTS/core-api-$DATE.png"
set title "Core API throughput, $TASKS tasks/user, wrk -c$CONNS ($DATE)"
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set ylabel "requests/s (log scale)"
set logscale y
set yrange [10:*]
set grid ytics
set key top right
plot "$CHART" using 2:xtic(1) title "app", '' using 3 title "baseline (no auth, plain JDBC)"
EOF
  gnuplot <<EOF || log "search chart failed (ignored)"
set terminal pngcairo size 720,420
set output "$RESULTS/core-api-$DATE-search.png"
set title "Search p99 by searches in flight, $TASKS tasks/user ($DATE)"
set xlabel "connections (closed loop)"
set ylabel "p99 latency, ms (log scale)"
set logscale xy
set xtics (1, 2, 4, 8, 16, 32)
set xrange [0.8:24]
set grid
set key bottom right
plot "$WORK/search-sweep.dat" using 1:2 with linespoints lw 2 title "app", \\
     '' using 1:3 with linespoints lw 2 title "baseline (same SQL)", \\
     '' using 1:(1000*\$1/\$5) with lines dt 3 lw 2 lc rgb "gray40" title "baseline's mean by Little's law (connections ÷ req/s)", \\
     50 with lines dt 2 lc rgb "red" title "target 50 ms"
EOF
fi
log "results: $RESULTS/core-api-$DATE.md (+ .png, -search.png), $RESULTS/core-api-latest.json, a line in $RESULTS/core-api-history.tsv (took $(( $(date +%s) - START_TS ))s)"

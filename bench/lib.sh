# Shared helpers of the benchmark scripts.
BENCH_LIB_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"

# Exports JAVA_HOME (the JDK 21+ that .mvn/find-jdk.sh picks, as ./mvnw does) and puts its bin first on the PATH.
select_jdk() {
  JAVA_HOME="$(sh "$BENCH_LIB_ROOT/.mvn/find-jdk.sh")" || exit 1
  export JAVA_HOME
  export PATH="$JAVA_HOME/bin:$PATH"
}

# Stops a process: SIGTERM, then SIGKILL after <seconds>. Usage: stop_pid <pid> <seconds>
stop_pid() {
  local pid=$1 wait_s=$2
  [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq $((wait_s * 10))); do kill -0 "$pid" 2>/dev/null || return 0; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
}

# Stops the embedded PostgreSQL an app left running in <data-dir>/postgres (if the app had to be killed,
# its server, started by us in our temp dir, may still run). Usage: stop_leftover_postgres <data-dir>
stop_leftover_postgres() {
  local data="$1/postgres" pgpid
  [ -f "$data/postmaster.pid" ] || return 0
  pgpid=$(head -1 "$data/postmaster.pid")
  if [ -n "$pgpid" ] && kill -0 "$pgpid" 2>/dev/null && grep -q "$data" "/proc/$pgpid/cmdline" 2>/dev/null; then
    echo "[bench] stopping leftover PostgreSQL $pgpid" >&2
    stop_pid "$pgpid" 15
  fi
}

# Bounds the whole run: after <seconds> the script is signalled and its EXIT trap stops everything. Sets WATCHDOG_PID.
# Usage: start_watchdog <seconds> <name>
start_watchdog() {
  local seconds=$1 name=$2 script=$$
  ( sleep "$seconds"; echo "[$name] time limit of ${seconds}s reached, stopping" >&2; kill -TERM "$script" 2>/dev/null ) &
  WATCHDOG_PID=$!
}

# The EXIT trap of a run that started the app jar: stops the watchdog, then the processes named by the variables
# given, each as NAME:seconds of grace (in that order; an unset or empty one is skipped), the embedded PostgreSQL
# a killed app may have left in $WORK/data, and removes $WORK unless BENCH_KEEP_WORK=1 or the run failed.
# Exits with the run's status. Usage: trap 'finish_run NODE_PID:5 APP_PID:30' EXIT
finish_run() {
  local rc=$? spec name
  trap - EXIT INT TERM
  [ -n "${WATCHDOG_PID:-}" ] && kill "$WATCHDOG_PID" 2>/dev/null || true
  for spec in "$@"; do
    name=${spec%%:*}
    stop_pid "${!name:-}" "${spec##*:}"
  done
  stop_leftover_postgres "$WORK/data"
  if [ "${BENCH_KEEP_WORK:-0}" = 1 ] || [ $rc -ne 0 ]; then
    echo "[bench] work dir kept: $WORK" >&2
  else
    rm -rf "$WORK"
  fi
  exit $rc
}

# Starts the app jar on a free loopback port with its embedded PostgreSQL in <work>/data, log in <work>/app.log, and
# waits (up to 120 s) until it serves. Sets APP_PID and APP_URL; fails the script if the app exits or does not start.
# Usage: start_app_jar <java> <jar> <work>
start_app_jar() {
  local java=$1 jar=$2 work=$3 port
  TASKSTREAM_DATA_DIR="$work/data" SERVER_PORT=0 SERVER_ADDRESS=127.0.0.1 "$java" -jar "$jar" >"$work/app.log" 2>&1 &
  APP_PID=$!
  for _ in $(seq 1200); do
    grep -qE 'Started TaskstreamApplication' "$work/app.log" 2>/dev/null && break
    kill -0 "$APP_PID" 2>/dev/null || { tail -50 "$work/app.log" >&2; echo "[bench] ERROR: the app exited" >&2; exit 1; }
    sleep 0.1
  done
  grep -qE 'Started TaskstreamApplication' "$work/app.log" \
    || { tail -50 "$work/app.log" >&2; echo "[bench] ERROR: the app did not start in 120 s" >&2; exit 1; }
  port=$(grep -oE 'Tomcat started on port [0-9]+' "$work/app.log" | head -1 | grep -oE '[0-9]+$')
  APP_URL="http://127.0.0.1:$port"
}

# The commit a run measures ("(modified)" when the working tree differs from it outside bench/results), for the line
# every run appends to its benchmark's history, bench/results/<benchmark>-history.tsv.
if BENCH_COMMIT="$(git -C "$BENCH_LIB_ROOT" rev-parse --short HEAD 2>/dev/null)"; then
  git -C "$BENCH_LIB_ROOT" diff --quiet HEAD -- . ':!bench/results' 2>/dev/null || BENCH_COMMIT="$BENCH_COMMIT (modified)"
else
  BENCH_COMMIT='?'
fi
export BENCH_COMMIT

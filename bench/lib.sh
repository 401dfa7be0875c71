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

# The commit a run measures ("(modified)" when the working tree differs from it outside bench/results), for the line
# every run appends to its benchmark's history, bench/results/<benchmark>-history.tsv.
if BENCH_COMMIT="$(git -C "$BENCH_LIB_ROOT" rev-parse --short HEAD 2>/dev/null)"; then
  git -C "$BENCH_LIB_ROOT" diff --quiet HEAD -- . ':!bench/results' 2>/dev/null || BENCH_COMMIT="$BENCH_COMMIT (modified)"
else
  BENCH_COMMIT='?'
fi
export BENCH_COMMIT

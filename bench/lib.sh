# Shared helpers of the benchmark scripts.
select_jdk() {
  local ok='version "(2[1-9]|[3-9][0-9])'
  if [ -n "${JAVA_HOME:-}" ] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE "$ok"; then return; fi
  for d in /usr/lib/jvm/*; do
    if [ -x "$d/bin/java" ] && "$d/bin/java" -version 2>&1 | grep -qE "$ok"; then export JAVA_HOME="$d"; fi
  done
  [ -n "${JAVA_HOME:-}" ] || { echo "need a JDK 21+" >&2; exit 1; }
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

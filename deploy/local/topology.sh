#!/usr/bin/env bash
# Taskstream's production topology on one machine, without Docker: a Kafka broker (KRaft, from Maven Central
# jars), PostgreSQL (the embedded server as a process of its own) and each role as its own JVM of
# app/target/taskstream.jar, all on loopback. See deploy/local/README.md.
#
#   topology.sh up                 start everything that is not running, wait until every process is ready
#   topology.sh down               stop everything (SIGTERM, wait; SIGKILL only after TOPOLOGY_STOP_TIMEOUT)
#   topology.sh status             one line per process: name, pid, port, state
#   topology.sh start|stop NAME    one process (a role such as recurrence or reminders-2, kafka, postgres)
#   topology.sh kill NAME          SIGKILL one process, as a crash would
#   topology.sh env                the addresses, as shell variables (also in $TOPOLOGY_WORK/topology.env)
#
# Settings (environment): TOPOLOGY_WORK (default deploy/local/work), TOPOLOGY_PORT_BASE (18080),
# TOPOLOGY_REMINDERS (reminders processes, 1..5; default 1), TOPOLOGY_JAVA_OPTS (JVM flags of the roles),
# TOPOLOGY_KAFKA_OPTS, TOPOLOGY_KAFKA_CLASSPATH (broker jars; default: resolved with ./mvnw into the work
# dir), TOPOLOGY_JAR, TOPOLOGY_READY_TIMEOUT (s, default 240), TOPOLOGY_STOP_TIMEOUT (s, default 30),
# TOPOLOGY_WATCH_PID (stop everything when that process exits: for test harnesses). Every other variable
# (e.g. TASKSTREAM_*) is passed on to the roles.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="${TOPOLOGY_WORK:-$HERE/work}"
JAR="${TOPOLOGY_JAR:-$ROOT/app/target/taskstream.jar}"
BASE="${TOPOLOGY_PORT_BASE:-18080}"
REMINDERS="${TOPOLOGY_REMINDERS:-1}"
ROLE_OPTS="${TOPOLOGY_JAVA_OPTS:--XX:TieredStopAtLevel=1 -Xshare:auto -XX:+UseSerialGC -Xss512k -Xms64m -Xmx256m}"
KAFKA_OPTS="${TOPOLOGY_KAFKA_OPTS:--XX:TieredStopAtLevel=1 -Xshare:auto -XX:+UseSerialGC -Xms128m -Xmx384m}"
READY_TIMEOUT="${TOPOLOGY_READY_TIMEOUT:-240}"
STOP_TIMEOUT="${TOPOLOGY_STOP_TIMEOUT:-30}"

PG_PORT=$((BASE + 10))
KAFKA_PORT=$((BASE + 11))
CONTROLLER_PORT=$((BASE + 12))

die() { echo "topology: $*" >&2; exit 1; }

[[ "$REMINDERS" =~ ^[1-5]$ ]] || die "TOPOLOGY_REMINDERS must be 1 to 5"

# The JDK 21+ that .mvn/find-jdk.sh picks, as ./mvnw does.
select_jdk() {
  JAVA_HOME="$(sh "$ROOT/.mvn/find-jdk.sh")" || exit 1
  export JAVA_HOME
}

# The roles' processes in start order; "reminders-2".. when TOPOLOGY_REMINDERS > 1.
roles() {
  echo api recurrence notifier audit reminders
  local i
  for ((i = 2; i <= REMINDERS; i++)); do echo "reminders-$i"; done
}

port_of() {
  case "$1" in
    api) echo "$BASE" ;;
    recurrence) echo $((BASE + 1)) ;;
    notifier) echo $((BASE + 2)) ;;
    audit) echo $((BASE + 3)) ;;
    reminders) echo $((BASE + 4)) ;;
    reminders-[2-5]) echo $((BASE + 3 + ${1#reminders-})) ;;
    postgres) echo "$PG_PORT" ;;
    kafka) echo "$KAFKA_PORT" ;;
    *) die "unknown process '$1' (api, recurrence, notifier, audit, reminders, reminders-2..5, kafka, postgres)" ;;
  esac
}

pid_of() { [ -f "$WORK/$1.pid" ] && cat "$WORK/$1.pid" || true; }

# Whether the pid is a live process (an exited one not yet reaped by init is a zombie: not alive).
running() {
  [ -n "$1" ] && kill -0 "$1" 2>/dev/null && ! grep -qE '^[0-9]+ \(.*\) Z' "/proc/$1/stat" 2>/dev/null
}

alive() { running "$(pid_of "$1")"; }

write_env() {
  mkdir -p "$WORK"
  {
    echo "TOPOLOGY_API=http://127.0.0.1:$BASE"
    echo "TOPOLOGY_DATABASE_URL=jdbc:postgresql://localhost:$PG_PORT/postgres"
    echo "TOPOLOGY_DATABASE_USER=postgres"
    echo "TOPOLOGY_KAFKA=127.0.0.1:$KAFKA_PORT"
    local name
    for name in $(roles); do echo "TOPOLOGY_PORT_$(echo "${name//-/_}" | tr a-z A-Z)=$(port_of "$name")"; done
  } > "$WORK/topology.env"
}

kafka_classpath() {
  if [ -n "${TOPOLOGY_KAFKA_CLASSPATH:-}" ]; then
    echo "$TOPOLOGY_KAFKA_CLASSPATH"
    return
  fi
  if ! ls "$WORK/kafka-libs/"kafka_2.13-*.jar >/dev/null 2>&1; then
    echo "topology: resolving the Kafka broker's jars from Maven Central into $WORK/kafka-libs" >&2
    "$ROOT/mvnw" -B -q -ntp -f "$HERE/kafka/pom.xml" dependency:copy-dependencies \
      -DincludeScope=runtime -DoutputDirectory="$WORK/kafka-libs" >&2
  fi
  echo "$WORK/kafka-libs/*"
}

# Starts a command in its own session (so a Ctrl-C in the caller's terminal does not reach it) with its
# output in $WORK/<name>.log; records its pid.
launch() {
  local name="$1"
  shift
  : > "$WORK/$name.log"
  setsid "$@" >> "$WORK/$name.log" 2>&1 < /dev/null &
  echo $! > "$WORK/$name.pid"
}

start_postgres() {
  alive postgres && return
  mkdir -p "$WORK/postgres"
  launch postgres "$JAVA_HOME/bin/java" -Xmx64m -XX:TieredStopAtLevel=1 -Xshare:auto -XX:+UseSerialGC -cp "$JAR" \
    -Dloader.main=io.taskstream.platform.db.StandalonePostgres org.springframework.boot.loader.launch.PropertiesLauncher \
    "$WORK/postgres" "$PG_PORT"
}

start_kafka() {
  alive kafka && return
  local dir="$WORK/kafka" cp
  cp="$(kafka_classpath)"
  mkdir -p "$dir"
  cat > "$dir/server.properties" <<EOF
process.roles=broker,controller
node.id=1
controller.quorum.voters=1@127.0.0.1:$CONTROLLER_PORT
listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT,CONTROLLER://127.0.0.1:$CONTROLLER_PORT
advertised.listeners=PLAINTEXT://127.0.0.1:$KAFKA_PORT
controller.listener.names=CONTROLLER
listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
inter.broker.listener.name=PLAINTEXT
log.dirs=$dir/data
num.partitions=3
offsets.topic.replication.factor=1
offsets.topic.num.partitions=3
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
group.initial.rebalance.delay.ms=0
auto.create.topics.enable=true
EOF
  cat > "$dir/logback.xml" <<'EOF'
<configuration>
  <appender name="OUT" class="ch.qos.logback.core.ConsoleAppender">
    <encoder><pattern>%d %-5level [%thread] %logger{36} - %msg%n</pattern></encoder>
  </appender>
  <root level="WARN"><appender-ref ref="OUT"/></root>
  <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
</configuration>
EOF
  if [ ! -f "$dir/data/meta.properties" ]; then
    # A KRaft cluster id is 16 random bytes, base64url without padding; one in 64 starts with '-', which the
    # format tool takes for an option (Kafka's own Uuid.randomUuid() draws again in that case; so do we).
    local cluster="-"
    while [ "${cluster#-}" != "$cluster" ]; do
      cluster="$(head -c 16 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')"
    done
    "$JAVA_HOME/bin/java" $KAFKA_OPTS -Dlogback.configurationFile="$dir/logback.xml" -cp "$cp" \
      kafka.tools.StorageTool format -t "$cluster" -c "$dir/server.properties" > "$dir/format.log" 2>&1 \
      || die "could not format Kafka's storage; see $dir/format.log"
  fi
  launch kafka "$JAVA_HOME/bin/java" $KAFKA_OPTS -Dlogback.configurationFile="$dir/logback.xml" -cp "$cp" \
    kafka.Kafka "$dir/server.properties"
}

start_role() {
  local name="$1" port role
  alive "$name" && return
  port="$(port_of "$name")"
  role="${name%%-*}"
  # audit writes nothing to the outbox: its relay would only poll, and while it holds the relay lock a woken
  # relay of another process skips its round and waits a whole poll interval.
  local relay=true
  [ "$role" = audit ] && relay=false
  mkdir -p "$WORK/data/$name"
  # shellcheck disable=SC2086
  SERVER_PORT="$port" SERVER_ADDRESS=127.0.0.1 \
    TASKSTREAM_ROLES="$role" \
    TASKSTREAM_DATA_DIR="$WORK/data/$name" \
    TASKSTREAM_EVENTS_TRANSPORT=kafka \
    TASKSTREAM_EVENTS_RELAY_ENABLED="${TASKSTREAM_EVENTS_RELAY_ENABLED:-$relay}" \
    KAFKA_BOOTSTRAP_SERVERS="127.0.0.1:$KAFKA_PORT" \
    SPRING_DATASOURCE_URL="jdbc:postgresql://localhost:$PG_PORT/postgres" \
    SPRING_DATASOURCE_USERNAME=postgres \
    TASKSTREAM_JWT_SECRET="$(cat "$WORK/jwt-secret")" \
    MANAGEMENT_METRICS_TAGS_INSTANCE="$name" \
    launch "$name" "$JAVA_HOME/bin/java" $ROLE_OPTS -jar "$JAR"
}

# Waits until the process is ready: a role's readiness probe answers 200, Kafka and PostgreSQL log it.
await_ready() {
  local name="$1" deadline=$((SECONDS + READY_TIMEOUT))
  while ((SECONDS < deadline)); do
    alive "$name" || { tail -n 30 "$WORK/$name.log" >&2; die "$name exited while starting; see $WORK/$name.log"; }
    case "$name" in
      postgres) grep -q "PostgreSQL ready" "$WORK/postgres.log" && return ;;
      kafka) grep -q "Kafka Server started" "$WORK/kafka.log" && return ;;
      *) curl -sf -o /dev/null "http://127.0.0.1:$(port_of "$name")/actuator/health/readiness" && return ;;
    esac
    sleep 0.5
  done
  die "$name was not ready after ${READY_TIMEOUT}s; see $WORK/$name.log"
}

# SIGTERM (graceful: consumers stop, the relay finishes its round), then SIGKILL after the timeout.
stop_one() {
  local name="$1" pid deadline
  pid="$(pid_of "$name")"
  if running "$pid"; then
    kill -TERM "$pid" 2>/dev/null || true
    deadline=$((SECONDS + STOP_TIMEOUT))
    while running "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
    if running "$pid"; then
      echo "topology: $name did not stop in ${STOP_TIMEOUT}s; killing it" >&2
      kill -KILL "$pid" 2>/dev/null || true
    fi
  fi
  rm -f "$WORK/$name.pid"
  if [ "$name" = postgres ]; then stop_orphaned_postgres; fi
}

# If the launcher JVM was killed (SIGKILL), the server it started lives on: stop it by its own pid file.
stop_orphaned_postgres() {
  local pm="$WORK/postgres/postmaster.pid" pid
  [ -f "$pm" ] || return 0
  pid="$(head -n 1 "$pm")"
  if running "$pid" && grep -q postgres "/proc/$pid/cmdline" 2>/dev/null; then
    kill -INT "$pid" 2>/dev/null || true # fast shutdown
    local deadline=$((SECONDS + STOP_TIMEOUT))
    while running "$pid" && ((SECONDS < deadline)); do sleep 0.2; done
  fi
}

watch_owner() {
  local owner="$1"
  (
    trap '' HUP INT
    while running "$owner"; do sleep 1; done
    rm -f "$WORK/watchdog.pid"
    "$HERE/topology.sh" down > "$WORK/watchdog.log" 2>&1
  ) < /dev/null > /dev/null 2>&1 &
  echo $! > "$WORK/watchdog.pid"
}

up() {
  select_jdk
  [ -f "$JAR" ] || die "no $JAR: build it with ./mvnw -DskipTests package"
  command -v curl > /dev/null || die "needs curl"
  mkdir -p "$WORK"
  write_env
  [ -s "$WORK/jwt-secret" ] || head -c 48 /dev/urandom | base64 | tr -d '\n' > "$WORK/jwt-secret"
  if [ -n "${TOPOLOGY_WATCH_PID:-}" ]; then watch_owner "$TOPOLOGY_WATCH_PID"; fi
  local started=$SECONDS name
  start_postgres
  start_kafka
  await_ready postgres
  await_ready kafka
  # Roles start together; Flyway's lock makes the first one migrate and the others wait for it.
  for name in $(roles); do start_role "$name"; done
  for name in $(roles); do await_ready "$name"; done
  echo "topology: up in $((SECONDS - started))s; API at http://127.0.0.1:$BASE"
  status
}

down() {
  local name
  if [ -f "$WORK/watchdog.pid" ]; then
    kill "$(cat "$WORK/watchdog.pid")" 2>/dev/null || true
    rm -f "$WORK/watchdog.pid"
  fi
  # Every role's pid file, including reminders-N started with a larger TOPOLOGY_REMINDERS than now.
  for name in $( (roles; ls "$WORK" 2>/dev/null | sed -n 's/^\(reminders-[0-9]\)\.pid$/\1/p') | sort -u); do
    stop_one "$name" &
  done
  wait
  stop_one kafka
  stop_one postgres
  echo "topology: down"
}

status() {
  local name pid state
  for name in postgres kafka $(roles); do
    pid="$(pid_of "$name")"
    if alive "$name"; then state=running; else state=stopped; pid="-"; fi
    printf '%-12s %-8s %-6s %s\n' "$name" "$pid" "$(port_of "$name")" "$state"
  done
}

command="${1:-}"
case "$command" in
  up) up ;;
  down) down ;;
  status) status ;;
  env) write_env; cat "$WORK/topology.env" ;;
  start)
    [ -n "${2:-}" ] || die "usage: topology.sh start NAME"
    select_jdk
    case "$2" in
      postgres) start_postgres ;;
      kafka) start_kafka ;;
      *) port_of "$2" > /dev/null; start_role "$2" ;;
    esac
    await_ready "$2"
    ;;
  stop)
    [ -n "${2:-}" ] || die "usage: topology.sh stop NAME"
    port_of "$2" > /dev/null
    stop_one "$2"
    ;;
  kill)
    [ -n "${2:-}" ] || die "usage: topology.sh kill NAME"
    port_of "$2" > /dev/null
    pid="$(pid_of "$2")"
    running "$pid" || die "$2 is not running"
    kill -KILL "$pid"
    while running "$pid"; do sleep 0.05; done
    rm -f "$WORK/$2.pid"
    ;;
  *) sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac

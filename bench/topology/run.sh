#!/usr/bin/env bash
# Topology benchmark: the roles as separate processes (deploy/local/topology.sh: Kafka, PostgreSQL, api,
# recurrence, notifier, audit and two reminders processes) against all roles in one JVM, same run.
# Measures complete → next occurrence readable via api (p50/p99 over N completions) and reminder lateness.
# Usage: bench/topology/run.sh [completions=1000] [reminders=300]
# Output: bench/results/topology-<date>.{md,json} and one line appended to bench/results/topology-history.tsv.
# Knobs: BENCH_JAVA_OPTS (JVM flags of every app process), BENCH_KEEP_WORK=1 (keep logs under bench/work/).
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
select_jdk

work="$PWD/bench/work/topology-$(date +%s)"
cleanup() {
  # The bench stops what it started; this catches a Ctrl-C or a crash of the bench JVM.
  [ -d "$work/topology" ] && TOPOLOGY_WORK="$work/topology" deploy/local/topology.sh down > /dev/null 2>&1 || true
  [ "${BENCH_KEEP_WORK:-0}" = 1 ] || rm -rf "$work"
}
trap cleanup EXIT

[ -f app/target/taskstream.jar ] || ./mvnw -B -q -DskipTests package
./mvnw -B -q -DskipWeb -pl app test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile="$PWD/app/target/bench-classpath.txt"
mkdir -p "$work"
"$JAVA_HOME/bin/java" -Dlogback.configurationFile="$PWD/bench/events/logback-bench.xml" \
  -cp "app/target/test-classes:$(cat app/target/bench-classpath.txt)" \
  bench/topology/TopologyBench.java "$PWD" app/target/taskstream.jar bench/results "$work" "${1:-1000}" "${2:-300}"

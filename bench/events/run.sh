#!/usr/bin/env bash
# Event backbone benchmark: commit → Kafka → audit row latency vs Kafka's own round trip, and relay
# throughput. Starts a Kafka broker (KRaft, child JVM) and the app jar on loopback; stops both at the end.
# Usage: [BENCH_LABEL=name] [BENCH_WARMUP=changes] [BENCH_PAUSE=seconds] bench/events/run.sh [changes=10000] [rate/s=500] [backlog=20000]
# (the label names the results file: bench/results/events-<date>-<label>.md; events-latest.json is replaced and one
# line per run is appended to bench/results/events-history.tsv)
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
select_jdk

./mvnw -B -q -DskipTests package
./mvnw -B -q -pl app test-compile dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile="$PWD/app/target/bench-classpath.txt"
cd app
exec "$JAVA_HOME/bin/java" -Dlogback.configurationFile=../bench/events/logback-bench.xml -cp "target/test-classes:$(cat target/bench-classpath.txt)" \
  ../bench/events/EventsBench.java target/taskstream.jar ../bench/results "${1:-10000}" "${2:-500}" "${3:-20000}"

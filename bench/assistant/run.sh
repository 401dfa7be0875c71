#!/usr/bin/env bash
# Assistant benchmark: offline parse throughput/p99 and offline chat round-trip p99 over HTTP on the
# embedded PostgreSQL, each against a baseline measured in the same run. Not part of `mvnw verify`.
# Writes bench/results/assistant-<date>.md and .json and appends one line to bench/results/assistant-history.tsv.
# Usage: bench/assistant/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
source bench/lib.sh
select_jdk

./mvnw -B -q -pl app -am package -DskipTests
./mvnw -B -q -pl app dependency:build-classpath -Dmdep.outputFile=../bench/work/classpath.txt -Dmdep.includeScope=runtime

cases=../shared/assistant/parser-cases.json
[ -f "$cases" ] || cases=app/src/test/resources/assistant/parser-cases.json
mkdir -p bench/work bench/results
java -Xmx1g -cp "app/target/classes:$(cat bench/work/classpath.txt)" bench/assistant/AssistantBench.java \
  "$cases" bench/work bench/results
rm -rf bench/work/data-*

#!/usr/bin/env bash
# Builds (without tests) and starts Taskstream with embedded defaults at http://localhost:${SERVER_PORT:-8080}.
# Everything after the script name is passed to the application, e.g. ./run.sh --server.port=9090
# Builds and runs with the JDK 21+ that .mvn/find-jdk.sh picks (as ./mvnw does), whatever `java` the PATH has.
set -euo pipefail
cd "$(dirname "$0")"

JAVA_HOME="$(sh .mvn/find-jdk.sh)" || exit 1
export JAVA_HOME

./mvnw -B -q -DskipTests package
exec "$JAVA_HOME/bin/java" -jar app/target/taskstream.jar "$@"

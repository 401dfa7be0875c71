#!/usr/bin/env bash
# Builds (without tests) and starts Taskstream with embedded defaults at http://localhost:${SERVER_PORT:-8080}.
# Everything after the script name is passed to the application, e.g. ./run.sh --server.port=9090
set -euo pipefail
cd "$(dirname "$0")"

java_ok() { "$1" -version 2>&1 | grep -qE 'version "(2[1-9]|[3-9][0-9])'; }

if [ -n "${JAVA_HOME:-}" ] && java_ok "$JAVA_HOME/bin/java"; then
  :
elif command -v java >/dev/null && java_ok java; then
  JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")"
else
  JAVA_HOME="$(for d in /usr/lib/jvm/*; do [ -x "$d/bin/java" ] && java_ok "$d/bin/java" && echo "$d"; done | sort -V | tail -n 1)"
fi
if [ -z "${JAVA_HOME:-}" ]; then
  echo "Taskstream needs a JDK 21 or newer: set JAVA_HOME to one." >&2
  exit 1
fi
export JAVA_HOME

./mvnw -B -q -DskipTests package
exec "$JAVA_HOME/bin/java" -jar app/target/taskstream.jar "$@"

#!/bin/sh
# The chart's smoke test (`helm test`, run by deploy.sh and rollback.sh after every change): signs up a fresh user,
# creates a task and waits until the audit role has recorded it (api → outbox → event transport → audit).
#
#   TASKSTREAM_URL=http://taskstream-api:80 ATTEMPTS=30 [INTERVAL=2] sh smoke-test.sh
#
# Exits 0 once the task's history has an entry; 1 when the api cannot be reached or answers unexpectedly, or when no
# audit entry appears within ATTEMPTS tries INTERVAL seconds apart. POSIX sh and curl only: the chart runs it in a
# curl image (busybox sh) from its ConfigMap `<release>-smoke-test`, key `smoke-test.sh`.
set -eu
base="${TASKSTREAM_URL:?TASKSTREAM_URL must name the api, e.g. http://taskstream-api:80}"
attempts="${ATTEMPTS:-30}"
email="smoke-$(date +%s)-$$@example.com"
json() { sed -n "s/.*\"$1\":\"\{0,1\}\([^\",}]*\).*/\1/p"; }

echo "signing up $email at $base"
signup=$(curl -fsS -X POST "$base/api/auth/signup" -H 'Content-Type: application/json' \
  -d "{\"email\":\"$email\",\"password\":\"smoke-$(date +%s)-$$-pass\",\"name\":\"Smoke test\",\"timeZone\":\"UTC\"}") \
  || { echo "cannot sign up at $base (curl exit $?): is the api running, ready and reachable there?"; exit 1; }
user=$(echo "$signup" | json userId)
token=$(echo "$signup" | json token)
[ -n "$user" ] && [ -n "$token" ] || { echo "sign-up answered without userId/token: $signup"; exit 1; }

task=$(curl -fsS -X POST "$base/api/$user/tasks" -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/json' -d '{"title":"helm test","priority":"low"}') \
  || { echo "cannot create a task at $base (curl exit $?)"; exit 1; }
id=$(echo "$task" | json id)
[ -n "$id" ] || { echo "task creation answered without id: $task"; exit 1; }
echo "created task $id"

i=0
while [ "$i" -lt "$attempts" ]; do
  i=$((i + 1))
  if history=$(curl -fsS "$base/api/$user/tasks/$id/history" -H "Authorization: Bearer $token"); then
    case "$history" in
      *'"'*) echo "audit history: $history"; exit 0 ;;
    esac
  fi
  echo "no history yet (attempt $i/$attempts)"
  sleep "${INTERVAL:-2}"
done
echo "task $id got no audit entry: is the audit role running and the event transport connected?"
exit 1

#!/usr/bin/env bash
# Rolls Taskstream back in one environment and runs the chart's smoke test on the result.
#
#   rollback.sh --environment <name> [--revision <n>] [--namespace <ns>] [--release <name>] [--timeout <duration>]
#
# Without --revision it goes back to the newest revision before the deployed one that was itself deployed
# successfully once (status "superseded" in `helm history`). The namespace defaults to taskstream-<environment>,
# the release to taskstream, the timeout to 10m. Exits 1 when there is nothing to go back to, when Helm fails,
# or when the smoke test fails after the rollback. The rollback workflow runs this same script.
set -euo pipefail

usage() {
  echo "usage: $0 --environment <name> [--revision <n>] [--namespace <ns>] [--release <name>] [--timeout <duration>]" >&2
  exit 2
}

environment="" revision="" namespace="" release=taskstream timeout=10m
while [ $# -gt 0 ]; do
  case "$1" in
    --environment|--revision|--namespace|--release|--timeout)
      [ $# -ge 2 ] || usage
      declare "${1#--}=$2"
      shift 2 ;;
    *) usage ;;
  esac
done
[ -n "$environment" ] || usage
[[ "$environment" =~ ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$ ]] || { echo "bad environment name: $environment" >&2; usage; }
[ -z "$revision" ] || [[ "$revision" =~ ^[1-9][0-9]*$ ]] || { echo "bad revision: $revision" >&2; usage; }
namespace="${namespace:-taskstream-$environment}"

# One "<revision> <status>" line per revision, oldest first.
history="$(helm history "$release" --namespace "$namespace" --max 50 --output json)"
revisions="$(printf '%s' "$history" | tr '{' '\n' \
  | sed -n 's/.*"revision":\([0-9][0-9]*\).*"status":"\([a-z-]*\)".*/\1 \2/p')"
current="$(printf '%s\n' "$revisions" | awk '$2 == "deployed" { r = $1 } END { print r }')"
[ -n "$current" ] || { echo "$release has no deployed revision in $namespace" >&2; exit 1; }

if [ -z "$revision" ]; then
  revision="$(printf '%s\n' "$revisions" | awk -v c="$current" '$2 == "superseded" && $1 < c { r = $1 } END { print r }')"
  [ -n "$revision" ] || { echo "$release has no earlier good revision than $current in $namespace" >&2; exit 1; }
elif ! printf '%s\n' "$revisions" | awk -v r="$revision" '$1 == r { found = 1 } END { exit !found }'; then
  echo "$release has no revision $revision in $namespace (kept: $(printf '%s\n' "$revisions" | awk '{ printf "%s ", $1 }'))" >&2
  exit 1
fi
[ "$revision" != "$current" ] || { echo "revision $revision is already deployed in $namespace" >&2; exit 1; }

echo "rolling $release in $namespace back from revision $current to $revision"
helm rollback "$release" "$revision" --namespace "$namespace" --wait --timeout "$timeout"
echo "running the smoke test on revision $revision"
helm test "$release" --namespace "$namespace" --timeout "$timeout" --logs
echo "$release in $namespace is back on the release of revision $revision, and its smoke test passed"

#!/usr/bin/env bash
# Installs or upgrades Taskstream in one environment, then runs the chart's smoke test (`helm test`).
#
#   deploy.sh --environment <name> --chart <chart> --version <chart version>
#             [--namespace <ns>] [--release <name>] [--timeout <duration>] [-- <more helm upgrade args>]
#
# <chart> is anything `helm upgrade` takes: oci://ghcr.io/<owner>/charts/taskstream, or deploy/helm/taskstream.
# The namespace defaults to taskstream-<environment>, the release to taskstream, the timeout to 10m.
# An upgrade that does not become ready within the timeout is rolled back by Helm itself
# (--rollback-on-failure on Helm 4, --atomic on Helm 3). An upgrade that is ready but fails its smoke test is
# rolled back here to the revision that was deployed before; the script then exits 1. A first install that
# fails its smoke test has nothing to go back to: it is left in place for inspection, and the script exits 1.
# Blue-green api groups (the chart's rollout.enabled, Argo Rollouts): Helm is done once the Rollout is updated, so the
# script then waits, within the same timeout, for each Rollout of the release to be promoted and Healthy (after its
# analysis; with autoPromotionEnabled=false, after `kubectl argo rollouts promote`). An aborted Rollout (Degraded: the
# analysis failed and the old pods kept the traffic) or one still unpromoted at the timeout is rolled back like a
# failed smoke test, so that the release again describes what runs.
set -euo pipefail

usage() {
  echo "usage: $0 --environment <name> --chart <chart> --version <chart version>" \
    "[--namespace <ns>] [--release <name>] [--timeout <duration>] [-- <helm upgrade args>]" >&2
  exit 2
}

environment="" chart="" version="" namespace="" release=taskstream timeout=10m
extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --environment|--chart|--version|--namespace|--release|--timeout)
      [ $# -ge 2 ] && [ -n "$2" ] || usage
      declare "${1#--}=$2"
      shift 2 ;;
    --) shift; extra=("$@"); break ;;
    *) usage ;;
  esac
done
[ -n "$environment" ] && [ -n "$chart" ] && [ -n "$version" ] || usage
[[ "$environment" =~ ^[a-z0-9]([-a-z0-9]*[a-z0-9])?$ ]] || { echo "bad environment name: $environment" >&2; usage; }
namespace="${namespace:-taskstream-$environment}"

# The revision currently deployed (status "deployed" in `helm history`), or nothing on a first install.
deployed_revision() {
  local history
  history="$(helm history "$release" --namespace "$namespace" --max 20 --output json 2>/dev/null)" || return 0
  printf '%s' "$history" | tr '{' '\n' | grep '"status":"deployed"' \
    | sed -n 's/.*"revision":\([0-9][0-9]*\).*/\1/p' | tail -n 1
}

case "$(helm version --short)" in
  v3.*) rollback_flag=--atomic ;;
  *) rollback_flag=--rollback-on-failure ;;
esac

previous="$(deployed_revision)"
echo "deploying $chart $version as $release to $namespace (${previous:+revision $previous deployed now}${previous:-first install})"

helm upgrade "$release" "$chart" --install --version "$version" --namespace "$namespace" --create-namespace \
  --wait "$rollback_flag" --timeout "$timeout" --history-max 10 ${extra[@]+"${extra[@]}"}

current="$(deployed_revision)"

# Rolls back to the revision deployed before and exits 1; on a first install there is none, and it only exits 1.
fail_and_roll_back() {
  if [ -z "$previous" ]; then
    echo "$1 on the first install of $release in $namespace: nothing to roll back to" >&2
    exit 1
  fi
  echo "$1: rolling $release in $namespace back from revision $current to $previous" >&2
  helm rollback "$release" "$previous" --namespace "$namespace" --wait --timeout "$timeout"
  echo "rolled back to revision $previous; revision $current ($version) failed: $1" >&2
  exit 1
}

# No Argo Rollouts CRD, or no Rollout in the release: nothing more to wait for.
rollouts="$(kubectl get rollouts.argoproj.io --namespace "$namespace" --selector "app.kubernetes.io/instance=$release" \
  --output name 2>/dev/null)" || rollouts=""
if [ -n "$rollouts" ] && ! kubectl argo rollouts version >/dev/null 2>&1; then
  fail_and_roll_back "the release has blue-green rollouts, but kubectl has no argo rollouts plugin to follow them"
fi
for rollout in $rollouts; do
  name="${rollout#*/}"
  echo "waiting for the blue-green rollout $name to be promoted (kubectl argo rollouts promote $name -n $namespace)"
  kubectl argo rollouts status "$name" --namespace "$namespace" --timeout "$timeout" \
    || fail_and_roll_back "rollout $name was aborted or not promoted in time"
done

echo "revision $current is ready; running the smoke test"
if helm test "$release" --namespace "$namespace" --timeout "$timeout" --logs; then
  echo "smoke test passed: $release revision $current ($version) is live in $namespace"
  exit 0
fi
fail_and_roll_back "smoke test failed"

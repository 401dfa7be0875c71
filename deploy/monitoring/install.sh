#!/usr/bin/env bash
# Installs or upgrades the monitoring stack Taskstream's dashboards, alerts, logs and traces need, with the chart
# versions pinned in stack/charts.txt and the values files in stack/:
#   kube-prometheus-stack (Prometheus 7 d, Alertmanager, Grafana), Jaeger, the OpenTelemetry Collector, and for logs
#   Loki + Grafana Alloy (default) or Elasticsearch/Kibana (ECK) + Fluent Bit (--logs elk).
#
#   deploy/monitoring/install.sh [--namespace monitoring] [--logs loki|elk] [--only <component>] [--dry-run]
#
# --only installs one component (a first column of stack/charts.txt); --dry-run is passed to `helm upgrade`.
# Needs helm 3 and a kube context; installs into one namespace (default monitoring, created if missing).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
stack="$here/stack"
charts="$stack/charts.txt"
namespace=monitoring
logs=loki
only=""
dry_run=()

usage() {
  sed -n '2,9p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
}

while [ $# -gt 0 ]; do
  case "$1" in
    --dry-run) dry_run=(--dry-run); shift ;;
    --only) only="${2:?--only needs a component}"; shift 2 ;;
    --logs) logs="${2:?--logs needs loki or elk}"; shift 2 ;;
    -n|--namespace) namespace="${2:?--namespace needs a name}"; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) echo "install.sh: unknown argument $1" >&2; usage >&2; exit 2 ;;
  esac
done
case "$logs" in
  loki|elk) ;;
  *) echo "install.sh: --logs is loki or elk, not $logs" >&2; exit 2 ;;
esac

# The components to install, in the file's order: component set repo-name repo-url chart version.
selected=()
known=()
while read -r component set repo url chart version; do
  case "$component" in ''|'#'*) continue ;; esac
  known+=("$component")
  if [ -n "$only" ]; then
    [ "$component" = "$only" ] || continue
  elif [ "$set" != default ] && [ "$set" != "$logs" ]; then
    continue
  fi
  if [ ! -f "$stack/$component.yaml" ]; then
    echo "install.sh: no values file $stack/$component.yaml" >&2
    exit 1
  fi
  selected+=("$component $repo $url $chart $version")
done < "$charts"

if [ ${#selected[@]} -eq 0 ]; then
  echo "install.sh: no component $only; known: ${known[*]}" >&2
  exit 2
fi

added=" "
for row in "${selected[@]}"; do
  read -r component repo url chart version <<<"$row"
  if [[ "$added" != *" $repo "* ]]; then
    helm repo add "$repo" "$url" --force-update
    added="$added$repo "
  fi
done
# shellcheck disable=SC2086 # the repository names are words
helm repo update $added

for row in "${selected[@]}"; do
  read -r component repo url chart version <<<"$row"
  echo "==> $component: $repo/$chart $version"
  helm upgrade --install "$component" "$repo/$chart" --version "$version" \
    --namespace "$namespace" --create-namespace -f "$stack/$component.yaml" ${dry_run[@]+"${dry_run[@]}"}
done

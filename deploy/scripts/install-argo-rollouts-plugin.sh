#!/usr/bin/env bash
# Installs the kubectl plugin of Argo Rollouts, which deploy.sh uses to wait for a blue-green release, at a pinned
# version whose SHA-256 is recorded here: a download that differs is refused and nothing is installed.
#   install-argo-rollouts-plugin.sh [DIR]   (default: ~/.local/bin; DIR must be on PATH for kubectl to find it)
set -euo pipefail

version="1.8.2"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform="linux-amd64"; pinned="b77e4d3d8e0b5d42aaac987a6f3d035c24efcf4f3cfd07f18285b76dbf5b9a53" ;;
  Linux-aarch64) platform="linux-arm64"; pinned="0d0db1db91dabc084543409a5a0f2aec015111685b33b16fc5acda59bf1be145" ;;
  *) echo "install-argo-rollouts-plugin: no pinned checksum for $(uname -s)-$(uname -m)" >&2; exit 2 ;;
esac
if [ $# -gt 1 ]; then
  echo "usage: install-argo-rollouts-plugin.sh [DIR]" >&2
  exit 2
fi
dir="${1:-$HOME/.local/bin}"
# Overridable for tests only; the pipeline uses the release's own address and the pinned checksum.
base="${ARGO_ROLLOUTS_DOWNLOAD_BASE:-https://github.com/argoproj/argo-rollouts/releases/download}"
sha256="${ARGO_ROLLOUTS_SHA256:-$pinned}"

download="$(mktemp)"
trap 'rm -f "$download"' EXIT
if ! curl -fsSL --retry 3 -o "$download" "$base/v$version/kubectl-argo-rollouts-$platform"; then
  echo "install-argo-rollouts-plugin: cannot download kubectl-argo-rollouts $version from $base" >&2
  exit 1
fi
if ! echo "$sha256  $download" | sha256sum --check --status -; then
  echo "install-argo-rollouts-plugin: kubectl-argo-rollouts $version ($platform) does not match its pinned SHA-256; not installed" >&2
  exit 1
fi
mkdir -p "$dir"
install -m 0755 "$download" "$dir/kubectl-argo-rollouts"
echo "kubectl-argo-rollouts $version installed in $dir"

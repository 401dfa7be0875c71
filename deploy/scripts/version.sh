#!/usr/bin/env bash
# Prints the version of a build, as key=value lines for $GITHUB_OUTPUT:
#
#   version.sh <git ref> [commit]        e.g. version.sh "$GITHUB_REF" "$GITHUB_SHA"
#
#   refs/tags/v1.4.2      version=1.4.2             image_tag=1.4.2        channel=release
#   refs/tags/v1.5.0-rc.1 version=1.5.0-rc.1        image_tag=1.5.0-rc.1   channel=release
#   refs/heads/main       version=0.0.0-sha-<short> image_tag=sha-<short>  channel=main
#
# version is the chart's version (SemVer, what `helm push` and `helm upgrade --version` take) and the
# image's org.opencontainers.image.version label; image_tag is the image's tag and the chart's appVersion.
# <short> is the commit's first 7 hex digits; the commit defaults to `git rev-parse HEAD`.
# Any other ref (another branch, a pull request, a tag that is not vX.Y.Z) is refused: exit 2.
set -euo pipefail

usage() {
  echo "usage: $0 <refs/tags/vX.Y.Z | refs/heads/main> [commit]" >&2
  exit 2
}

[ $# -ge 1 ] && [ $# -le 2 ] || usage
ref="$1"
commit="${2:-}"

semver='(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)\.(0|[1-9][0-9]*)(-[0-9A-Za-z-]+(\.[0-9A-Za-z-]+)*)?'
if [[ "$ref" =~ ^refs/tags/v($semver)$ ]]; then
  version="${BASH_REMATCH[1]}"
  printf 'version=%s\nimage_tag=%s\nchannel=release\n' "$version" "$version"
elif [ "$ref" = refs/heads/main ]; then
  [ -n "$commit" ] || commit="$(git rev-parse HEAD)"
  [[ "$commit" =~ ^[0-9a-f]{7,40}$ ]] || { echo "not a commit id: $commit" >&2; exit 2; }
  short="${commit:0:7}"
  printf 'version=0.0.0-sha-%s\nimage_tag=sha-%s\nchannel=main\n' "$short" "$short"
else
  echo "no version for $ref: only main and vX.Y.Z tags are built for release" >&2
  usage
fi

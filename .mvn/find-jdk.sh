#!/bin/sh
# Prints the home of the JDK 21+ that Taskstream builds and runs with; the only place that looks for one
# (docs/adr/037-finding-a-jdk.md). ./mvnw, run.sh, .ci/run, deploy/local/topology.sh and bench/lib.sh use it:
#
#   JAVA_HOME="$(sh .mvn/find-jdk.sh)" || exit 1
#
# In this order, the first JDK 21 or newer (java and javac present, `java -version` says 21+):
#   1. JAVA_HOME (an older or broken one is skipped with a note on stderr);
#   2. the `java` on the PATH;
#   3. the newest under TASKSTREAM_JDK_DIRS (colon-separated directories of JDKs; default /usr/lib/jvm,
#      /opt/java, ~/.sdkman/candidates/java, ~/.jdks, /Library/Java/JavaVirtualMachines), then macOS's
#      /usr/libexec/java_home -v 21+.
# Without one: one line on stderr saying what to install, exit 1. POSIX sh; changes nothing in the caller.

MIN=21

# Prints "<major> <minor> <patch>" (tab-separated) of <java>, or nothing when it does not run.
version_of() {
  "$1" -version 2>&1 | sed -n 's/^.* version "\([0-9][0-9]*\)[.]*\([0-9]*\)[.]*\([0-9]*\).*/\1 \2 \3/p' \
    | sed -n 1p | tr ' ' '\t'
}

# Prints the version of the JDK at <home> when it is MIN or newer; fails otherwise.
good_jdk() {
  [ -n "$1" ] && [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  v="$(version_of "$1/bin/java")"
  [ -n "$v" ] && [ "$(printf '%s' "$v" | cut -f1)" -ge "$MIN" ] || return 1
  printf '%s\n' "$v"
}

if [ -n "${JAVA_HOME:-}" ]; then
  if good_jdk "$JAVA_HOME" >/dev/null; then
    printf '%s\n' "$JAVA_HOME"
    exit 0
  fi
  echo "JAVA_HOME=$JAVA_HOME is not a JDK $MIN or newer; looking for one" >&2
fi

if command -v java >/dev/null 2>&1; then
  home="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java[.]home = //p' | sed -n 1p)"
  if good_jdk "$home" >/dev/null; then
    printf '%s\n' "$home"
    exit 0
  fi
fi

tab="$(printf '\t')"
best="$(
  IFS=:
  for dir in ${TASKSTREAM_JDK_DIRS-/usr/lib/jvm:/opt/java:${HOME:-/nonexistent}/.sdkman/candidates/java:${HOME:-/nonexistent}/.jdks:/Library/Java/JavaVirtualMachines}; do
    for home in "$dir"/* "$dir"/*/Contents/Home; do
      if v="$(good_jdk "$home")"; then printf '%s\t%s\n' "$v" "$home"; fi
    done
  done | sort -t "$tab" -k1,1n -k2,2n -k3,3n | sed -n '$p' | cut -f4-
)"
if [ -z "$best" ] && [ -z "${TASKSTREAM_JDK_DIRS+set}" ] && [ -x /usr/libexec/java_home ]; then
  best="$(/usr/libexec/java_home -v "$MIN+" 2>/dev/null)" && good_jdk "$best" >/dev/null || best=""
fi
if [ -n "$best" ]; then
  printf '%s\n' "$best"
  exit 0
fi

echo "Taskstream needs a JDK $MIN or newer and found none (JAVA_HOME, java on the PATH, /usr/lib/jvm, /opt/java, ~/.sdkman, ~/.jdks): install one, e.g. Temurin $MIN from https://adoptium.net, or point JAVA_HOME at it." >&2
exit 1

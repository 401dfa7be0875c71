# Shared helpers of the benchmark scripts.
select_jdk() {
  local ok='version "(2[1-9]|[3-9][0-9])'
  if [ -n "${JAVA_HOME:-}" ] && "$JAVA_HOME/bin/java" -version 2>&1 | grep -qE "$ok"; then return; fi
  for d in /usr/lib/jvm/*; do
    if [ -x "$d/bin/java" ] && "$d/bin/java" -version 2>&1 | grep -qE "$ok"; then export JAVA_HOME="$d"; fi
  done
  [ -n "${JAVA_HOME:-}" ] || { echo "need a JDK 21+" >&2; exit 1; }
  export PATH="$JAVA_HOME/bin:$PATH"
}

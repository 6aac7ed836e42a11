# Sourced (not executed) by mvnw, run-benchmarks.sh and .ci/run.
# Finds a JDK >= 21 (JAVA_HOME, then java on PATH, then /usr/lib/jvm/* and macOS JVM folders, newest first),
# exports JAVA_HOME and puts its bin first on PATH. Prints one line and returns 1 if there is none.
parbench_jdk_feature() { # $1 = JDK home; prints its feature release (17, 21, 25...) or nothing
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  "$1/bin/java" -XshowSettings:properties -version 2>&1 \
    | sed -n 's/^ *java\.specification\.version = \([0-9.]*\).*/\1/p' | sed 's/^1\.//' | cut -d. -f1
}
parbench_find_jdk() {
  local min=${PARBENCH_MIN_JDK:-21} cand v seen=""
  local path_java
  path_java=$(command -v java 2>/dev/null || true)
  [ -n "$path_java" ] && path_java=$(dirname "$(dirname "$(readlink -f "$path_java")")")
  for cand in "${JAVA_HOME:-}" "$path_java" \
      $(ls -d /usr/lib/jvm/*/ /Library/Java/JavaVirtualMachines/*/Contents/Home/ 2>/dev/null | sed 's:/$::' | sort -rV); do
    [ -n "$cand" ] || continue
    v=$(parbench_jdk_feature "$cand" 2>/dev/null) || continue
    [ -n "$v" ] || continue
    seen="$seen $cand($v)"
    if [ "$v" -ge "$min" ] 2>/dev/null; then
      export JAVA_HOME="$cand"
      export PATH="$cand/bin:$PATH"
      return 0
    fi
  done
  echo "parbench: no JDK >= $min found (looked at JAVA_HOME, PATH, /usr/lib/jvm/*;${seen:- none found}); install JDK $min+ or set JAVA_HOME to one." >&2
  return 1
}

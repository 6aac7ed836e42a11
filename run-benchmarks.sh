#!/usr/bin/env bash
# parbench: run the benchmarks (default), or another parbench command.
#   ./run-benchmarks.sh [--profile smoke|quick|standard|full] [filters] [-- JMH args]
#   ./run-benchmarks.sh COMMAND ...      (run, report, env; see --help)
# Finds a JDK >= 21 itself, builds target/benchmarks.jar when the sources are newer, then runs.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
JAR="$ROOT/target/benchmarks.jar"

. "$ROOT/.mvn/find-jdk.sh"
parbench_find_jdk || exit 2

build_if_needed() {
  if [ -f "$JAR" ] && [ -z "$(find "$ROOT/src/main" "$ROOT/pom.xml" -newer "$JAR" -print -quit 2>/dev/null)" ]; then
    return 0
  fi
  echo "parbench: building target/benchmarks.jar with JDK at $JAVA_HOME (sources changed or first run)..." >&2
  local log
  log=$(mktemp)
  if ! (cd "$ROOT" && ./mvnw -B -q -Dmaven.test.skip=true package) >"$log" 2>&1; then
    grep -v '^WARNING' "$log" | tail -40 >&2
    rm -f "$log"
    echo "parbench: the build failed (output above); fix it or run ./mvnw -B verify to see more." >&2
    exit 2
  fi
  rm -f "$log"
}

# JDK 23+ knows --sun-misc-unsafe-memory-access (JMH uses sun.misc.Unsafe; JDK 24+ warns about it by default);
# JDK 21 and 22 reject unknown options, so ask this java once.
JVM_FLAGS=()
if "$JAVA_HOME/bin/java" --sun-misc-unsafe-memory-access=allow -version >/dev/null 2>&1; then
  JVM_FLAGS+=(--sun-misc-unsafe-memory-access=allow)
fi
# The pipes are sized through the Foreign Function API (JDK 22+): native access without JDK 24's warning.
JVM_FLAGS+=(--enable-native-access=ALL-UNNAMED)

# exec: the JVM replaces this shell, so Ctrl-C (SIGINT) reaches it directly, its shutdown hook stops the JMH
# forks and saves what finished, and its exit code (130 when interrupted) is the script's.
parbench() {
  exec "$JAVA_HOME/bin/java" ${JVM_FLAGS[@]+"${JVM_FLAGS[@]}"} -cp "$JAR" dev.parbench.cli.Main "$@"
}

cmd=run
case "${1:-}" in
  run|report|gate|compare|calibrate|history|timeline|worker|env|help) cmd=$1; shift ;;
  -h|--help)
    cat <<'USAGE'
Usage: ./run-benchmarks.sh [run] [OPTIONS] [-- JMH_ARGS]     run the benchmarks (default profile: standard)
       ./run-benchmarks.sh --resume results/<timestamp>      finish an interrupted run (only what is missing)
       ./run-benchmarks.sh --settle results/<timestamp>      more rounds for the provisional rows only, merged in
       ./run-benchmarks.sh report RESULTS.json... [--out DIR] charts + index.html from any JMH JSON
       ./run-benchmarks.sh compare --against GIT_REF         paired regression gate (what CI should use)
       ./run-benchmarks.sh gate --baseline B.json --candidate C.json   gate two stored results
       ./run-benchmarks.sh calibrate                         measure the gate here: planted 5-20% slowdowns, A/A
       ./run-benchmarks.sh history results/                  scores over stored runs, change points marked
       ./run-benchmarks.sh timeline --workload sum --size 1M --parallelism 2 --strategies thread-per-task,socket
                                                             Gantt chart per model: where each task's time goes
       ./run-benchmarks.sh worker --stdio | --listen HOST:PORT --token-file F   a worker (out-of-process models)
       ./run-benchmarks.sh env                               print the machine description
       ./run-benchmarks.sh COMMAND --help                    help for one command
Outputs: results/<timestamp>/results.json (JMH JSON, saved as each configuration finishes), env.json and
         failures.json (what failed and why, what was not run); results/latest points at the newest run;
         charts/<timestamp>/index.html (the report), summary.md, summary.csv, every chart as PNG and SVG.

USAGE
    build_if_needed
    parbench run --help
    exit 0 ;;
esac

build_if_needed
has() { local opt=$1; shift; for a in "$@"; do [ "$a" = "--" ] && return 1; case "$a" in "$opt"|"$opt"=*) return 0 ;; esac; done; return 1; }
defaults=()
case "$cmd" in
  gate|compare)
    has --config "$@" || defaults+=(--config "$ROOT/.ci/gate.json")
    [ "$cmd" = compare ] && { has --repo "$@" || defaults+=(--repo "$ROOT"); }
    [ "$cmd" = compare ] && { has --candidate-jar "$@" || defaults+=(--candidate-jar "$JAR"); }
    ;;
esac
if [ "$cmd" != run ]; then
  exec "$JAVA_HOME/bin/java" ${JVM_FLAGS[@]+"${JVM_FLAGS[@]}"} -cp "$JAR" dev.parbench.cli.Main "$cmd" \
    ${defaults[@]+"${defaults[@]}"} "$@"
fi

# Outputs go to the repository's results/ and charts/ unless the caller says otherwise.
has --results-dir "$@" || defaults+=(--results-dir "$ROOT/results")
has --charts-dir "$@" || defaults+=(--charts-dir "$ROOT/charts")
parbench run ${defaults[@]+"${defaults[@]}"} "$@"

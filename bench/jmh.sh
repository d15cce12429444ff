#!/usr/bin/env bash
# JMH micro-benchmarks of hot paths (src/test/java/dev/sbomgate/bench/*Bench.java), compiled with the test sources
# and run on the test classpath; not part of `mvn test` (surefire excludes them). Not a test: run by hand.
#
#   bench/jmh.sh                       every benchmark with its own warm-up/measurement settings
#   bench/jmh.sh PgpVerifyBench -p kib=1024      any JMH option: a regexp of benchmarks, -p, -f, -wi, -i, -prof gc …
#
# Output goes to stdout and bench/out/jmh-<time>.txt. JAVA overrides the java on PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
JAVA=${JAVA:-java}
mkdir -p bench/out
OUT=bench/out/jmh-$(date +%Y%m%dT%H%M%S).txt
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
CP="target/test-classes:target/classes:$(cat target/bench.cp)"
{
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(nproc) cores; $("$JAVA" -version 2>&1 | sed -n 2p)"
  "$JAVA" -cp "$CP" org.openjdk.jmh.Main "$@"
  echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
} 2>&1 | tee "$OUT"
echo "written to $OUT"

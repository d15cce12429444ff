#!/usr/bin/env bash
# Benchmark of issue 19's feed lookup: a snapshot of npm's size (220,000 MAL- records by default) written, read back
# and indexed, and a 100,000-component SBOM matched against it, in one JVM, three runs; wall and CPU (thread) time
# per step, and what /usr/bin/time saw for the whole process. Not a test: run by hand (docs/PERFORMANCE.md,
# "Feed lookup").
#   bench/feed-bench.sh [RECORDS] [COMPONENTS]
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -q -o test-compile
[[ -f target/bench.cp ]] || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f 'process: wall %e s, user %U s, sys %S s, max RSS %M KiB' \
  java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench.cp)" dev.sbomgate.bench.FeedBench "${1:-220000}" "${2:-100000}"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Benchmark: hashing alone against hashing plus content inspection (what `sbomgate check` does per artifact: read
# whole and inspected from memory, zips by their central directory, for files up to 64 MiB; in one streaming pass
# for larger files), over real archives: by default an even sample of the jars, wheels and tarballs under
# ~/.m2/repository. Single thread, then all cores; medians of ROUNDS runs after one warm-up run.
# Usage: bench/content-bench.sh [DIR=~/.m2/repository] [MAX_FILES=500] [ROUNDS=3]
# Needs: java 17+, mvn (to compile and to print the runtime classpath).
set -euo pipefail
dir=${1:-$HOME/.m2/repository}
max=${2:-500}
rounds=${3:-3}
here="$(cd "$(dirname "$0")/.." && pwd)"
mvn -q -B -f "$here/pom.xml" compile dependency:build-classpath -Dmdep.outputFile="$here/target/bench-classpath.txt" >/dev/null
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); load average $(cut -d' ' -f1-3 /proc/loadavg)"
java -cp "$here/target/classes:$(cat "$here/target/bench-classpath.txt")" "$here/bench/ContentBench.java" "$dir" "$max" "$rounds"

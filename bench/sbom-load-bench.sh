#!/usr/bin/env bash
# Loads one SBOM in fresh JVMs (the cold case `sbomgate check` pays) and prints, per run, the load time the JVM
# measured and what /usr/bin/time saw: wall s, user s, sys s, peak RSS KiB.
#   bench/sbom-load-bench.sh FILE [RUNS] [HEAP] [CLASSES]
# CLASSES defaults to target/classes (run `mvn -q test-compile` and
# `mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp` first); pass another build's classes
# directory (with SbomLoadTimer compiled into it) to compare before and after.
# Make the 100,000-component SBOM with:
#   java -cp target/test-classes:target/classes:$(cat target/bench.cp) dev.sbomgate.bench.SbomPairGenerator 100000 DIR
set -euo pipefail
cd "$(dirname "$0")/.."
file=${1:?usage: bench/sbom-load-bench.sh FILE [RUNS] [HEAP] [CLASSES]}
runs=${2:-3}
heap=${3:-1g}
classes=${4:-target/test-classes:target/classes}
cp="$classes:$(cat target/bench.cp)"
for i in $(seq "$runs"); do
    out=$( { /usr/bin/time -f 'time %e %U %S %M' java -Xmx"$heap" -cp "$cp" dev.sbomgate.bench.SbomLoadTimer "$file" 1 ; } 2>&1 | grep -E '^(load|time)')
    echo "$out" | tr '\n' ' '
    echo
done

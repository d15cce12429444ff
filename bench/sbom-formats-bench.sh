#!/usr/bin/env bash
# Benchmark (issue 16): loading the same synthetic SBOM in every format sbomgate reads — CycloneDX 1.6 JSON (the
# generator's), CycloneDX 1.7 JSON, SPDX 2.3 JSON, SPDX 2.3 tag-value, SPDX 3.0.1 JSON-LD — each in a fresh JVM
# (the cold case a check pays), validation included. Not a test: run it by hand (docs/PERFORMANCE.md, "SBOM formats").
#
#   bench/sbom-formats-bench.sh [SIZES="1000 10000"] [RUNS=3] [HEAP=1g]
#
# dev.sbomgate.bench.SbomPairGenerator (seed 7) writes new.cdx.json; bench/sbom-formats-synth.py writes the other
# formats from it (same components, hashes, purls, licences, DEPENDS_ON edges). Per run: the load time the JVM
# measured (SbomLoadTimer: wall and process CPU of SbomReader.read) and /usr/bin/time's wall, user+sys and max RSS.
set -euo pipefail
sizes=${1:-1000 10000}
RUNS=${RUNS:-3}
HEAP=${HEAP:-1g}
here="$(cd "$(dirname "$0")/.." && pwd)"
work="${WORK:-$(mktemp -d -t sbomgate-formats-bench.XXXXXX)}"
[[ -n ${WORK:-} ]] || trap 'rm -rf "$work"' EXIT
mkdir -p "$here/bench/out"
out="$here/bench/out/sbom-formats-bench-$(date +%Y%m%dT%H%M%S).txt"
exec > >(tee "$out") 2>&1
cd "$here"
mvn -B -q test-compile
[[ -f target/bench.cp ]] || mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
# a copy of the classes, so that a build running meanwhile cannot change what is measured
mkdir -p "$work/classes" && cp -r target/classes "$work/classes/main" && cp -r target/test-classes "$work/classes/test"
cp="$work/classes/test:$work/classes/main:$(cat target/bench.cp)"
echo "machine: $(nproc) cores; $(java -version 2>&1 | head -1); heap -Xmx$HEAP; $RUNS runs; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
for n in $sizes; do
  dir="$work/p$n"
  [[ -f $dir/new.cdx.json ]] || java -cp "$cp" dev.sbomgate.bench.SbomPairGenerator "$n" "$dir" >/dev/null
  python3 bench/sbom-formats-synth.py "$dir/new.cdx.json" "$dir/f"
  for f in "$dir/new.cdx.json" "$dir/f/cdx17.json" "$dir/f/spdx23.json" "$dir/f/spdx23.spdx" "$dir/f/spdx3.jsonld"; do
    name=$(basename "$f"); [[ $name == new.cdx.json ]] && name=cdx16.json
    for i in $(seq "$RUNS"); do
      line=$( { /usr/bin/time -f 'time %e %U %S %M' java -Dslf4j.internal.verbosity=ERROR -Xmx"$HEAP" -cp "$cp" \
        dev.sbomgate.bench.SbomLoadTimer "$f" 1; } 2>&1 | grep -E '^(load|time)' | tr '\n' ' ')
      echo "$n $name $(($(stat -c %s "$f") / 1024)) KiB run $i: $line"
    done
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

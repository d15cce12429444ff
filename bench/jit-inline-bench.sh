#!/usr/bin/env bash
# The launcher's C2 inlining limits (-XX:FreqInlineSize=100 -XX:InlineSmallCode=1000) against the JVM's defaults
# (325 and 2500 on x86-64), side by side, alternating, on the check of a synthetic SIZE-component SBOM pair (default
# 100,000, bench/check-bench.sh's generator, -Xmx1g) and of a small sample. Prints, per run, C2's own compile time
# (-XX:+CITime: a stable measure on a shared machine) beside wall and CPU (user + sys of the process tree). Not a
# test: run it by hand (docs/PERFORMANCE.md, "Fixed cost").
#
#   RUNS=2 bench/jit-inline-bench.sh
set -euo pipefail
RUNS=${RUNS:-2}
SIZE=${SIZE:-100000}
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
mkdir -p bench/out
out="bench/out/jit-inline-bench-$(date +%Y%m%dT%H%M%S).txt"
exec > >(tee "$out") 2>&1
./sbomgate --version >/dev/null # builds the jar and the class-data archive when missing
work="$(mktemp -d -t sbomgate-inline.XXXXXX)"
trap 'rm -rf "$work"' EXIT
# shellcheck source=bench/lib.sh
source bench/lib.sh
synthetic_pair "$SIZE" "$work"
echo "machine: $(nproc) cores; JVM: ${SBOMGATE_JAVA:-as the launcher picks}; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
# The JVM takes the last of two settings of one flag: these come after the launcher's own in SBOMGATE_JAVA_OPTS.
declare -A opts=([launcher]="" [jvm-default]="-XX:FreqInlineSize=325 -XX:InlineSmallCode=2500")
side() { # $1 label, rest: sbomgate arguments
  local label=$1
  shift
  /usr/bin/time -f 'TIME %e %U %S %M' env SBOMGATE_JAVA_OPTS="-Xmx1g -XX:+CITime ${opts[$label]}" ./sbomgate "$@" \
    >"$work/out.txt" 2>&1 || true
  printf '%-12s %-8s C2 %6.2f s  wall %6.2f s  cpu %6.2f s  rss %5d MiB\n' "$label" "$what" \
    "$(grep -o 'C2 Compile Time: *[0-9.]*' "$work/out.txt" | awk '{print $NF}')" \
    "$(grep TIME "$work/out.txt" | awk '{print $2}')" "$(grep TIME "$work/out.txt" | awk '{print $3 + $4}')" \
    "$(grep TIME "$work/out.txt" | awk '{print int($5 / 1024)}')"
}
for r in $(seq 1 "$RUNS"); do
  for label in launcher jvm-default; do
    what="${SIZE}"
    side "$label" check --sbom "$work/new.cdx.json" --baseline "$work/b" --policy "$work/policy.yaml"
    what="sample"
    side "$label" check --baseline samples/pass-signed-patch-update/.sbomgate
  done
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

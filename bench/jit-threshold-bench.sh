#!/usr/bin/env bash
# The launcher's -XX:CompileThresholdScaling=10 against the JVM's default (=1), side by side, alternating, on the
# check of a small sample and (SIZE=N, optional) of a synthetic N-component SBOM pair. CPU is user + sys of the
# whole process (JIT and GC threads included). Not a test: run it by hand (docs/PERFORMANCE.md, "Fixed cost").
#
#   bench/jit-threshold-bench.sh                 RUNS (default 8) pairs on samples/pass-signed-patch-update
#   SIZE=100000 RUNS=2 bench/jit-threshold-bench.sh   also the SIZE-component check (bench/check-bench.sh's pair)
#   SBOMGATE_JAVA=/usr/lib/jvm/temurin-25-jdk-amd64/bin/java bench/jit-threshold-bench.sh   on another JVM
set -euo pipefail
RUNS=${RUNS:-8}
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
mkdir -p bench/out
out="bench/out/jit-threshold-bench-$(date +%Y%m%dT%H%M%S).txt"
exec > >(tee "$out") 2>&1
./sbomgate --version >/dev/null # builds the jar and the class-data archive when missing
java_bin=${SBOMGATE_JAVA:-java}
echo "machine: $(nproc) cores; $("$java_bin" -version 2>&1 | head -1); load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
t=$(mktemp)
trap 'rm -f "$t"' EXIT
side() { # $1 label, $2 options, rest: sbomgate arguments
  local label=$1 opts=$2
  shift 2
  /usr/bin/time -f '%e %U %S %M' -o "$t" env SBOMGATE_JAVA_OPTS="$opts" ./sbomgate "$@" >/dev/null 2>&1 || true
  tail -1 "$t" | awk -v l="$label" '{printf "%s wall %.2f cpu %.2f rss %d MiB\n", l, $1, $2 + $3, $4 / 1024}'
}
series() { # $1 name, $2 heap option, rest: sbomgate arguments
  local name=$1 heap=$2
  shift 2
  local rows
  rows=$(for r in $(seq 1 "$RUNS"); do
    side "launcher (x10)" "$heap" "$@"
    side "JVM default (x1)" "$heap -XX:CompileThresholdScaling=1" "$@"
  done)
  echo "== $name"
  echo "$rows"
  for label in "launcher (x10)" "JVM default (x1)"; do
    local cpu wall n
    cpu=$(echo "$rows" | grep -F "$label" | awk '{for (i = 1; i < NF; i++) if ($i == "cpu") print $(i + 1)}' | sort -n)
    wall=$(echo "$rows" | grep -F "$label" | awk '{for (i = 1; i < NF; i++) if ($i == "wall") print $(i + 1)}' | sort -n)
    n=$(echo "$cpu" | wc -l)
    echo "MEDIAN $label: cpu $(echo "$cpu" | sed -n "$(((n + 1) / 2))p") s, wall $(echo "$wall" | sed -n "$(((n + 1) / 2))p") s ($n runs)"
  done
}
series "check of samples/pass-signed-patch-update (2 components, signed artifacts)" "" \
  check --baseline samples/pass-signed-patch-update/.sbomgate
if [[ -n ${SIZE:-} ]]; then
  work="$(mktemp -d -t sbomgate-jit.XXXXXX)"
  # shellcheck source=bench/lib.sh
  source bench/lib.sh
  synthetic_pair "$SIZE" "$work"
  series "check of $SIZE components (-Xmx1g)" "-Xmx1g" check --sbom "$work/new.cdx.json" --baseline "$work/b" --policy "$work/policy.yaml"
  rm -rf "$work"
fi
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Benchmark: `sbomgate check` (load + diff + rules + report) on synthetic SBOM pairs of growing size, to show how
# time and memory grow. Not a test: run it by hand (docs/PERFORMANCE.md, "Checking large SBOMs").
#
#   bench/check-bench.sh [SIZES="1000 10000 100000"]
#
# For each size: dev.sbomgate.bench.SbomPairGenerator (test sources; seed 7) writes old.cdx.json and new.cdx.json
# (about 2 % of the components changed: upgrades, downgrades, mutated releases, licence changes, removals,
# additions); `sbomgate init` approves the old one, untimed; then RUNS (default 3) timed runs of
#   ./sbomgate check --sbom new.cdx.json --baseline B --policy bench-policy.yaml --timings
# with HEAP (default 1g) as -Xmx. No artifacts are given (an SBOM-only check): the policy is policies/default.yaml
# with MISSING_ARTIFACT lowered to warn, as its own fix text advises for that case. Reported: median wall and CPU
# time (user + sys, all threads), the largest max RSS, and the --timings of the median run.
#
#   BEFORE_JAR=old/sbomgate.jar bench/check-bench.sh ...
# also times an older build (`java -Xmx$HEAP -jar $BEFORE_JAR check ...`, with a baseline its own `init` wrote),
# alternating with the current one in the same run, for before/after comparisons.
set -euo pipefail
sizes=${1:-1000 10000 100000}
RUNS=${RUNS:-3}
HEAP=${HEAP:-1g}
here="$(cd "$(dirname "$0")/.." && pwd)"
work="${WORK:-$(mktemp -d -t sbomgate-check-bench.XXXXXX)}"
[[ -n ${WORK:-} ]] || trap 'rm -rf "$work"' EXIT
mkdir -p "$here/bench/out" "$work"
out="$here/bench/out/check-bench-$(date +%Y%m%dT%H%M%S).txt"
exec > >(tee "$out") 2>&1

cd "$here"
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
cp="target/test-classes:target/classes:$(cat target/bench.cp)"
./sbomgate --version >/dev/null # builds the jar and the launcher's class-data archive if missing
sed -e 's/^name: default/name: bench/' -e 's/^  MISSING_ARTIFACT: block.*/  MISSING_ARTIFACT: warn/' policies/default.yaml \
  >"$work/bench-policy.yaml"

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -1)"
echo "heap: -Xmx$HEAP; $RUNS runs per size; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
init() { # $1: baseline dir, $2...: the command; approves $dir/old.cdx.json
  local base=$1
  shift
  rm -rf "$base" && mkdir -p "$base/trust"
  "$@" init --sbom "$dir/old.cdx.json" --baseline "$base" --policy "$work/bench-policy.yaml" >/dev/null
}
t=$(mktemp)
for n in $sizes; do
  dir="$work/p$n"
  if [[ ! -f $dir/new.cdx.json ]]; then
    java -cp "$cp" dev.sbomgate.bench.SbomPairGenerator "$n" "$dir" | sed 's/^/generated: /'
  fi
  current=(env SBOMGATE_JAVA_OPTS="-Xmx$HEAP" ./sbomgate)
  before=(java "-Xmx$HEAP" -jar "${BEFORE_JAR:-}")
  init "$dir/b" "${current[@]}"
  sides=(current)
  if [[ -n ${BEFORE_JAR:-} ]]; then
    init "$dir/b-before" "${before[@]}"
    sides+=(before)
  fi
  echo "== $n components: new.cdx.json $(($(stat -c %s "$dir/new.cdx.json") / 1024)) KiB, baseline.json $(($(stat -c %s "$dir/b/baseline.json") / 1024)) KiB"
  declare -A rows=()
  for r in $(seq 1 "$RUNS"); do
    for side in "${sides[@]}"; do
      if [[ $side == current ]]; then cmd=("${current[@]}") base="$dir/b"; else cmd=("${before[@]}") base="$dir/b-before"; fi
      /usr/bin/time -f '%e %U %S %M' -o "$t" "${cmd[@]}" check --sbom "$dir/new.cdx.json" \
        --baseline "$base" --policy "$work/bench-policy.yaml" --timings >"$dir/report-$side.txt" 2>"$dir/timings-$side-$r.txt" || true
      read -r wall user sys rss <<<"$(tail -1 "$t")"
      rows[$side]+="$wall $(awk -v u="$user" -v s="$sys" 'BEGIN { print u + s }') $rss $r"$'\n'
      grep -q '^sbomgate timings' "$dir/timings-$side-$r.txt" || { echo "$side run $r failed:"; cat "$dir/timings-$side-$r.txt"; }
    done
  done
  for side in "${sides[@]}"; do
    all=$(printf '%s' "${rows[$side]}")
    mid=$(echo "$all" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
    read -r mw _ _ mr <<<"$mid"
    mc=$(echo "$all" | awk '{print $2}' | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p")
    maxrss=$(echo "$all" | awk '{print $3}' | sort -n | tail -1)
    label=$([[ $side == current ]] && echo "$n" || echo "$n BEFORE_JAR")
    echo "RESULT $label: median wall $mw s, median cpu $mc s, max RSS $((maxrss / 1024)) MiB  (wall cpu rss-KiB run: $(echo "$all" | tr '\n' ';'))"
    echo "verdict: $(head -1 "$dir/report-$side.txt")"
    echo "timings of the median run ($mr):"
    grep -v '^sbomgate timings' "$dir/timings-$side-$mr.txt" | grep -v '^Command exited'
  done
  unset rows
done
rm -f "$t"
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "written to $out"

#!/usr/bin/env bash
# Issue 17's first target, measured as it is stated: `check` of the two-component sample at most 0.5 CPU-s and at most
# 3x `sbomgate --version` in the same run, on Java 17 and on the JVM the launcher picks. Both through the launcher
# (its class-data archive, its JVM options), alternating, RUNS (default 8) of each per JVM after one warm-up. CPU is
# user + sys of the whole process tree (launcher script, JIT and GC threads included). Not a test: run it by hand
# (docs/PERFORMANCE.md, "Fixed cost").
#
#   bench/small-check-bench.sh
#   JVMS="/usr/lib/jvm/java-17-openjdk-amd64/bin/java" bench/small-check-bench.sh    only these JVMs
set -euo pipefail
RUNS=${RUNS:-8}
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
mkdir -p bench/out
out="bench/out/small-check-bench-$(date +%Y%m%dT%H%M%S).txt"
exec > >(tee "$out") 2>&1
java17=$(ls -d /usr/lib/jvm/java-17-openjdk-*/bin/java 2>/dev/null | head -1 || true)
JVMS=${JVMS:-"${java17:-java} picked"}
sample=samples/pass-signed-patch-update/.sbomgate
echo "machine: $(nproc) cores; load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $RUNS runs of each"
t=$(mktemp)
trap 'rm -f "$t"' EXIT
run() { # $1 JVM ("picked": the launcher's choice), rest: sbomgate arguments -> "wall cpu"
  local jvm=$1
  shift
  if [[ $jvm == picked ]]; then
    /usr/bin/time -f '%e %U %S' -o "$t" env -u SBOMGATE_JAVA ./sbomgate "$@" >/dev/null 2>&1 || true
  else
    /usr/bin/time -f '%e %U %S' -o "$t" env SBOMGATE_JAVA="$jvm" ./sbomgate "$@" >/dev/null 2>&1 || true
  fi
  tail -1 "$t" | awk '{printf "%.2f %.2f\n", $1, $2 + $3}'
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
for jvm in $JVMS; do
  run "$jvm" --version >/dev/null
  run "$jvm" check --baseline "$sample" >/dev/null
  versions="" checks=""
  for r in $(seq 1 "$RUNS"); do
    versions+="$(run "$jvm" --version)"$'\n'
    checks+="$(run "$jvm" check --baseline "$sample")"$'\n'
  done
  v_wall=$(echo -n "$versions" | cut -d' ' -f1 | median)
  v_cpu=$(echo -n "$versions" | cut -d' ' -f2 | median)
  c_wall=$(echo -n "$checks" | cut -d' ' -f1 | median)
  c_cpu=$(echo -n "$checks" | cut -d' ' -f2 | median)
  echo "== JVM: $jvm"
  echo "--version  median wall $v_wall s, cpu $v_cpu s   (cpus: $(echo -n "$versions" | cut -d' ' -f2 | tr '\n' ' '))"
  echo "check      median wall $c_wall s, cpu $c_cpu s   (cpus: $(echo -n "$checks" | cut -d' ' -f2 | tr '\n' ' '))"
  awk -v c="$c_cpu" -v v="$v_cpu" 'BEGIN { printf "check / --version: %.1fx cpu (target at most 3x); check cpu %.2f s (target at most 0.50 s)\n", c / v, c }'
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Start-up benchmark: `sbomgate --version` and a `check` of samples/startup/ (5 real signed artifacts, a baseline),
# each run as `java -jar target/sbomgate.jar` (no class-data archive) and as `./sbomgate` (the launcher, with its
# AppCDS archive), beside the JVM's own floor (an empty main class). Not a test: run it by hand
# (docs/PERFORMANCE.md, "Start-up").
#
#   bench/startup-bench.sh            RUNS (default 10) timed runs of each, alternating, after one warm-up each
#   BEFORE_JAR=old.jar bench/startup-bench.sh     also times an older build's jar, side by side
#
# Medians of wall time and of CPU time (user + sys, all threads). Output also in bench/out/startup-bench-<time>.txt.
set -euo pipefail
RUNS=${RUNS:-10}
here="$(cd "$(dirname "$0")/.." && pwd)"
cd "$here"
mkdir -p bench/out
out="bench/out/startup-bench-$(date +%Y%m%dT%H%M%S).txt"
exec > >(tee "$out") 2>&1
work="$(mktemp -d -t sbomgate-startup.XXXXXX)"
trap 'rm -rf "$work"' EXIT

./sbomgate --version >/dev/null # builds the jar and the class-data archive when missing
printf 'public class Floor { public static void main(String[] a) { System.out.println("x"); } }\n' >"$work/Floor.java"
javac -d "$work" "$work/Floor.java"

sample=(check --baseline samples/startup/.sbomgate)
declare -a labels commands
add() { labels+=("$1"); commands+=("$2"); }
add "JVM floor (empty main)" "java -cp $work Floor"
add "--version, java -jar" "java -jar target/sbomgate.jar --version"
add "--version, ./sbomgate (AppCDS)" "./sbomgate --version"
add "check sample, java -jar" "java -jar target/sbomgate.jar ${sample[*]}"
add "check sample, ./sbomgate (AppCDS)" "./sbomgate ${sample[*]}"
if [[ -n ${BEFORE_JAR:-} ]]; then
  add "--version, java -jar BEFORE_JAR" "java -jar $BEFORE_JAR --version"
  add "check sample, java -jar BEFORE_JAR" "java -jar $BEFORE_JAR ${sample[*]}"
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -1)"
echo "$RUNS runs each, alternating; load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
t=$(mktemp)
declare -A wall cpu
for i in "${!commands[@]}"; do bash -c "${commands[$i]}" >/dev/null 2>&1 || true; done
for r in $(seq 1 "$RUNS"); do
  for i in "${!commands[@]}"; do
    /usr/bin/time -f '%e %U %S' -o "$t" bash -c "${commands[$i]}" >/dev/null 2>&1 || true
    read -r w u s <<<"$(tail -1 "$t")"
    wall[$i]+="$w "
    cpu[$i]+="$(awk -v u="$u" -v s="$s" 'BEGIN { print u + s }') "
  done
done
rm -f "$t"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
# shellcheck disable=SC2086 # word splitting of the run lists is wanted
for i in "${!commands[@]}"; do
  printf 'RESULT %-36s median wall %5.2f s, median cpu %5.2f s   (walls: %s)\n' "${labels[$i]}:" \
    "$(median ${wall[$i]})" "$(median ${cpu[$i]})" "${wall[$i]% }"
done
echo "check sample --timings (one run, launcher):"
./sbomgate "${sample[@]}" --timings 2>&1 >/dev/null | sed 's/^/  /'
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "written to $out"

#!/usr/bin/env bash
# Benchmark: `sbomgate fetch` (docs/PERFORMANCE.md, "Fetching evidence"). Not a test: run it by hand.
#
#   bench/fetch-bench.sh [N=1000]
#
# 1. Real (skipped with REAL=0; needs Maven Central): sbomgate's own runtime dependencies, from
#    target/sbomgate-sbom.json (built by `mvn package`), into an empty directory:
#      java -jar $JAR fetch --sbom target/sbomgate-sbom.json --into EMPTY --local-repository none --no-keys
#    (each jar, its .asc, .sigstore.json and checksum files) against the loop .ci/dogfood.sh used before fetch:
#      mvn -B -q dependency:get -Dartifact=G:A:V[:jar.asc] -Dtransitive=false -Dmaven.repo.local=EMPTY
#    for the jar and for its .asc, from an empty local repository (so Maven also downloads the dependency plugin,
#    once, as it would on a fresh CI machine). RUNS (default 1) runs each, alternating.
# 2. Loopback: bench/FetchBenchServer.java serves N synthetic Maven components (SIZE_KIB, default 64 KiB, each with
#    .sha1/.sha256/.sha512; .asc and .sigstore.json 404) on 127.0.0.1; RUNS timed runs of
#      java -jar $JAR fetch --sbom SBOM --into EMPTY --maven-repository http://127.0.0.1:PORT/ --local-repository none
#        --no-keys --jobs JOBS --timings
#    for each JOBS in JOBS_LIST (default "8").
# Reported from /usr/bin/time: wall, CPU (user + sys of all threads and child processes), peak RSS; the load average
# before each part. JAR defaults to target/sbomgate.jar, SBOM (part 1) to target/sbomgate-sbom.json.
set -euo pipefail
n=${1:-1000}
RUNS=${RUNS:-1}
SIZE_KIB=${SIZE_KIB:-64}
JOBS_LIST=${JOBS_LIST:-8}
here="$(cd "$(dirname "$0")/.." && pwd)"
jar="${JAR:-$here/target/sbomgate.jar}"
[[ -f $jar ]] || { echo "fetch-bench: build the jar first (mvn -q package -DskipTests)" >&2; exit 2; }
work="$(mktemp -d -t sbomgate-fetch-bench.XXXXXX)"
server=
trap '[[ -n $server ]] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
mkdir -p "$here/bench/out"
out="$here/bench/out/fetch-bench-$(date +%Y%m%dT%H%M%S).txt"
exec > >(tee "$out") 2>&1

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -1)"
echo "jar: $jar"
measure() { # $1: label, then the command; prints wall, CPU and peak RSS
  local label=$1
  shift
  /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"$work/last.out" 2>"$work/last.err" || echo "($label: exit $?)"
  tail -n 1 "$work/time" | awk -v l="$label" '{ printf "%-34s wall %7.2f s  cpu %7.2f s (user %.2f, sys %.2f)  cpu/wall %.2f  peak RSS %d MiB\n", l, $1, $2 + $3, $2, $3, ($2 + $3) / ($1 > 0 ? $1 : 1), $4 / 1024 }'
}

if [[ ${REAL:-1} != 0 ]]; then
  sbom="${SBOM:-$here/target/sbomgate-sbom.json}"
  [[ -f $sbom ]] || { echo "fetch-bench: no $sbom (mvn package builds it)" >&2; exit 2; }
  mapfile -t coords < <(grep -oE '"purl" : "pkg:maven/[^"@]+@[^"?]+' "$sbom" | sed -E 's#.*pkg:maven/##' |
    grep -v '^dev\.sbomgate/' | sort -u)
  echo "== real: ${#coords[@]} runtime dependencies of sbomgate, Maven Central; load average $(cut -d' ' -f1-3 /proc/loadavg)"
  loop() { # the pre-fetch dogfood loop, jar and signature, into an empty local repository
    local repo=$1 c ga v
    for c in "${coords[@]}"; do
      ga=${c%@*}
      v=${c#*@}
      mvn -B -q dependency:get -Dartifact="${ga%/*}:${ga#*/}:$v" -Dtransitive=false -Dmaven.repo.local="$repo" >/dev/null
      mvn -B -q dependency:get -Dartifact="${ga%/*}:${ga#*/}:$v:jar.asc" -Dtransitive=false -Dmaven.repo.local="$repo" \
        >/dev/null || true
    done
  }
  for ((r = 1; r <= RUNS; r++)); do
    rm -rf "$work/ev" "$work/m2"
    measure "sbomgate fetch (run $r)" java -jar "$jar" fetch --sbom "$sbom" --into "$work/ev" --local-repository none \
      --no-keys --timings
    tail -n 2 "$work/last.out" "$work/last.err" | grep -v '^==>' | grep . | sed 's/^/    /'
    echo "    files: $(find "$work/ev" -type f | wc -l), $(du -sk "$work/ev" | cut -f1) KiB"
    measure "mvn dependency:get loop (run $r)" bash -c "$(declare -p coords); $(declare -f loop); loop '$work/m2'"
    echo "    files: $(find "$work/m2" -type f | wc -l), $(du -sk "$work/m2" | cut -f1) KiB (the plugin included)"
  done
fi

echo "== loopback: $n components of $SIZE_KIB KiB; load average $(cut -d' ' -f1-3 /proc/loadavg)"
java "$here/bench/FetchBenchServer.java" "$n" "$SIZE_KIB" "$work/bench.cdx.json" "$work/port" 2>"$work/server.err" &
server=$!
for _ in $(seq 100); do [[ -s $work/port ]] && break; sleep 0.2; done
port=$(cat "$work/port")
for jobs in $JOBS_LIST; do
  for ((r = 1; r <= RUNS; r++)); do
    rm -rf "$work/lb"
    measure "fetch $n, --jobs $jobs (run $r)" java -jar "$jar" fetch --sbom "$work/bench.cdx.json" --into "$work/lb" \
      --maven-repository "http://127.0.0.1:$port/" --local-repository none --no-keys --jobs "$jobs" --timings
    tail -n 2 "$work/last.out" "$work/last.err" | grep -v '^==>' | grep . | sed 's/^/    /'
  done
done
kill "$server"
wait "$server" 2>/dev/null || true
server=
sed 's/^/    /' "$work/server.err"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"

#!/usr/bin/env bash
# Hashing benchmark for docs/PERFORMANCE.md, section "Hashing". Not a test: run it by hand on a quiet machine.
#
#   bench/hash-bench.sh [DIR]      DIR holds the generated data (default /tmp/sbomgate-bench, needs ~4.3 GB)
#
# Environment: RUNS (timed runs per measurement, default 5), JAVA (default: java on PATH),
# MANY_FILES (200) and MANY_MIB (16) for the many-files case, SKIP_MANY=1 / SKIP_BIG=1 to skip the many-files /
# the 1 GiB part, CLEAN=1 to delete
# DIR afterwards. Output goes to stdout and bench/out/hash-bench-<time>.txt.
#
# Every measurement: one untimed warm-up run (page cache, JIT), then RUNS timed runs; medians are reported,
# of wall time and of CPU time (user+sys, all threads). CPU time is the per-core cost and stays comparable
# when other work shares the machine; wall time is what a user waits for.
set -euo pipefail

cd "$(dirname "$0")/.."
DIR=${1:-/tmp/sbomgate-bench}
RUNS=${RUNS:-5}
JAVA=${JAVA:-java}
MANY_FILES=${MANY_FILES:-200}
MANY_MIB=${MANY_MIB:-16}
NPROC=$(nproc)

mkdir -p "$DIR" bench/out
OUT=bench/out/hash-bench-$(date +%Y%m%dT%H%M%S).txt
exec > >(tee "$OUT") 2>&1

echo "== machine"
echo "nproc: $NPROC"
grep -m1 'model name' /proc/cpuinfo
echo "cpu flags: $(grep -m1 -o -w -E 'sha_ni|avx2|avx512f' /proc/cpuinfo | sort -u | tr '\n' ' ')"
"$JAVA" -version 2>&1 | sed -n 2p
"$JAVA" -XX:+UnlockDiagnosticVMOptions -XX:+PrintFlagsFinal -version 2>/dev/null \
  | grep -E ' (UseSHA|UseSHA256Intrinsics|UseSHA512Intrinsics|UseSHA3Intrinsics|UseAVX) ' | awk '{print $2 " = " $4}'
openssl version
sha256sum --version | head -1
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

echo "== build"
mvn -B -q test-compile
mvn -B -q dependency:build-classpath -Dmdep.outputFile=target/bench.cp >/dev/null
CP="target/classes:target/test-classes:$(cat target/bench.cp)"
BENCH=("$JAVA" -cp "$CP" dev.sbomgate.digest.HashBench)
bench() { "${BENCH[@]}" "$@"; }

# measure LABEL CMD...: one warm-up, RUNS timed runs of CMD (stdout discarded); prints medians.
measure() {
  local label=$1; shift
  "$@" >/dev/null
  local walls=() cpus=() t
  t=$(mktemp)
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f '%e %U %S' -o "$t" "$@" >/dev/null
    walls+=("$(tail -1 "$t" | awk '{print $1}')")
    cpus+=("$(tail -1 "$t" | awk '{print $2 + $3}')")
  done
  rm -f "$t"
  local mw mc
  mw=$(printf '%s\n' "${walls[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
  mc=$(printf '%s\n' "${cpus[@]}" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}')
  printf 'RESULT %s: median wall %.3f s, median cpu %.3f s  (walls: %s)\n' "$label" "$mw" "$mc" "${walls[*]}"
}

if [ "${SKIP_BIG:-0}" != 1 ]; then
  echo "== one 1 GiB file, SHA-256"
  BIG=$DIR/big-1GiB.bin
  if [ "$(stat -c %s "$BIG" 2>/dev/null || echo 0)" != 1073741824 ]; then
    head -c 1073741824 /dev/urandom >"$BIG"
  fi
  cat "$BIG" >/dev/null
  measure "sha256sum" sha256sum "$BIG"
  measure "openssl dgst -sha256" openssl dgst -sha256 "$BIG"
  measure "java process, one cold pass (JVM start-up included)" "${BENCH[@]}" file "$BIG" 0 digests
  bench file "$BIG" "$RUNS" digests | grep RESULT
  echo "-- reading strategies and buffer sizes (SHA-256 only)"
  for v in digests-64 digests-256 digests-1024 digests-4096 stream-256 direct-256 mmap; do
    bench file "$BIG" "$RUNS" "$v" | grep RESULT
  done
  echo "-- in-memory speed per algorithm (no I/O): openssl speed (256 KiB blocks) and ours (512 MiB buffer)"
  for pair in sha256:SHA-256 sha512:SHA-512 sha1:SHA-1 md5:MD5 sha3-256:SHA3-256 blake2b512:BLAKE2b-512 -:BLAKE3; do
    ossl=${pair%%:*}
    ours=${pair#*:}
    if [ "$ossl" != - ]; then
      openssl speed -evp "$ossl" -bytes 262144 -seconds 2 2>/dev/null | tail -1 \
        | awk -v a="$ossl" '{printf "RESULT openssl speed %s: %.0f MB/s\n", a, $2 / 1000}'
    fi
    bench cpu 512 3 "$ours" | grep RESULT
  done
fi

if [ "${SKIP_MANY:-0}" != 1 ]; then
  echo "== $MANY_FILES files x $MANY_MIB MiB, SHA-256"
  MANY=$DIR/many-${MANY_FILES}x${MANY_MIB}MiB
  if [ "$(find "$MANY" -type f 2>/dev/null | wc -l)" != "$MANY_FILES" ]; then
    rm -rf "$MANY"
    mkdir -p "$MANY"
    for i in $(seq -w 1 "$MANY_FILES"); do head -c $((MANY_MIB * 1048576)) /dev/urandom >"$MANY/f$i.bin"; done
  fi
  cat "$MANY"/* >/dev/null
  PER=$(( (MANY_FILES + NPROC - 1) / NPROC ))
  measure "sha256sum, 1 process" sh -c "sha256sum '$MANY'/*"
  measure "sha256sum, $NPROC processes (xargs -P)" sh -c "ls -d '$MANY'/* | xargs -P $NPROC -n $PER sha256sum"
  measure "openssl, 1 process" sh -c "openssl dgst -sha256 '$MANY'/*"
  measure "openssl, $NPROC processes (xargs -P)" sh -c "ls -d '$MANY'/* | xargs -P $NPROC -n $PER openssl dgst -sha256"
  bench many "$MANY" "$RUNS" 1 | grep RESULT
  bench many "$MANY" "$RUNS" "$NPROC" | grep RESULT
fi

echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ "${CLEAN:-0}" = 1 ]; then rm -rf "$DIR"; fi
echo "written to $OUT"

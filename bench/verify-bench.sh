#!/usr/bin/env bash
# Benchmark: verify N signed artifacts with `sbomgate verify` against the shell loop a user would otherwise
# write (`gpg --verify` per file, plus `sha256sum -c`). Both run side by side in the same run, on the same files.
# Usage: bench/verify-bench.sh [N=1000] [SIZE_KB=64]      (RUNS=3 timed runs of each side, alternating)
# Needs: gpg, sha256sum, java, and target/sbomgate.jar (built by ./sbomgate on first use).
# Sides: the gpg loop; `java -jar target/sbomgate.jar verify`; `./sbomgate verify` (the launcher, with AppCDS);
# with BEFORE_JAR=old/sbomgate.jar also `java -jar $BEFORE_JAR verify` (before/after comparisons).
# Output also in bench/out/verify-bench-<time>.txt.
set -euo pipefail
n=${1:-1000}
size_kb=${2:-64}
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d -t sbomgate-verify-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$here/bench/out"
out="$here/bench/out/verify-bench-$(date +%Y%m%dT%H%M%S).txt"
exec > >(tee "$out") 2>&1
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"

[[ -f $here/target/sbomgate.jar ]] || "$here/sbomgate" --version >/dev/null

echo "preparing $n artifacts of ${size_kb} KiB, each signed by gpg (RSA-3072)..." >&2
gpg --batch --quiet --passphrase '' --quick-gen-key 'Bench Signer <bench@example.invalid>' rsa3072 sign never
fpr=$(gpg --batch --with-colons --list-keys bench@example.invalid | awk -F: '/^fpr/ {print $10; exit}')
gpg --batch --armor --export "$fpr" >"$work/signer.asc"
mkdir -p "$work/artifacts"
components=""
for i in $(seq 1 "$n"); do
  f="$work/artifacts/lib$i-1.0.0.jar"
  head -c $((size_kb * 1024)) /dev/urandom >"$f"
  gpg --batch --quiet --armor --detach-sign --output "$f.asc" "$f"
  sha=$(sha256sum "$f" | cut -d' ' -f1)
  echo "$sha  $f" >>"$work/SHA256SUMS"
  components+="${components:+,}{\"type\":\"library\",\"group\":\"org.bench\",\"name\":\"lib$i\",\"version\":\"1.0.0\",\"purl\":\"pkg:maven/org.bench/lib$i@1.0.0\",\"hashes\":[{\"alg\":\"SHA-256\",\"content\":\"$sha\"}]}"
done
echo "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,\"components\":[$components]}" >"$work/bom.json"
java -jar "$here/target/sbomgate.jar" trust add "$work/signer.asc" --trust "$work/trust" --name bench --scope 'pkg:maven/org.bench/*' >/dev/null

# Warm the page cache for both contenders.
cat "$work"/artifacts/* >/dev/null

gpg_loop() {
  for f in "$work"/artifacts/*.jar; do gpg --batch --quiet --verify "$f.asc" "$f" || return 1; done
  sha256sum --quiet -c "$work/SHA256SUMS"
}
jar_verify() {
  java -jar "$here/target/sbomgate.jar" verify --sbom "$work/bom.json" --artifacts "$work/artifacts" --trust "$work/trust"
}
launcher_verify() {
  "$here/sbomgate" verify --sbom "$work/bom.json" --artifacts "$work/artifacts" --trust "$work/trust" "$@"
}
before_verify() { # an older build, for before/after comparisons: BEFORE_JAR=path/to/sbomgate.jar
  java -jar "$BEFORE_JAR" verify --sbom "$work/bom.json" --artifacts "$work/artifacts" --trust "$work/trust"
}
sides=(gpg_loop jar_verify launcher_verify)
[[ -n ${BEFORE_JAR:-} ]] && sides+=(before_verify)

"$here/sbomgate" --version >/dev/null # makes the launcher's class-data archive if missing
jar_verify >/dev/null || { echo "sbomgate verify did not pass on the benchmark set" >&2; exit 1; }
gpg_loop >/dev/null 2>&1 || { echo "the gpg loop did not pass on the benchmark set" >&2; exit 1; }

runs=${RUNS:-3}
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -1); $(gpg --version | head -1)"
echo "artifacts: $n x ${size_kb} KiB, RSA-3072 OpenPGP signatures (SHA-512); $runs runs each, alternating; medians"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
t=$(mktemp)
measure() { # cmd... -> "wall cpu" (cpu = user + sys of every process and thread)
  /usr/bin/time -f '%e %U %S' -o "$t" "$@" >/dev/null 2>&1 || true
  tail -1 "$t" | awk '{print $1, $2 + $3}'
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
export work here GNUPGHOME BEFORE_JAR
export -f gpg_loop jar_verify launcher_verify before_verify
declare -A wall cpu
for r in $(seq 1 "$runs"); do
  for side in "${sides[@]}"; do
    read -r w c <<<"$(measure bash -c "$side")"
    wall[$side]+="$w "
    cpu[$side]+="$c "
  done
done
rm -f "$t"
# shellcheck disable=SC2086 # word splitting of the run lists is wanted
for side in "${sides[@]}"; do
  printf '%-16s median wall %6.2f s, median cpu %6.2f s   (walls: %s; cpus: %s)\n' "$side" \
    "$(median ${wall[$side]})" "$(median ${cpu[$side]})" "${wall[$side]% }" "${cpu[$side]% }"
done
# shellcheck disable=SC2086
{
  gw=$(median ${wall[gpg_loop]}); gc=$(median ${cpu[gpg_loop]})
  for side in "${sides[@]:1}"; do
    printf 'speed-up of %s over the gpg loop: %.1fx wall, %.1fx cpu\n' "$side" \
      "$(awk -v a="$gw" -v b="$(median ${wall[$side]})" 'BEGIN { print a / b }')" \
      "$(awk -v a="$gc" -v b="$(median ${cpu[$side]})" 'BEGIN { print a / b }')"
  done
}
echo "one more run of the launcher with --timings:"
launcher_verify --timings 2>&1 >/dev/null | sed "s/^/  /" || true
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "written to $out"

#!/usr/bin/env bash
# Benchmark: verify N signed artifacts with `sbomgate verify` against the shell loop a user would otherwise
# write (`gpg --verify` per file, plus `sha256sum -c`). Both run side by side in the same run, on the same files.
# Usage: bench/verify-bench.sh [N=1000] [SIZE_KB=64]
# Needs: gpg, sha256sum, java, and target/sbomgate.jar (built by ./sbomgate on first use).
set -euo pipefail
n=${1:-1000}
size_kb=${2:-64}
here="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d -t sbomgate-verify-bench.XXXXXX)"
trap 'rm -rf "$work"' EXIT
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

time_of() { local start end; start=$(date +%s.%N); "$@" >/dev/null 2>&1; end=$(date +%s.%N); awk -v a="$start" -v b="$end" 'BEGIN { printf "%.3f", b - a }'; }

gpg_loop() {
  for f in "$work"/artifacts/*.jar; do gpg --batch --quiet --verify "$f.asc" "$f" || return 1; done
  sha256sum --quiet -c "$work/SHA256SUMS"
}
sbomgate_verify() {
  java -jar "$here/target/sbomgate.jar" verify --sbom "$work/bom.json" --artifacts "$work/artifacts" --trust "$work/trust"
}

sbomgate_verify || { echo "sbomgate verify did not pass on the benchmark set" >&2; exit 1; }
gpg_loop || { echo "the gpg loop did not pass on the benchmark set" >&2; exit 1; }

runs=3
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -1); $(gpg --version | head -1)"
echo "artifacts: $n x ${size_kb} KiB, RSA-3072 OpenPGP signatures; $runs runs each, medians"
g=(); s=()
for r in $(seq 1 $runs); do
  g+=("$(time_of gpg_loop)")
  s+=("$(time_of sbomgate_verify)")
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
gm=$(median "${g[@]}"); sm=$(median "${s[@]}")
printf 'gpg --verify loop + sha256sum -c : %6.2f s  (runs: %s)\n' "$gm" "${g[*]}"
printf 'sbomgate verify                  : %6.2f s  (runs: %s)\n' "$sm" "${s[*]}"
printf 'speed-up                         : %6.1fx\n' "$(awk -v a="$gm" -v b="$sm" 'BEGIN { print a / b }')"

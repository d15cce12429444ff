#!/usr/bin/env bash
# Benchmark: hash and verify REAL Maven Central jars with their real .asc signatures, `sbomgate verify` against the
# shell loop a user would otherwise write (`gpg --verify` per jar, then `sha256sum -c`), side by side in one run on
# the same files. Not a test: run it by hand (docs/PERFORMANCE.md, "Verifying real Maven Central jars").
#
#   bench/real-verify-bench.sh [MAX=400]
#
# What it does, in order:
#  1. Takes the jars of the local Maven repository (MAVEN_REPOSITORY, default ~/.m2/repository) whose file name is
#     ARTIFACT-VERSION.jar (no classifier, no SNAPSHOT, not sbomgate itself), sorted by path.
#  2. Fetches each one's detached signature (G:A:V:jar.asc) with Maven itself (`dependency:resolve` over a generated
#     POM; a signature Central does not serve is skipped, and Maven remembers it), unless FETCH=0.
#  3. Keeps the first MAX jars, in path order, that have a .asc.
#  4. Writes a CycloneDX 1.6 SBOM listing them (purl pkg:maven/G/A@V, SHA-256 computed here with sha256sum) and a
#     SHA256SUMS file with the same digests.
#  5. Gives both sides the same keys: the 16 real Maven Central signer keys of src/test/resources/signature/pgp/real/
#     keys (from the project's corpus). gpg imports them into a fresh GNUPGHOME (it cannot import the one key without a
#     user ID); sbomgate pins them in a fresh trust store, each for pkg:maven/*/*. Jars signed by other keys count as
#     "unknown key" on both sides: gpg still reads and hashes the jar, sbomgate still computes its SHA-256.
#  6. Warms the page cache, checks that both sides agree on how many signatures are good, then times RUNS runs of
#     each, alternating: the gpg loop (`gpg --batch --verify JAR.asc JAR` per jar, then `sha256sum --quiet -c`),
#     `java -jar target/sbomgate.jar verify ...`, and `./sbomgate verify ...` (the launcher, with its AppCDS archive).
#     Medians of wall time and of CPU time (user + sys of all processes and threads, from /usr/bin/time).
set -euo pipefail
max=${1:-400}
RUNS=${RUNS:-3}
here="$(cd "$(dirname "$0")/.." && pwd)"
repo="${MAVEN_REPOSITORY:-$HOME/.m2/repository}"
keys="$here/src/test/resources/signature/pgp/real/keys"
if [[ -n ${WORK:-} ]]; then # WORK=DIR keeps the SBOM, trust store and GNUPGHOME there, for profiling by hand
  work=$WORK
  rm -rf "$work" && mkdir -p "$work"
else
  work="$(mktemp -d -t sbomgate-real-verify.XXXXXX)"
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$here/bench/out"
out="$here/bench/out/real-verify-bench-$(date +%Y%m%dT%H%M%S).txt"
exec > >(tee "$out") 2>&1

[[ -f $here/target/sbomgate.jar ]] || "$here/sbomgate" --version >/dev/null
"$here/sbomgate" --version >/dev/null # makes the launcher's class-data archive if missing

coordinates() { # path -> "G A V"
  local rel=${1#"$repo"/}
  local v a g
  v=$(basename "$(dirname "$rel")")
  a=$(basename "$(dirname "$(dirname "$rel")")")
  g=$(dirname "$(dirname "$(dirname "$rel")")" | tr / .)
  echo "$g $a $v"
}

find "$repo" -name '*.jar' -not -path '*/dev/sbomgate/*' -not -path '*SNAPSHOT*' | sort |
  awk -F/ '{ if ($NF == $(NF-2) "-" $(NF-1) ".jar") print }' >"$work/jars"

if [[ ${FETCH:-1} != 0 ]]; then
  for it in 1 2 3 4 5 6 7 8 9 10; do
    {
      echo '<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
      echo '<groupId>bench</groupId><artifactId>fetch-asc</artifactId><version>1</version><packaging>pom</packaging><dependencies>'
      while read -r jar; do
        [[ -f $jar.asc || -f $jar.asc.lastUpdated ]] && continue
        read -r g a v <<<"$(coordinates "$jar")"
        echo "<dependency><groupId>$g</groupId><artifactId>$a</artifactId><version>$v</version><type>jar.asc</type></dependency>"
      done <"$work/jars"
      echo '</dependencies></project>'
    } >"$work/fetch-pom.xml"
    missing=$(grep -o '<dependency>' "$work/fetch-pom.xml" | wc -l)
    [[ $missing == 0 ]] && break
    echo "fetching up to $missing signatures (round $it)..."
    # Maven stops at the first signature Central does not have (and records it in .lastUpdated): repeat.
    mvn -B -q -f "$work/fetch-pom.xml" dependency:resolve -DexcludeTransitive=true >/dev/null 2>&1 && break
  done
fi

: >"$work/list"
while read -r jar; do
  [[ -f $jar.asc ]] && echo "$jar" >>"$work/list"
done <"$work/jars"
head -n "$max" "$work/list" >"$work/selected"
n=$(wc -l <"$work/selected")
[[ $n -gt 0 ]] || { echo "no jar with a .asc in $repo" >&2; exit 1; }

components=""
: >"$work/SHA256SUMS"
while read -r jar; do
  read -r g a v <<<"$(coordinates "$jar")"
  sha=$(sha256sum "$jar" | cut -d' ' -f1)
  echo "$sha  $jar" >>"$work/SHA256SUMS"
  purl="pkg:maven/$g/$a@$v"
  components+="${components:+,}{\"type\":\"library\",\"bom-ref\":\"$purl\",\"group\":\"$g\",\"name\":\"$a\",\"version\":\"$v\",\"purl\":\"$purl\",\"hashes\":[{\"alg\":\"SHA-256\",\"content\":\"$sha\"}]}"
done <"$work/selected"
echo "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,\"components\":[$components]}" >"$work/bom.json"
# The same SBOM cut to its first component: what a run costs before any per-artifact work (JVM, loading, key parsing).
echo "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,\"components\":[${components%%\},\{*}}]}" \
  >"$work/bom-one.json"
bytes=$(xargs du -cb <"$work/selected" | tail -1 | cut -f1)

export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
for key in "$keys"/*.asc; do
  gpg --batch --quiet --allow-non-selfsigned-uid --import "$key" >/dev/null 2>&1 || true
  java -jar "$here/target/sbomgate.jar" trust add "$key" --trust "$work/trust" --name "$(basename "$key" .asc)" \
    --scope 'pkg:maven/*/*' >/dev/null
done

gpg_loop() {
  while read -r jar; do
    gpg --batch --quiet --allow-non-selfsigned-uid --verify "$jar.asc" "$jar" 2>/dev/null || true
  done <"$work/selected"
  sha256sum --quiet -c "$work/SHA256SUMS"
}
jar_verify() {
  java -jar "$here/target/sbomgate.jar" verify --sbom "$work/bom.json" --artifacts "$repo" --trust "$work/trust" "$@"
}
launcher_verify() {
  "$here/sbomgate" verify --sbom "$work/bom.json" --artifacts "$repo" --trust "$work/trust" "$@"
}
launcher_one() { # the fixed cost: the launcher verifying the first jar only
  "$here/sbomgate" verify --sbom "$work/bom-one.json" --artifacts "$repo" --trust "$work/trust" "$@"
}

xargs cat <"$work/selected" >/dev/null
xargs -I{} cat {}.asc <"$work/selected" >/dev/null

# Both sides must agree on what they found before their times mean anything.
good_gpg=0
while read -r jar; do
  if gpg --batch --status-fd 1 --allow-non-selfsigned-uid --verify "$jar.asc" "$jar" 2>/dev/null | grep -q '^\[GNUPG:\] GOODSIG'; then
    good_gpg=$((good_gpg + 1))
  fi
done <"$work/selected"
jar_verify --format json >"$work/verify.json" || true
good_sbomgate=$(grep -c '"signatureStatus" : "verified"' "$work/verify.json" || true)
digests_ok=$(grep -c '"integrity" : "proven"' "$work/verify.json" || true)
sha256sum --quiet -c "$work/SHA256SUMS" || { echo "sha256sum -c failed on the benchmark set" >&2; exit 1; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -1); $(gpg --version | head -1)"
echo "jars: $n real Maven Central jars with their .asc ($((bytes / 1048576)) MiB), from $repo"
echo "good signatures: gpg $good_gpg, sbomgate $good_sbomgate (keys: the 16 of $keys; gpg cannot import the one without a user ID)"
echo "digests proven by sbomgate: $digests_ok of $n; sha256sum -c: all $n OK"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

t=$(mktemp)
measure() { # cmd... -> "wall cpu"
  /usr/bin/time -f '%e %U %S' -o "$t" "$@" >/dev/null 2>&1 || true
  tail -1 "$t" | awk '{print $1, $2 + $3}'
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
export work repo here
export -f gpg_loop jar_verify launcher_verify launcher_one
declare -A wall cpu
for r in $(seq 1 "$RUNS"); do
  for side in gpg_loop jar_verify launcher_verify launcher_one; do
    read -r w c <<<"$(measure bash -c "$side")"
    wall[$side]+="$w "
    cpu[$side]+="$c "
  done
done
rm -f "$t"
# shellcheck disable=SC2086 # word splitting of the run lists is wanted
for side in gpg_loop jar_verify launcher_verify launcher_one; do
  printf '%-16s median wall %6.2f s, median cpu %6.2f s   (walls: %s; cpus: %s)\n' "$side" \
    "$(median ${wall[$side]})" "$(median ${cpu[$side]})" "${wall[$side]% }" "${cpu[$side]% }"
done
# shellcheck disable=SC2086
{
  gw=$(median ${wall[gpg_loop]}); gc=$(median ${cpu[gpg_loop]})
  for side in jar_verify launcher_verify; do
    printf 'speed-up of %s over the gpg loop: %.1fx wall, %.1fx cpu\n' "$side" \
      "$(awk -v a="$gw" -v b="$(median ${wall[$side]})" 'BEGIN { print a / b }')" \
      "$(awk -v a="$gc" -v b="$(median ${cpu[$side]})" 'BEGIN { print a / b }')"
  done
  printf 'ceiling: with no per-artifact cost at all, the launcher could be at most %.1fx faster than the gpg loop on these %s jars (gpg loop wall / launcher_one wall)\n' \
    "$(awk -v a="$gw" -v b="$(median ${wall[launcher_one]})" 'BEGIN { print a / b }')" "$n"
}
echo "one more run of the launcher with --timings:"
launcher_verify --timings 2>&1 >/dev/null | sed "s/^/  /" || true
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "written to $out"

#!/usr/bin/env bash
# Benchmark: a typical update, measured side by side with the gpg loop over the same real jars (issue 17). Not a test:
# run it by hand (docs/PERFORMANCE.md, "Reuse of verified results").
#
#   bench/reuse-bench.sh [MAX=400] [CHANGED=4]
#
# What it does, in order:
#  1. Takes the jars of the local Maven repository (MAVEN_REPOSITORY, default ~/.m2/repository) named
#     ARTIFACT-VERSION.jar that have their real .asc from Maven Central beside them (bench/real-verify-bench.sh fetches
#     them), and keeps those whose signature `sbomgate verify` finds good by one of the 16 real signer keys of
#     src/test/resources/signature/pgp/real/keys (pinned for pkg:maven/*/*): an approval needs every signer pinned.
#  2. CHANGED of them are swapped in the update for another good version of the same groupId:artifactId (a real
#     upgrade: a new artifact, a new signature); the approved set is the first MAX of the others plus the swapped-out
#     versions. With the 16 keys only a few hundred jars of a local repository qualify: the set is then smaller than
#     MAX, and the output says how large it was.
#  3. `sbomgate init` approves the first SBOM (policy policies/audit.yaml, so that the change rules do not refuse the
#     approval of a benchmark set; the cost of judging is the same).
#  4. Times RUNS runs of each, alternating, over the updated set: the gpg loop (`gpg --verify` per jar, then
#     `sha256sum -c`), `sbomgate check` (reusing what the approval verified), `sbomgate check --full`, and
#     `sbomgate --version` (the JVM's floor), all through the launcher. Medians of wall time and of CPU time (user + sys
#     of all processes, from /usr/bin/time), with the load average before and after.
set -euo pipefail
max=${1:-400}
changed=${2:-4}
RUNS=${RUNS:-5}
here="$(cd "$(dirname "$0")/.." && pwd)"
repo="${MAVEN_REPOSITORY:-$HOME/.m2/repository}"
keys="$here/src/test/resources/signature/pgp/real/keys"
if [[ -n ${WORK:-} ]]; then
  work=$WORK
  rm -rf "$work" && mkdir -p "$work"
else
  work="$(mktemp -d -t sbomgate-reuse.XXXXXX)"
  trap 'rm -rf "$work"' EXIT
fi
mkdir -p "$here/bench/out"
out="$here/bench/out/reuse-bench-$(date +%Y%m%dT%H%M%S).txt"
exec > >(tee "$out") 2>&1

"$here/sbomgate" --version >/dev/null # builds the jar and the launcher's class-data archive if missing

coordinates() { # path -> "G A V"
  local rel=${1#"$repo"/}
  local v a g
  v=$(basename "$(dirname "$rel")")
  a=$(basename "$(dirname "$(dirname "$rel")")")
  g=$(dirname "$(dirname "$(dirname "$rel")")" | tr / .)
  echo "$g $a $v"
}
component() { # path -> one CycloneDX component
  local g a v sha purl
  read -r g a v <<<"$(coordinates "$1")"
  sha=$(sha256sum "$1" | cut -d' ' -f1)
  purl="pkg:maven/$g/$a@$v"
  echo "{\"type\":\"library\",\"bom-ref\":\"$purl\",\"group\":\"$g\",\"name\":\"$a\",\"version\":\"$v\",\"purl\":\"$purl\",\"hashes\":[{\"alg\":\"SHA-256\",\"content\":\"$sha\"}]}"
}
sbom() { # list file -> SBOM on stdout
  local components=""
  while read -r jar; do
    components+="${components:+,}$(component "$jar")"
  done <"$1"
  echo "{\"bomFormat\":\"CycloneDX\",\"specVersion\":\"1.6\",\"version\":1,\"components\":[$components]}"
}

find "$repo" -name '*.jar' -not -path '*/dev/sbomgate/*' -not -path '*SNAPSHOT*' | sort |
  awk -F/ '{ if ($NF == $(NF-2) "-" $(NF-1) ".jar") print }' | while read -r jar; do
  if [[ -f $jar.asc ]]; then echo "$jar"; fi
done >"$work/signed"

for key in "$keys"/*.asc; do
  java -jar "$here/target/sbomgate.jar" trust add "$key" --trust "$work/trust" --name "$(basename "$key" .asc)" \
    --scope 'pkg:maven/*/*' >/dev/null
done
export GNUPGHOME="$work/gnupg"
mkdir -m 700 "$GNUPGHOME"
for key in "$keys"/*.asc; do
  gpg --batch --quiet --allow-non-selfsigned-uid --import "$key" >/dev/null 2>&1 || true
done

# 1. which signatures are good by a pinned key (one sbomgate verify over every signed jar)
sbom "$work/signed" >"$work/all.json"
java -jar "$here/target/sbomgate.jar" verify --sbom "$work/all.json" --artifacts "$repo" --trust "$work/trust" \
  --format json >"$work/all-verify.json" || true
python3 - "$work/all-verify.json" >"$work/good-purls" <<'EOF'
import json, sys
for c in json.load(open(sys.argv[1]))["components"]:
    if c["signatureStatus"] == "verified" and c["integrity"] == "proven":
        print(c["component"])
EOF
while read -r jar; do
  read -r g a v <<<"$(coordinates "$jar")"
  if grep -qxF "pkg:maven/$g/$a@$v" "$work/good-purls"; then echo "$g:$a $jar"; fi
done <"$work/signed" >"$work/good"

# 2. the update's swaps first: for CHANGED groupId:artifactId with two good versions, the first version is approved
#    and the last is held back for the update; then the approved set is those plus the other good jars (several
#    versions of one artifact may be approved together, as in a real SBOM), the first MAX in path order.
awk '{n[$1]++; if (!($1 in first)) first[$1] = $2; last[$1] = $2; order[NR] = $1}
     END {for (i = 1; i <= NR; i++) {ga = order[i]; if (n[ga] > 1 && !done[ga]++) print first[ga], last[ga]}}' \
  "$work/good" | head -n "$changed" >"$work/swaps"
{
  cut -d' ' -f1 "$work/swaps"
  cut -d' ' -f2 "$work/good" | grep -vxF -f <(cut -d' ' -f1,2 "$work/swaps" | tr ' ' '\n')
} | head -n "$max" >"$work/approved"
cp "$work/approved" "$work/updated"
while read -r from to; do
  sed -i "s|^$from\$|$to|" "$work/updated"
done <"$work/swaps"
n=$(wc -l <"$work/approved")
swapped=$(wc -l <"$work/swaps")
sbom "$work/approved" >"$work/approved.json"
sbom "$work/updated" >"$work/updated.json"
: >"$work/SHA256SUMS"
while read -r jar; do sha256sum "$jar" >>"$work/SHA256SUMS"; done <"$work/updated"
bytes=$(xargs du -cb <"$work/updated" | tail -1 | cut -f1)

# 3. the approval
java -jar "$here/target/sbomgate.jar" init --sbom "$work/approved.json" --artifacts "$repo" --trust "$work/trust" \
  --baseline "$work/.sbomgate" --policy "$here/policies/audit.yaml" >/dev/null

gpg_loop() {
  while read -r jar; do
    gpg --batch --quiet --allow-non-selfsigned-uid --verify "$jar.asc" "$jar" 2>/dev/null || true
  done <"$work/updated"
  sha256sum --quiet -c "$work/SHA256SUMS"
}
check_reuse() {
  "$here/sbomgate" check --sbom "$work/updated.json" --artifacts "$repo" --trust "$work/trust" \
    --baseline "$work/.sbomgate" --policy "$here/policies/audit.yaml" "$@"
}
check_full() { check_reuse --full "$@"; }
version() { "$here/sbomgate" --version; }

xargs cat <"$work/updated" >/dev/null
xargs -I{} cat {}.asc <"$work/updated" >/dev/null
check_reuse --format json >"$work/check.json" || true
check_full --format json >"$work/check-full.json" || true

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs); $(java -version 2>&1 | head -1); $(gpg --version | head -1)"
echo "jars: $n real Maven Central jars with their .asc, all signed by the 16 pinned keys ($(wc -l <"$work/good") of the $(wc -l <"$work/signed") signed jars in $repo verify with them); update: $swapped swapped for another real version ($((bytes / 1048576)) MiB in the updated set)"
while read -r from to; do echo "  swapped: ${from#"$repo"/} -> ${to#"$repo"/}"; done <"$work/swaps"
python3 - "$work/check.json" "$work/check-full.json" <<'EOF'
import json, sys
for name in sys.argv[1:]:
    r = json.load(open(name))
    reasons = {}
    for c in r["components"]:
        for x in (c["reuse"] or {}).get("refused", []):
            reasons[x["reason"]] = reasons.get(x["reason"], 0) + 1
    print("%s: summary.reuse %s, refusals by reason %s, verdict %s" % (name.rsplit("/", 1)[1], r["summary"]["reuse"], reasons, r["verdict"]))
EOF
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

t=$(mktemp)
measure() { # cmd... -> "wall cpu"
  /usr/bin/time -f '%e %U %S' -o "$t" "$@" >/dev/null 2>&1 || true
  tail -1 "$t" | awk '{print $1, $2 + $3}'
}
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }
export work repo here
export -f gpg_loop check_reuse check_full version
sides=(gpg_loop check_reuse check_full version)
declare -A wall cpu
for r in $(seq 1 "$RUNS"); do
  for side in "${sides[@]}"; do
    read -r w c <<<"$(measure bash -c "$side")"
    wall[$side]+="$w "
    cpu[$side]+="$c "
  done
done
rm -f "$t"
# shellcheck disable=SC2086 # word splitting of the run lists is wanted
for side in "${sides[@]}"; do
  printf '%-12s median wall %6.2f s, median cpu %6.2f s   (walls: %s; cpus: %s)\n' "$side" \
    "$(median ${wall[$side]})" "$(median ${cpu[$side]})" "${wall[$side]% }" "${cpu[$side]% }"
done
# shellcheck disable=SC2086
{
  gw=$(median ${wall[gpg_loop]}); gc=$(median ${cpu[gpg_loop]})
  for side in check_reuse check_full; do
    printf 'speed-up of %s over the gpg loop: %.2fx wall, %.2fx cpu\n' "$side" \
      "$(awk -v a="$gw" -v b="$(median ${wall[$side]})" 'BEGIN { print a / b }')" \
      "$(awk -v a="$gc" -v b="$(median ${cpu[$side]})" 'BEGIN { print a / b }')"
  done
  printf 'check_reuse minus --version: %.2f s wall, %.2f s cpu (the per-run work beyond the JVM floor)\n' \
    "$(awk -v a="$(median ${wall[check_reuse]})" -v b="$(median ${wall[version]})" 'BEGIN { print a - b }')" \
    "$(awk -v a="$(median ${cpu[check_reuse]})" -v b="$(median ${cpu[version]})" 'BEGIN { print a - b }')"
}
echo "one more run of check (reuse) with --timings:"
check_reuse --timings 2>&1 >/dev/null | sed "s/^/  /" || true
echo "one more run of check --full with --timings:"
check_full --timings 2>&1 >/dev/null | sed "s/^/  /" || true
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "written to $out"

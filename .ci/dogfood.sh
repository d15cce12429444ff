#!/usr/bin/env bash
# sbomgate gates its own runtime dependencies: after `mvn -B verify` has built target/sbomgate.jar and the
# project's own SBOM (target/sbomgate-sbom.json, by cyclonedx-maven-plugin), fetch every runtime dependency's
# detached OpenPGP signature with Maven itself, then run the gate against the baseline and trust store
# committed in .sbomgate/. Fails when one of our own dependency updates is unsigned, re-signed or anomalous.
set -euo pipefail
cd "$(dirname "$0")/.."
sbom=target/sbomgate-sbom.json
[[ -f $sbom && -f target/sbomgate.jar ]] || { echo "dogfood: run 'mvn -B verify' first" >&2; exit 2; }

# Every pkg:maven purl in the SBOM but our own: group/artifact@version -> group:artifact:version:jar.asc
grep -oE '"purl" : "pkg:maven/[^"@]+@[^"?]+' "$sbom" | sed -E 's#.*pkg:maven/##' | grep -v '^dev\.sbomgate/' | sort -u |
while IFS= read -r coordinate; do
  ga=${coordinate%@*}
  version=${coordinate#*@}
  artifact="${ga%/*}:${ga#*/}:${version}:jar.asc"
  mvn -B -q dependency:get -Dartifact="$artifact" -Dtransitive=false >/dev/null ||
    echo "dogfood: no signature served for $artifact (the gate will report it)" >&2
done

java -jar target/sbomgate.jar check --baseline .sbomgate --artifacts "${MAVEN_REPOSITORY:-$HOME/.m2/repository}"

#!/usr/bin/env bash
# Rebuilds samples/startup/ (see README.md there) from the real Maven Central files in the test resources.
# Run from anywhere; needs target/sbomgate.jar (./sbomgate --version builds it).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
real="$root/src/test/resources/signature/pgp/real"
sg() { java -jar "$root/target/sbomgate.jar" "$@"; }
cd "$here"
rm -rf artifacts .sbomgate bom.json
mkdir artifacts
# file, group, name, version, signer key
rows=(
  "picocli-4.7.6.pom info.picocli picocli 4.7.6 AA417737BD805456DB3CBDDE6601E5C08DCCBB96"
  "jackson-annotations-2.21.pom com.fasterxml.jackson.core jackson-annotations 2.21 28118C070CB22A0175A2E8D43D12CA2AC19F3181"
  "bcprov-jdk18on-1.85.pom org.bouncycastle bcprov-jdk18on 1.85 7B121B76A7ED6CE6E60AD51784E913A8E3A748C0"
  "slf4j-api-2.0.17.pom org.slf4j slf4j-api 2.0.17 60200AC4AE761F1614D6C46766D68DAA073BE985"
  "commons-codec-1.21.0.pom commons-codec commons-codec 1.21.0 F4DD59C90148BDC52BEB90A4530AA5F25C25011F"
)
components="" refs=""
for row in "${rows[@]}"; do
  read -r file group name version key <<<"$row"
  cp "$real/artifacts/$file" "$real/artifacts/$file.asc" artifacts/
  sha=$(sha256sum "artifacts/$file" | cut -d' ' -f1)
  purl="pkg:maven/$group/$name@$version?type=pom"
  components+="${components:+,
    }{\"type\":\"library\",\"bom-ref\":\"$purl\",\"group\":\"$group\",\"name\":\"$name\",\"version\":\"$version\",\"purl\":\"$purl\",\"hashes\":[{\"alg\":\"SHA-256\",\"content\":\"$sha\"}]}"
  refs+="${refs:+,}\"$purl\""
  sg trust add "$real/keys/$key.asc" --trust .sbomgate/trust --name "$name release key" --scope "pkg:maven/$group/*" >/dev/null
done
cat >bom.json <<JSON
{"bomFormat":"CycloneDX","specVersion":"1.6","version":1,
  "metadata":{"component":{"type":"application","bom-ref":"startup-sample","name":"startup-sample","version":"1"}},
  "components":[
    $components],
  "dependencies":[{"ref":"startup-sample","dependsOn":[$refs]}]}
JSON
sg init --sbom bom.json --artifacts artifacts --baseline .sbomgate

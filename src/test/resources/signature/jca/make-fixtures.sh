#!/usr/bin/env bash
# Regenerates the key-pair signature fixtures of dev.sbomgate.signature.jca with real OpenSSL (3.x).
# Run from anywhere: ./make-fixtures.sh. Private keys live only in a temporary directory and are
# deleted; only public keys, certificates, signatures and expected fingerprints are committed.
# Every signature is checked with OpenSSL itself before it is kept.
set -euo pipefail
cd "$(dirname "$0")"
command -v openssl >/dev/null || { echo "openssl is required" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

rm -f -- *.pem *.der *.sig artifact.txt fingerprints.txt

# The signed artifact: a few kilobytes of deterministic text (more than one digest block).
for i in $(seq 1 200); do echo "sbomgate key-pair signature fixture line $i"; done > artifact.txt

# --- keys -----------------------------------------------------------------------------------
openssl genpkey -quiet -algorithm ED25519 -out "$tmp/ed25519.key"
openssl genpkey -quiet -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -pkeyopt ec_param_enc:named_curve -out "$tmp/p256.key"
openssl genpkey -quiet -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -pkeyopt ec_param_enc:named_curve -out "$tmp/other-p256.key"
openssl genpkey -quiet -algorithm EC -pkeyopt ec_paramgen_curve:P-384 -pkeyopt ec_param_enc:named_curve -out "$tmp/p384.key"
openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:3072 -out "$tmp/rsa3072.key"
openssl genpkey -quiet -algorithm RSA -pkeyopt rsa_keygen_bits:1024 -out "$tmp/rsa1024.key"
openssl genpkey -quiet -algorithm EC -pkeyopt ec_paramgen_curve:P-256 -pkeyopt ec_param_enc:named_curve -out "$tmp/cert-p256.key"

for k in ed25519 p256 other-p256 p384 rsa3072 rsa1024; do
  openssl pkey -in "$tmp/$k.key" -pubout -out "$k.pub.pem"
done
# The DER form of one key (SubjectPublicKeyInfo), to exercise binary key files.
openssl pkey -in "$tmp/p384.key" -pubout -outform DER -out p384.pub.der
# The PKCS#1 "RSA PUBLIC KEY" form of the RSA-3072 key.
openssl rsa -in "$tmp/rsa3072.key" -RSAPublicKey_out -out rsa3072.pkcs1.pem 2>/dev/null

# A self-signed X.509 certificate as the key container (PEM and DER), valid for ten years.
openssl req -new -x509 -key "$tmp/cert-p256.key" -subj "/CN=sbomgate test release signer/O=sbomgate tests" \
  -days 3650 -out cert-p256.crt.pem
openssl x509 -in cert-p256.crt.pem -outform DER -out cert-p256.crt.der

# --- expected fingerprints: SHA-256 of the DER SubjectPublicKeyInfo, as OpenSSL encodes it ------
fp() { openssl pkey -pubin -in "$1" -outform DER | sha256sum | cut -d' ' -f1; }
{
  for k in ed25519 p256 other-p256 p384 rsa3072 rsa1024; do echo "$k.pub.pem $(fp "$k.pub.pem")"; done
  echo "p384.pub.der $(openssl pkey -pubin -inform DER -in p384.pub.der -outform DER | sha256sum | cut -d' ' -f1)"
  echo "rsa3072.pkcs1.pem $(fp rsa3072.pub.pem)"
  echo "cert-p256.crt.pem $(openssl x509 -in cert-p256.crt.pem -pubkey -noout | openssl pkey -pubin -outform DER | sha256sum | cut -d' ' -f1)"
  echo "cert-p256.crt.der $(openssl x509 -inform DER -in cert-p256.crt.der -pubkey -noout | openssl pkey -pubin -outform DER | sha256sum | cut -d' ' -f1)"
} > fingerprints.txt

# --- signatures over artifact.txt -----------------------------------------------------------
# Ed25519: PureEdDSA over the whole file (RFC 8032 5.1.6), as cosign and openssl pkeyutl -rawin make it.
openssl pkeyutl -sign -rawin -inkey "$tmp/ed25519.key" -in artifact.txt -out artifact.ed25519.sig
openssl pkeyutl -verify -rawin -pubin -inkey ed25519.pub.pem -in artifact.txt -sigfile artifact.ed25519.sig >/dev/null
base64 -w0 artifact.ed25519.sig > artifact.ed25519.b64.sig

# ECDSA: openssl dgst writes the DER Ecdsa-Sig-Value (RFC 3279 2.2.3).
openssl dgst -sha256 -sign "$tmp/p256.key" -out artifact.p256-sha256.der.sig artifact.txt
openssl dgst -sha256 -verify p256.pub.pem -signature artifact.p256-sha256.der.sig artifact.txt >/dev/null
# cosign sign-blob --key writes base64 of the same DER signature, without a trailing newline.
base64 -w0 artifact.p256-sha256.der.sig > artifact.p256-sha256.b64.sig
# The same signature as raw r||s (IEEE P1363, 32 + 32 bytes), converted from the DER with asn1parse.
raw_rs() {
  local der=$1 size=$2
  openssl asn1parse -inform DER -in "$der" | awk '/INTEGER/ { sub(/.*:/, ""); print }' | while read -r hex; do
    printf '%0*s' $((size * 2)) "$hex" | tr ' ' 0
  done | xxd -r -p
}
raw_rs artifact.p256-sha256.der.sig 32 > artifact.p256-sha256.raw.sig
openssl dgst -sha384 -sign "$tmp/p384.key" -out artifact.p384-sha384.der.sig artifact.txt
openssl dgst -sha384 -verify p384.pub.pem -signature artifact.p384-sha384.der.sig artifact.txt >/dev/null
raw_rs artifact.p384-sha384.der.sig 48 > artifact.p384-sha384.raw.sig
# A P-384 key with SHA-256 (openssl dgst allows any digest).
openssl dgst -sha256 -sign "$tmp/p384.key" -out artifact.p384-sha256.der.sig artifact.txt
# Signed by a P-256 key that is not the pinned one.
openssl dgst -sha256 -sign "$tmp/other-p256.key" -out artifact.other-p256-sha256.der.sig artifact.txt
# Signed by the certificate's key.
openssl dgst -sha256 -sign "$tmp/cert-p256.key" -out artifact.cert-p256-sha256.der.sig artifact.txt
openssl dgst -sha256 -verify <(openssl x509 -in cert-p256.crt.pem -pubkey -noout) \
  -signature artifact.cert-p256-sha256.der.sig artifact.txt >/dev/null

# RSA PKCS#1 v1.5 (RFC 8017 8.2) with SHA-256, SHA-512, and SHA-1 (weak: never valid).
for d in sha256 sha512 sha1; do
  openssl dgst -"$d" -sign "$tmp/rsa3072.key" -out "artifact.rsa3072-pkcs1-$d.sig" artifact.txt
  openssl dgst -"$d" -verify rsa3072.pub.pem -signature "artifact.rsa3072-pkcs1-$d.sig" artifact.txt >/dev/null
done
# RSA-PSS (RFC 8017 8.1), MGF1 with the same digest. OpenSSL 3.0 signs with the maximum salt length
# by default; OpenSSL 3.1+ and most libraries use the digest length: one fixture for each.
openssl dgst -sha256 -sign "$tmp/rsa3072.key" -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:max \
  -out artifact.rsa3072-pss-sha256-saltmax.sig artifact.txt
openssl dgst -sha256 -sign "$tmp/rsa3072.key" -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest \
  -out artifact.rsa3072-pss-sha256-saltdigest.sig artifact.txt
openssl dgst -sha384 -sign "$tmp/rsa3072.key" -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:digest \
  -out artifact.rsa3072-pss-sha384-saltdigest.sig artifact.txt
for s in pss-sha256-saltmax:sha256 pss-sha256-saltdigest:sha256 pss-sha384-saltdigest:sha384; do
  openssl dgst -"${s#*:}" -verify rsa3072.pub.pem -sigopt rsa_padding_mode:pss -sigopt rsa_pss_saltlen:auto \
    -signature "artifact.rsa3072-${s%:*}.sig" artifact.txt >/dev/null
done
# RSA-1024: verifies, but the key is too weak to count.
openssl dgst -sha256 -sign "$tmp/rsa1024.key" -out artifact.rsa1024-pkcs1-sha256.sig artifact.txt

echo "fixtures written to $(pwd)"

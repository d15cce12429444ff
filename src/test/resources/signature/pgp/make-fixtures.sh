#!/usr/bin/env bash
# Regenerates the gpg-made OpenPGP fixtures in gpg/ (keys, detached signatures, cases.tsv).
#
# Everything here is made by real GnuPG (2.2) in a throwaway GNUPGHOME, with a frozen
# --faked-system-time per step, so every creation time is known in advance. Key material is
# random, so a rerun changes fingerprints and signature bytes; cases.tsv records the fingerprints
# gpg reports, and the tests read them from there. The committed files are what the tests use:
# the tests never run gpg.
#
# cases.tsv columns:
#   case        name, after what it exercises and the status expected
#   keys        key files (comma-separated, relative to gpg/) forming the verifier's key set
#   artifact    the signed file (relative to gpg/)
#   signature   the detached signature file (relative to gpg/)
#   status      expected SignatureStatus
#   signer      expected primary key fingerprint ('-' for none)
#   signing_key expected fingerprint of the (sub)key that signed ('-' for none)
#   issuer      expected issuer as reported ('-' when not asserted)
#   created     expected signature creation time, UTC ('-' when not asserted)
#   algorithm   expected algorithm string ('-' when not asserted)
set -euo pipefail

HERE=$(cd "$(dirname "$0")" && pwd)
OUT="$HERE/gpg"
GNUPGHOME=$(mktemp -d)
export GNUPGHOME
trap 'gpgconf --kill all >/dev/null 2>&1 || true; rm -rf "$GNUPGHOME"' EXIT

rm -rf "$OUT"
mkdir -p "$OUT/keys" "$OUT/sigs"

# gpg at a frozen time: at 20240101T000000 <gpg args...>
at() {
    local t=$1
    shift
    gpg --batch --no-tty --pinentry-mode loopback --passphrase '' --faked-system-time "${t}!" "$@" 2>/dev/null
}
# Interactive gpg (revocations) at a frozen time, answers on stdin.
at_interactive() {
    local t=$1
    shift
    gpg --no-tty --pinentry-mode loopback --passphrase '' --faked-system-time "${t}!" \
        --command-fd 0 --status-fd 2 "$@" 2>/dev/null
}
primary_fpr() { gpg --with-colons --list-keys "$1" 2>/dev/null | awk -F: '/^fpr/ {print $10; exit}'; }
# Fingerprint of the last subkey of a key.
last_subkey_fpr() {
    gpg --with-colons --with-subkey-fingerprints --list-keys "$1" 2>/dev/null \
        | awk -F: '/^sub/ {s=1; next} s && /^fpr/ {f=$10; s=0} END {print f}'
}
iso() { date -u -d "$(echo "$1" | sed -E 's/^(....)(..)(..)T(..)(..)(..)$/\1-\2-\3 \4:\5:\6/')" +%Y-%m-%dT%H:%M:%SZ; }
export_key() { gpg --armor --export "$1" >"$OUT/keys/$2.asc"; }

T0=20240101T000000

# The artifact: a small text file with LF line endings (also used for the text-mode signature).
{
    echo "sbomgate OpenPGP fixture artifact"
    for i in $(seq 1 40); do echo "line $i: the quick brown fox jumps over the lazy dog"; done
} >"$OUT/artifact.txt"
A=artifact.txt

CASES="$OUT/cases.tsv"
printf 'case\tkeys\tartifact\tsignature\tstatus\tsigner\tsigning_key\tissuer\tcreated\talgorithm\n' >"$CASES"
case_row() { printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$@" >>"$CASES"; }

# --- RSA-4096 key: armoured, binary, text-mode and SHA-1 signatures -------------------------------
at $T0 --quick-gen-key "Fixture RSA-4096 <rsa4096@fixture.invalid>" rsa4096 sign never
RSA=$(primary_fpr rsa4096@fixture.invalid)
export_key "$RSA" rsa4096
at 20240102T100000 -u "$RSA" --digest-algo SHA512 --armor -o "$OUT/sigs/rsa4096-sha512.asc" --detach-sign "$OUT/$A"
at 20240102T100500 -u "$RSA" --digest-algo SHA256 -o "$OUT/sigs/rsa4096-binary.sig" --detach-sign "$OUT/$A"
at 20240102T101000 -u "$RSA" --digest-algo SHA256 --textmode --armor -o "$OUT/sigs/rsa4096-textmode.asc" --detach-sign "$OUT/$A"
at 20240102T101500 -u "$RSA" --digest-algo SHA1 --armor -o "$OUT/sigs/rsa4096-sha1.asc" --detach-sign "$OUT/$A"
case_row rsa4096-sha512-verified keys/rsa4096.asc $A sigs/rsa4096-sha512.asc VERIFIED "$RSA" "$RSA" "$RSA" "$(iso 20240102T100000)" RSA-4096/SHA-512
case_row rsa4096-binary-signature-verified keys/rsa4096.asc $A sigs/rsa4096-binary.sig VERIFIED "$RSA" "$RSA" "$RSA" "$(iso 20240102T100500)" RSA-4096/SHA-256
case_row rsa4096-textmode-signature-verified keys/rsa4096.asc $A sigs/rsa4096-textmode.asc VERIFIED "$RSA" "$RSA" "$RSA" "$(iso 20240102T101000)" RSA-4096/SHA-256
case_row sha1-digest-weak-crypto keys/rsa4096.asc $A sigs/rsa4096-sha1.asc WEAK_CRYPTO "$RSA" "$RSA" "$RSA" "$(iso 20240102T101500)" RSA-4096/SHA-1

# --- Ed25519 and ECDSA P-256 ----------------------------------------------------------------------
at $T0 --quick-gen-key "Fixture Ed25519 <ed25519@fixture.invalid>" ed25519 sign never
ED=$(primary_fpr ed25519@fixture.invalid)
export_key "$ED" ed25519
at 20240103T120000 -u "$ED" --digest-algo SHA512 --armor -o "$OUT/sigs/ed25519.asc" --detach-sign "$OUT/$A"
case_row ed25519-verified keys/ed25519.asc $A sigs/ed25519.asc VERIFIED "$ED" "$ED" "$ED" "$(iso 20240103T120000)" Ed25519/SHA-512

at $T0 --quick-gen-key "Fixture P-256 <p256@fixture.invalid>" nistp256 sign never
P256=$(primary_fpr p256@fixture.invalid)
export_key "$P256" ecdsa-p256
at 20240103T130000 -u "$P256" --digest-algo SHA256 --armor -o "$OUT/sigs/ecdsa-p256.asc" --detach-sign "$OUT/$A"
case_row ecdsa-p256-verified keys/ecdsa-p256.asc $A sigs/ecdsa-p256.asc VERIFIED "$P256" "$P256" "$P256" "$(iso 20240103T130000)" ECDSA-P256/SHA-256

# --- Certify-only primary with an Ed25519 signing subkey (cross-certified by gpg) -------------------
at $T0 --quick-gen-key "Fixture Subkey Signer <subkey@fixture.invalid>" ed25519 cert never
SUBP=$(primary_fpr subkey@fixture.invalid)
at $T0 --quick-add-key "$SUBP" ed25519 sign never
SUBK=$(last_subkey_fpr "$SUBP")
export_key "$SUBP" signing-subkey
at 20240104T090000 -u "${SUBK}!" --digest-algo SHA512 --armor -o "$OUT/sigs/signing-subkey.asc" --detach-sign "$OUT/$A"
case_row signing-subkey-verified keys/signing-subkey.asc $A sigs/signing-subkey.asc VERIFIED "$SUBP" "$SUBK" "$SUBK" "$(iso 20240104T090000)" Ed25519/SHA-512

# --- Expired primary key: signatures before and after its expiry ----------------------------------
# gpg refuses to sign with an expired key, so both signatures are made while the key has no expiry,
# then a newer self-signature (made 2024-01-02) sets the expiry to 10 days after that: 2024-01-12.
at $T0 --quick-gen-key "Fixture Expired <expired@fixture.invalid>" ed25519 sign never
EXP=$(primary_fpr expired@fixture.invalid)
at 20240105T000000 -u "$EXP" --digest-algo SHA512 --armor -o "$OUT/sigs/expired-key-before-expiry.asc" --detach-sign "$OUT/$A"
at 20240201T000000 -u "$EXP" --digest-algo SHA512 --armor -o "$OUT/sigs/expired-key-after-expiry.asc" --detach-sign "$OUT/$A"
at 20240102T000000 --quick-set-expire "$EXP" 10d
export_key "$EXP" expired
case_row expired-key-signature-before-expiry-verified keys/expired.asc $A sigs/expired-key-before-expiry.asc VERIFIED "$EXP" "$EXP" "$EXP" "$(iso 20240105T000000)" Ed25519/SHA-512
case_row expired-key-signature-after-expiry-key-expired keys/expired.asc $A sigs/expired-key-after-expiry.asc KEY_EXPIRED "$EXP" "$EXP" "$EXP" "$(iso 20240201T000000)" Ed25519/SHA-512

# --- Expired signing subkey (primary never expires) -----------------------------------------------
at $T0 --quick-gen-key "Fixture Expired Subkey <expired-subkey@fixture.invalid>" ed25519 cert never
ESP=$(primary_fpr expired-subkey@fixture.invalid)
at $T0 --quick-add-key "$ESP" ed25519 sign never
ESK=$(last_subkey_fpr "$ESP")
at 20240201T000000 -u "${ESK}!" --digest-algo SHA512 --armor -o "$OUT/sigs/expired-subkey-after-expiry.asc" --detach-sign "$OUT/$A"
at 20240102T000000 --quick-set-expire "$ESP" 10d "$ESK"
export_key "$ESP" expired-subkey
case_row expired-subkey-signature-after-expiry-key-expired keys/expired-subkey.asc $A sigs/expired-subkey-after-expiry.asc KEY_EXPIRED "$ESP" "$ESK" "$ESK" "$(iso 20240201T000000)" Ed25519/SHA-512

# --- Revoked keys -----------------------------------------------------------------------------------
# Hard revocation: gpg's own pre-made revocation certificate (reason 0, "no reason specified").
at $T0 --quick-gen-key "Fixture Revoked <revoked@fixture.invalid>" ed25519 sign never
REV=$(primary_fpr revoked@fixture.invalid)
at 20240105T000000 -u "$REV" --digest-algo SHA512 --armor -o "$OUT/sigs/revoked-no-reason.asc" --detach-sign "$OUT/$A"
sed 's/^:-----BEGIN/-----BEGIN/' "$GNUPGHOME/openpgp-revocs.d/$REV.rev" | at 20240110T000000 --import
export_key "$REV" revoked-no-reason
case_row revoked-key-no-reason-signature-before-revocation-key-revoked keys/revoked-no-reason.asc $A sigs/revoked-no-reason.asc KEY_REVOKED "$REV" "$REV" "$REV" "$(iso 20240105T000000)" Ed25519/SHA-512

# Soft revocation (reason 0x01 "key superseded", made 2024-01-10): earlier signatures stay valid.
at $T0 --quick-gen-key "Fixture Superseded <superseded@fixture.invalid>" ed25519 sign never
SUP=$(primary_fpr superseded@fixture.invalid)
at 20240105T000000 -u "$SUP" --digest-algo SHA512 --armor -o "$OUT/sigs/superseded-before.asc" --detach-sign "$OUT/$A"
at 20240120T000000 -u "$SUP" --digest-algo SHA512 --armor -o "$OUT/sigs/superseded-after.asc" --detach-sign "$OUT/$A"
printf 'y\n2\nreplaced by a newer key\n\ny\n' \
    | at_interactive 20240110T000000 --armor -o "$GNUPGHOME/superseded.rev" --gen-revoke "$SUP"
at 20240110T000000 --import "$GNUPGHOME/superseded.rev"
export_key "$SUP" revoked-superseded
case_row revoked-key-superseded-signature-before-revocation-verified keys/revoked-superseded.asc $A sigs/superseded-before.asc VERIFIED "$SUP" "$SUP" "$SUP" "$(iso 20240105T000000)" Ed25519/SHA-512
case_row revoked-key-superseded-signature-after-revocation-key-revoked keys/revoked-superseded.asc $A sigs/superseded-after.asc KEY_REVOKED "$SUP" "$SUP" "$SUP" "$(iso 20240120T000000)" Ed25519/SHA-512

# Hard revocation with reason 0x02 "key compromised", made after the signature: still revoked.
at $T0 --quick-gen-key "Fixture Compromised <compromised@fixture.invalid>" ed25519 sign never
CMP=$(primary_fpr compromised@fixture.invalid)
at 20240105T000000 -u "$CMP" --digest-algo SHA512 --armor -o "$OUT/sigs/compromised-before.asc" --detach-sign "$OUT/$A"
printf 'y\n1\nprivate key leaked\n\ny\n' \
    | at_interactive 20240110T000000 --armor -o "$GNUPGHOME/compromised.rev" --gen-revoke "$CMP"
at 20240110T000000 --import "$GNUPGHOME/compromised.rev"
export_key "$CMP" revoked-compromised
case_row revoked-key-compromised-signature-before-revocation-key-revoked keys/revoked-compromised.asc $A sigs/compromised-before.asc KEY_REVOKED "$CMP" "$CMP" "$CMP" "$(iso 20240105T000000)" Ed25519/SHA-512

# Revoked signing subkey (reason 0x02 "key compromised"); the primary key stays valid.
at $T0 --quick-gen-key "Fixture Revoked Subkey <revoked-subkey@fixture.invalid>" ed25519 cert never
RSP=$(primary_fpr revoked-subkey@fixture.invalid)
at $T0 --quick-add-key "$RSP" ed25519 sign never
RSK=$(last_subkey_fpr "$RSP")
at 20240105T000000 -u "${RSK}!" --digest-algo SHA512 --armor -o "$OUT/sigs/revoked-subkey.asc" --detach-sign "$OUT/$A"
printf 'key 1\nrevkey\ny\n1\nsubkey leaked\n\ny\nsave\n' \
    | at_interactive 20240110T000000 --edit-key "$RSP"
export_key "$RSP" revoked-subkey
case_row revoked-subkey-key-revoked keys/revoked-subkey.asc $A sigs/revoked-subkey.asc KEY_REVOKED "$RSP" "$RSK" "$RSK" "$(iso 20240105T000000)" Ed25519/SHA-512

# --- Weak keys ----------------------------------------------------------------------------------------
at $T0 --quick-gen-key "Fixture RSA-1024 <rsa1024@fixture.invalid>" rsa1024 sign never
R1K=$(primary_fpr rsa1024@fixture.invalid)
export_key "$R1K" rsa1024
at 20240106T000000 -u "$R1K" --digest-algo SHA256 --armor -o "$OUT/sigs/rsa1024.asc" --detach-sign "$OUT/$A"
case_row rsa1024-key-weak-crypto keys/rsa1024.asc $A sigs/rsa1024.asc WEAK_CRYPTO "$R1K" "$R1K" "$R1K" "$(iso 20240106T000000)" RSA-1024/SHA-256

at $T0 --quick-gen-key "Fixture DSA-2048 <dsa2048@fixture.invalid>" dsa2048 sign never
DSA=$(primary_fpr dsa2048@fixture.invalid)
export_key "$DSA" dsa2048
at 20240106T010000 -u "$DSA" --digest-algo SHA256 --armor -o "$OUT/sigs/dsa2048.asc" --detach-sign "$OUT/$A"
case_row dsa-key-weak-crypto keys/dsa2048.asc $A sigs/dsa2048.asc WEAK_CRYPTO "$DSA" "$DSA" "$DSA" "$(iso 20240106T010000)" DSA-2048/SHA-256

# --- A key that is not in the verifier's set --------------------------------------------------------
at $T0 --quick-gen-key "Fixture Stranger <stranger@fixture.invalid>" ed25519 sign never
STR=$(primary_fpr stranger@fixture.invalid)
export_key "$STR" stranger
at 20240107T000000 -u "$STR" --digest-algo SHA512 --armor -o "$OUT/sigs/stranger.asc" --detach-sign "$OUT/$A"
case_row unknown-key-reports-issuer keys/rsa4096.asc,keys/ed25519.asc $A sigs/stranger.asc UNKNOWN_KEY - - "$STR" "$(iso 20240107T000000)" -

# Two signatures in one file, one by the stranger, one by the Ed25519 key: valid if one verifies.
at 20240107T010000 -u "$STR" -u "$ED" --digest-algo SHA512 --armor -o "$OUT/sigs/two-signers.asc" --detach-sign "$OUT/$A"
case_row two-signatures-one-by-known-key-verified keys/ed25519.asc $A sigs/two-signers.asc VERIFIED "$ED" "$ED" "$ED" "$(iso 20240107T010000)" Ed25519/SHA-512

# --- Files that are not detached signatures ---------------------------------------------------------
at 20240108T000000 -u "$ED" --digest-algo SHA512 --armor -o "$OUT/sigs/one-pass-signed-message.asc" --sign "$OUT/$A"
at 20240108T000000 -u "$ED" --digest-algo SHA512 -o "$OUT/sigs/clearsigned.asc" --clearsign "$OUT/$A"
case_row one-pass-signed-message-malformed keys/ed25519.asc $A sigs/one-pass-signed-message.asc MALFORMED - - - - -
case_row clearsigned-message-malformed keys/ed25519.asc $A sigs/clearsigned.asc MALFORMED - - - - -
case_row public-key-as-signature-malformed keys/ed25519.asc $A keys/ed25519.asc MALFORMED - - - - -

# Key fingerprints, for the key-parsing tests.
{
    printf 'key_file\tfingerprint\talgorithm\tcreated\texpires\trevoked\tsigning_subkeys\n'
    printf 'keys/rsa4096.asc\t%s\tRSA-4096\t%s\t-\tfalse\t-\n' "$RSA" "$(iso $T0)"
    printf 'keys/ed25519.asc\t%s\tEd25519\t%s\t-\tfalse\t-\n' "$ED" "$(iso $T0)"
    printf 'keys/ecdsa-p256.asc\t%s\tECDSA-P256\t%s\t-\tfalse\t-\n' "$P256" "$(iso $T0)"
    printf 'keys/signing-subkey.asc\t%s\tEd25519\t%s\t-\tfalse\t%s\n' "$SUBP" "$(iso $T0)" "$SUBK"
    printf 'keys/expired.asc\t%s\tEd25519\t%s\t%s\tfalse\t-\n' "$EXP" "$(iso $T0)" "$(iso 20240112T000000)"
    printf 'keys/expired-subkey.asc\t%s\tEd25519\t%s\t-\tfalse\t%s\n' "$ESP" "$(iso $T0)" "$ESK"
    printf 'keys/revoked-no-reason.asc\t%s\tEd25519\t%s\t-\ttrue\t-\n' "$REV" "$(iso $T0)"
    printf 'keys/revoked-superseded.asc\t%s\tEd25519\t%s\t-\ttrue\t-\n' "$SUP" "$(iso $T0)"
    printf 'keys/revoked-compromised.asc\t%s\tEd25519\t%s\t-\ttrue\t-\n' "$CMP" "$(iso $T0)"
    printf 'keys/revoked-subkey.asc\t%s\tEd25519\t%s\t-\tfalse\t-\n' "$RSP" "$(iso $T0)"
    printf 'keys/rsa1024.asc\t%s\tRSA-1024\t%s\t-\tfalse\t-\n' "$R1K" "$(iso $T0)"
    printf 'keys/dsa2048.asc\t%s\tDSA-2048\t%s\t-\tfalse\t-\n' "$DSA" "$(iso $T0)"
    printf 'keys/stranger.asc\t%s\tEd25519\t%s\t-\tfalse\t-\n' "$STR" "$(iso $T0)"
} >"$OUT/keys.tsv"

echo "fixtures written to $OUT"

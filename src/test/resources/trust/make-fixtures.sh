#!/usr/bin/env bash
# Regenerates the OpenPGP key fixtures used by the trust store tests, with real GnuPG (2.2+).
# Secret keys live only in a temporary GNUPGHOME and are deleted; only public keys and their
# fingerprints (as gpg prints them) are committed.
set -euo pipefail
cd "$(dirname "$0")"
command -v gpg >/dev/null || { echo "gpg is required" >&2; exit 1; }

export GNUPGHOME=$(mktemp -d)
trap 'gpgconf --kill all >/dev/null 2>&1 || true; rm -rf "$GNUPGHOME"' EXIT

rm -f -- openpgp-*.asc openpgp-*.gpg fingerprints.txt

gen() { # uid algo -> fingerprint of the new primary key
  gpg --batch --quiet --pinentry-mode loopback --passphrase '' --quick-gen-key "$1" "$2" sign 2036-01-01
  gpg --batch --with-colons --list-keys "$1" | awk -F: '/^fpr:/ { print $10; exit }'
}

alice=$(gen 'Alice Release <alice@example.invalid>' ed25519)
# Alice also has a signing subkey, as release keys often do.
gpg --batch --quiet --pinentry-mode loopback --passphrase '' --quick-add-key "$alice" ed25519 sign 2036-01-01
alice_sub=$(gpg --batch --with-colons --list-keys "$alice" | awk -F: '/^fpr:/ { n++; if (n == 2) { print $10; exit } }')
bob=$(gen 'Bob Builder <bob@example.invalid>' rsa3072)

gpg --batch --armor --export "$alice" > openpgp-alice.asc
gpg --batch --export "$alice" > openpgp-alice.gpg
gpg --batch --armor --export "$bob" > openpgp-bob.asc
# One file holding two primary keys: 'trust add' must refuse it, the loader must refuse an unpinned one.
gpg --batch --armor --export "$alice" "$bob" > openpgp-alice-and-bob.asc

{
  echo "openpgp-alice.asc $alice"
  echo "openpgp-alice.gpg $alice"
  echo "openpgp-alice-subkey $alice_sub"
  echo "openpgp-bob.asc $bob"
} > fingerprints.txt
echo "fixtures written to $(pwd)"

package dev.sbomgate.signature;

/** How an artifact is signed. */
public enum SignatureKind {
    /** An OpenPGP detached signature ({@code .asc}, armoured or binary), as on Maven Central. */
    OPENPGP,
    /** A raw or base64 signature by a plain key pair ({@code .sig}: {@code cosign sign-blob --key}, {@code openssl dgst -sign}). */
    KEYPAIR,
    /** A Sigstore bundle ({@code .sigstore.json}). */
    SIGSTORE,
    /**
     * A PEP 740 provenance object ({@code FILE.provenance}, PyPI's Integrity API): attestations by a Trusted Publisher,
     * each verified as a Sigstore DSSE bundle.
     */
    PYPI_ATTESTATION;

    /** Whether this kind is verified as Sigstore bundles: keyless, signed by a certificate identity an identity pin trusts. */
    public boolean sigstoreBased() {
        return this == SIGSTORE || this == PYPI_ATTESTATION;
    }
}

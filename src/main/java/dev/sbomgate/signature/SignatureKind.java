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
    PYPI_ATTESTATION,
    /**
     * An npm registry signature: a {@code dist.signatures} entry of the version document, ECDSA P-256 over
     * {@code NAME@VERSION:INTEGRITY} by a key of the registry's keys document (docs/formats.md 2.3).
     */
    NPM_REGISTRY_SIGNATURE,
    /** npm SLSA provenance: a keyless Sigstore bundle of {@code attestations.json} with predicate {@code https://slsa.dev/provenance/*}. */
    NPM_PROVENANCE,
    /** The npm publish attestation: a Sigstore bundle of {@code attestations.json} signed by the registry's key. */
    NPM_PUBLISH_ATTESTATION;

    /**
     * Whether this is the registry's own statement (REGISTRY tier, docs/formats.md 1.3) rather than a publisher's
     * signature: such a check never decides {@code Evidence.signature()}, the publisher signature the baseline records.
     */
    public boolean isRegistryTier() {
        return this == NPM_REGISTRY_SIGNATURE || this == NPM_PUBLISH_ATTESTATION;
    }

    /** Whether this kind is verified as Sigstore bundles: keyless, signed by a certificate identity an identity pin trusts. */
    public boolean sigstoreBased() {
        return this == SIGSTORE || this == PYPI_ATTESTATION || this == NPM_PROVENANCE;
    }
}

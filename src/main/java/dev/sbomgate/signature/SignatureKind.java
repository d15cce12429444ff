package dev.sbomgate.signature;

/** How an artifact is signed. */
public enum SignatureKind {
    /** An OpenPGP detached signature ({@code .asc}, armoured or binary), as on Maven Central. */
    OPENPGP,
    /** A raw or base64 signature by a plain key pair ({@code .sig}: {@code cosign sign-blob --key}, {@code openssl dgst -sign}). */
    KEYPAIR,
    /** A Sigstore bundle ({@code .sigstore.json}). */
    SIGSTORE
}

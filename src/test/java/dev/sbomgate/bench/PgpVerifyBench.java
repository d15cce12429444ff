package dev.sbomgate.bench;

import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.pgp.PgpKeys;
import dev.sbomgate.signature.pgp.PgpSignatureVerifier;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Date;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.bcpg.PublicKeyAlgorithmTags;
import org.bouncycastle.crypto.generators.RSAKeyPairGenerator;
import org.bouncycastle.crypto.params.RSAKeyGenerationParameters;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPKeyPair;
import org.bouncycastle.openpgp.PGPKeyRingGenerator;
import org.bouncycastle.openpgp.PGPPublicKey;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.operator.PGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.bc.BcPGPContentVerifierBuilderProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPDigestCalculatorProvider;
import org.bouncycastle.openpgp.operator.bc.BcPGPKeyPair;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentVerifierBuilderProvider;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One OpenPGP detached signature (RSA-3072, SHA-512, as most Maven Central signatures) over an artifact of
 * {@link #kib} KiB: Bouncy Castle's lightweight provider (pure-Java SHA-512) against the JDK's providers
 * (SunRsaSign, SHA-512 intrinsic), which {@code PgpAlgorithms.contentVerifiers} now picks for RSA; and the whole
 * {@link PgpSignatureVerifier#verify} (read and parse the .asc, find the key, hash the file, check). Run by
 * bench/jmh.sh.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class PgpVerifyBench {
    @Param({"64", "1024"})
    public int kib;

    private byte[] data;
    private PGPSignature signature;
    private PGPPublicKey key;
    private Path dir;
    private PgpSignatureVerifier verifier;

    @Setup
    public void sign() throws PGPException, IOException {
        data = new byte[kib * 1024];
        new Random(kib).nextBytes(data);
        RSAKeyPairGenerator generator = new RSAKeyPairGenerator();
        generator.init(new RSAKeyGenerationParameters(BigInteger.valueOf(65537), new SecureRandom(), 3072, 80));
        PGPKeyPair pair = new BcPGPKeyPair(PublicKeyAlgorithmTags.RSA_GENERAL, generator.generateKeyPair(), new Date());
        PGPKeyRingGenerator rings = new PGPKeyRingGenerator(PGPSignature.POSITIVE_CERTIFICATION, pair,
                "Bench <bench@example.invalid>", new BcPGPDigestCalculatorProvider().get(HashAlgorithmTags.SHA1), null, null,
                new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA512), null);
        key = pair.getPublicKey();
        PGPSignatureGenerator signer = new PGPSignatureGenerator(
                new BcPGPContentSignerBuilder(PublicKeyAlgorithmTags.RSA_GENERAL, HashAlgorithmTags.SHA512), key);
        signer.init(PGPSignature.BINARY_DOCUMENT, pair.getPrivateKey());
        signer.update(data);
        signature = signer.generate();

        dir = Files.createTempDirectory("sbomgate-jmh-pgp");
        Files.write(dir.resolve("artifact.jar"), data);
        ByteArrayOutputStream armoured = new ByteArrayOutputStream();
        try (ArmoredOutputStream out = new ArmoredOutputStream(armoured)) {
            signature.encode(out);
        }
        Files.write(dir.resolve("artifact.jar.asc"), armoured.toByteArray());
        ByteArrayOutputStream publicKey = new ByteArrayOutputStream();
        try (ArmoredOutputStream out = new ArmoredOutputStream(publicKey)) {
            rings.generatePublicKeyRing().encode(out);
        }
        verifier = new PgpSignatureVerifier(PgpKeys.parse(publicKey.toByteArray(), "bench key"));
    }

    @TearDown
    public void clean() throws IOException {
        Files.delete(dir.resolve("artifact.jar"));
        Files.delete(dir.resolve("artifact.jar.asc"));
        Files.delete(dir);
    }

    private boolean check(PGPContentVerifierBuilderProvider provider) throws PGPException {
        signature.init(provider, key);
        signature.update(data);
        return signature.verify();
    }

    @Benchmark
    public boolean bouncyCastleDigest() throws PGPException {
        return check(new BcPGPContentVerifierBuilderProvider());
    }

    @Benchmark
    public boolean jdkDigest() throws PGPException {
        return check(new JcaPGPContentVerifierBuilderProvider());
    }

    @Benchmark
    public SignatureCheck verifierEndToEnd() {
        return verifier.verify(dir.resolve("artifact.jar"), dir.resolve("artifact.jar.asc"));
    }
}

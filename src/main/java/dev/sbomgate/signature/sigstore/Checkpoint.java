package dev.sbomgate.signature.sigstore;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A log checkpoint: a signed note (C2SP signed-note) whose text is a tlog-checkpoint (C2SP tlog-checkpoint):
 * origin, tree size, root hash, optional extension lines; then a blank line and one signature line per signer,
 * {@code — NAME BASE64(key hint[4] || signature)}. Witness cosignatures and signatures by keys we do not know are
 * ignored; the log's own signature must be there and verify.
 *
 * @param signedText the note text the signatures cover, with its final newline
 * @param origin     the log's origin line
 * @param treeSize   the tree size it commits to
 * @param rootHash   the root hash it commits to
 * @param signatures its signature lines
 */
record Checkpoint(byte[] signedText, String origin, long treeSize, byte[] rootHash, List<Line> signatures) {

    static final int MAX_BYTES = 64 * 1024;
    private static final int MAX_SIGNATURES = 64;
    private static final Pattern SIGNATURE_LINE = Pattern.compile("\u2014 (\\S+) ([A-Za-z0-9+/=]+)");
    private static final Pattern SIZE = Pattern.compile("0|[1-9][0-9]{0,18}");

    Checkpoint {
        signedText = signedText.clone();
        rootHash = rootHash.clone();
        signatures = List.copyOf(signatures);
    }

    /** One signature line: the signer's name, the 4-byte key hint and the signature. */
    record Line(String name, byte[] keyHint, byte[] signature) {
        Line {
            keyHint = keyHint.clone();
            signature = signature.clone();
        }
    }

    /** Parses a checkpoint; a {@link Failure#bad} says what is wrong with it. */
    static Checkpoint parse(String text) {
        if (text.isEmpty() || text.length() > MAX_BYTES) {
            throw Failure.bad("the inclusion proof's checkpoint is empty or too large");
        }
        int blank = text.indexOf("\n\n");
        if (blank < 0 || !text.endsWith("\n")) {
            throw Failure.bad("the inclusion proof's checkpoint is not a signed note (text, a blank line, signature lines)");
        }
        String note = text.substring(0, blank + 1);
        String block = text.substring(blank + 2);
        if (note.chars().anyMatch(c -> c != '\n' && Character.isISOControl(c))) {
            throw Failure.bad("the inclusion proof's checkpoint text holds control characters");
        }
        String[] lines = note.substring(0, note.length() - 1).split("\n", -1);
        if (lines.length < 3) {
            throw Failure.bad("the inclusion proof's checkpoint has " + lines.length + " lines of text; a checkpoint has"
                    + " an origin, a tree size and a root hash");
        }
        String origin = lines[0];
        if (origin.isEmpty()) {
            throw Failure.bad("the inclusion proof's checkpoint has an empty origin line");
        }
        if (!SIZE.matcher(lines[1]).matches()) {
            throw Failure.bad("the inclusion proof's checkpoint has no tree size on its second line (found '"
                    + Json.shown(lines[1]) + "')");
        }
        long size;
        try {
            size = Long.parseLong(lines[1]);
        } catch (NumberFormatException e) {
            throw Failure.bad("the inclusion proof's checkpoint tree size is out of range");
        }
        byte[] root;
        try {
            root = Base64.getDecoder().decode(lines[2]);
        } catch (IllegalArgumentException e) {
            root = new byte[0];
        }
        if (root.length != Merkle.HASH_BYTES) {
            throw Failure.bad("the inclusion proof's checkpoint has no SHA-256 root hash on its third line (found '"
                    + Json.shown(lines[2]) + "')");
        }
        List<Line> signatures = new ArrayList<>();
        for (String line : block.split("\n", -1)) {
            if (line.isEmpty()) {
                continue;
            }
            Matcher m = SIGNATURE_LINE.matcher(line);
            if (!m.matches()) {
                throw Failure.bad("the inclusion proof's checkpoint has a malformed signature line '" + Json.shown(line) + "'");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(m.group(2));
            } catch (IllegalArgumentException e) {
                throw Failure.bad("the inclusion proof's checkpoint has a signature line that is not base64");
            }
            if (bytes.length < 5) {
                throw Failure.bad("the inclusion proof's checkpoint has a signature line too short to hold a signature");
            }
            signatures.add(new Line(m.group(1), Arrays.copyOfRange(bytes, 0, 4), Arrays.copyOfRange(bytes, 4, bytes.length)));
            if (signatures.size() > MAX_SIGNATURES) {
                throw Failure.bad("the inclusion proof's checkpoint has more than " + MAX_SIGNATURES + " signatures");
            }
        }
        if (signatures.isEmpty()) {
            throw Failure.bad("the inclusion proof's checkpoint carries no signature");
        }
        return new Checkpoint(utf8(note), origin, size, root, signatures);
    }

    /**
     * Whether the log signed this checkpoint: some signature line names the log (the host of its base URL, as
     * Rekor signs) with the log's key hint (the first four bytes of its log id: SHA-256 of the key for Rekor v1,
     * the C2SP signed-note key id for Rekor v2) and verifies with the log's key.
     */
    boolean isSignedBy(TrustedRoot.LogKey log) {
        byte[] hint = Arrays.copyOf(log.logId(), 4);
        for (Line line : signatures) {
            if (line.name().equals(log.host()) && Arrays.equals(line.keyHint(), hint)
                    && log.key().verify(signedText, line.signature())) {
                return true;
            }
        }
        return false;
    }

    private static byte[] utf8(String text) {
        try {
            ByteBuffer bytes = StandardCharsets.UTF_8.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(java.nio.CharBuffer.wrap(text));
            byte[] out = new byte[bytes.remaining()];
            bytes.get(out);
            return out;
        } catch (CharacterCodingException e) {
            throw Failure.bad("the inclusion proof's checkpoint is not valid text");
        }
    }
}

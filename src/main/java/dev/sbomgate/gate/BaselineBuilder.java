package dev.sbomgate.gate;
import dev.sbomgate.baseline.BaselineComponent;
import dev.sbomgate.baseline.Baseline;

import dev.sbomgate.model.Component;
import dev.sbomgate.model.Inventory;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.signature.SignatureStatus;
import dev.sbomgate.verify.Evidence;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/** Turns an approved candidate and the evidence the gate collected for it into the next baseline. Pure. */
public final class BaselineBuilder {
    private BaselineBuilder() {
    }

    /**
     * @param candidate   the approved SBOM
     * @param evidence    the verify stage's evidence for its components
     * @param sbomSha256  SHA-256 of the approved SBOM file
     * @param trustDigest the trust store's digest at approval
     */
    public static Baseline build(Inventory candidate, List<Evidence> evidence, String sbomSha256, String trustDigest) {
        List<BaselineComponent> components = evidence.stream().map(BaselineBuilder::approve).toList();
        return new Baseline(candidate.serialNumber(), candidate.version(), candidate.timestamp(), sbomSha256, trustDigest,
                components, dependenciesByIdentity(candidate));
    }

    /**
     * Only a signature that verified with a pinned key is recorded as the approved signer. The content summary is
     * recorded as inspected, so later checks compare install hooks without the old artifact.
     */
    private static BaselineComponent approve(Evidence evidence) {
        SignatureCheck signature = evidence.signature().filter(s -> s.status() == SignatureStatus.VERIFIED).orElse(null);
        return new BaselineComponent(evidence.component(), evidence.computed(),
                signature == null ? null : signature.kind(), signature == null ? null : signature.signer(),
                signature == null ? null : signature.created(), evidence.content());
    }

    /** The SBOM's bom-ref edges, re-keyed by component identity, which is stable across releases. */
    public static SortedMap<String, SortedSet<String>> dependenciesByIdentity(Inventory inventory) {
        Map<String, String> identityByRef = new HashMap<>();
        if (inventory.root() != null) {
            identityByRef.put(inventory.root().bomRef(), inventory.root().identity());
        }
        for (Component c : inventory.components()) {
            identityByRef.put(c.bomRef(), c.identity());
        }
        SortedMap<String, SortedSet<String>> edges = new TreeMap<>();
        inventory.dependencies().forEach((ref, dependsOn) -> {
            String from = identityByRef.get(ref);
            if (from == null) {
                return;
            }
            SortedSet<String> to = edges.computeIfAbsent(from, k -> new TreeSet<>());
            dependsOn.stream().map(identityByRef::get).filter(java.util.Objects::nonNull).forEach(to::add);
        });
        return edges;
    }
}

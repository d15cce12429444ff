package dev.sbomgate.report;

import dev.sbomgate.gate.Verdict;

/** Turns a verdict into one output format. Renderers show the verdict; they never recompute it. */
public interface Renderer {
    String render(Verdict verdict);
}

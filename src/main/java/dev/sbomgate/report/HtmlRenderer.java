package dev.sbomgate.report;

import dev.sbomgate.baseline.ApprovalEntry;
import dev.sbomgate.diff.Change;
import dev.sbomgate.gate.Verdict;
import dev.sbomgate.finding.Finding;
import dev.sbomgate.finding.RuleId;
import dev.sbomgate.finding.Severity;
import dev.sbomgate.signature.SignatureCheck;
import dev.sbomgate.trust.PinnedKey;
import dev.sbomgate.trust.PurlPattern;
import dev.sbomgate.verify.Evidence;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * One self-contained HTML file for security-team audits: the verdict, the inputs, the findings with their rules'
 * explanations, every component with its signer and standing (sortable and filterable by a small inline script,
 * no framework), the diff against the baseline, the approval history and the trust-store inventory. No external
 * asset and no network: a Content-Security-Policy allows only the one inline style and script, by hash. Every
 * value from an SBOM, key file or approval log is HTML-escaped.
 */
public final class HtmlRenderer implements Renderer {

    static final String STYLE = """
            :root{--block:#b42318;--warn:#b54708;--ok:#067647;--info:#175cd3;--line:#d0d5dd;--muted:#475467;--bg:#f9fafb}
            *{box-sizing:border-box}
            body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#101828;background:#fff}
            header.verdict{padding:20px 32px;color:#fff}
            header.blocked{background:var(--block)}
            header.passed{background:var(--ok)}
            header h1{margin:0;font-size:28px;letter-spacing:.04em}
            header p{margin:6px 0 0}
            nav{padding:8px 32px;background:var(--bg);border-bottom:1px solid var(--line)}
            nav a{margin-right:16px;color:#1849a9}
            main{padding:0 32px 32px}
            section{margin-top:28px}
            h2{font-size:20px;border-bottom:2px solid var(--line);padding-bottom:4px}
            h3{font-size:16px;margin:0 0 6px}
            table{border-collapse:collapse;width:100%;margin-top:8px}
            th,td{border:1px solid var(--line);padding:5px 8px;text-align:left;vertical-align:top}
            th{background:var(--bg);white-space:nowrap}
            td{overflow-wrap:anywhere}
            #components-table,#trust-table,#approvals-table{table-layout:fixed}
            #components-table th:nth-child(1){width:22%}
            #components-table th:nth-child(2){width:14%}
            #components-table th:nth-child(3){width:22%}
            #components-table th:nth-child(4){width:10%}
            #components-table th:nth-child(5){width:15%}
            #components-table th:nth-child(6){width:8%}
            #components-table th:nth-child(7){width:9%}
            #approvals-table th:nth-child(1){width:4%}
            #approvals-table th:nth-child(2){width:12%}
            #trust-table th:nth-child(3){width:18%}
            th button{font:inherit;font-weight:600;border:0;background:none;cursor:pointer;padding:0}
            th[aria-sort=ascending] button::after{content:" \\25B2"}
            th[aria-sort=descending] button::after{content:" \\25BC"}
            code,.mono{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:12.5px;word-break:break-all}
            dl.facts{display:grid;grid-template-columns:max-content 1fr;gap:4px 16px;margin:8px 0}
            dl.facts dt{font-weight:600;color:var(--muted)}
            dl.facts dd{margin:0}
            .finding{border:1px solid var(--line);border-left:6px solid var(--info);padding:10px 14px;margin:10px 0;background:#fff}
            .finding.block{border-left-color:var(--block)}
            .finding.warn{border-left-color:var(--warn)}
            .badge{display:inline-block;white-space:nowrap;border-radius:4px;padding:0 6px;font-size:12px;font-weight:700;color:#fff;background:var(--info)}
            .badge.block,.badge.blocked{background:var(--block)}
            .badge.warn,.badge.warning{background:var(--warn)}
            .badge.ok{background:var(--ok)}
            .controls{display:flex;gap:16px;align-items:center;flex-wrap:wrap}
            .controls input{min-width:280px;padding:4px 6px}
            .muted{color:var(--muted)}
            pre.explain{white-space:pre-wrap;background:var(--bg);border:1px solid var(--line);padding:10px;font-size:12.5px}
            footer{padding:16px 32px;color:var(--muted);border-top:1px solid var(--line)}
            """;

    static final String SCRIPT = """
            (function () {
              'use strict';
              var table = document.getElementById('components-table');
              if (!table) { return; }
              var body = table.tBodies[0];
              var rows = Array.prototype.slice.call(body.rows);
              var headers = Array.prototype.slice.call(table.tHead.rows[0].cells);
              var filter = document.getElementById('filter');
              var standing = document.getElementById('standing');
              var shown = document.getElementById('shown');
              var state = { sort: '', dir: 'asc', q: '', standing: '' };

              function column(name) {
                for (var i = 0; i < headers.length; i++) {
                  if (headers[i].getAttribute('data-col') === name) { return i; }
                }
                return -1;
              }
              function key(row, index) {
                var cell = row.cells[index];
                var k = cell.getAttribute('data-key');
                return (k === null ? cell.textContent : k).toLowerCase();
              }
              function apply() {
                var index = column(state.sort);
                var sorted = rows.slice();
                if (index >= 0) {
                  sorted.sort(function (a, b) {
                    var x = key(a, index), y = key(b, index);
                    var c = x < y ? -1 : (x > y ? 1 : 0);
                    if (state.dir === 'desc') { c = -c; }
                    return c !== 0 ? c : rows.indexOf(a) - rows.indexOf(b);
                  });
                }
                var q = state.q.toLowerCase();
                var count = 0;
                sorted.forEach(function (row) {
                  var match = (!q || row.textContent.toLowerCase().indexOf(q) >= 0)
                    && (!state.standing || row.getAttribute('data-standing') === state.standing);
                  row.hidden = !match;
                  if (match) { count++; }
                  body.appendChild(row);
                });
                headers.forEach(function (th, i) {
                  if (th.getAttribute('data-col') === null) { return; }
                  th.setAttribute('aria-sort', i === index ? (state.dir === 'desc' ? 'descending' : 'ascending') : 'none');
                });
                shown.textContent = count + ' of ' + rows.length + ' shown';
                table.setAttribute('data-state', 'sort=' + state.sort + ';dir=' + state.dir + ';shown=' + count);
              }
              function save() {
                var params = new URLSearchParams();
                ['sort', 'dir', 'q', 'standing'].forEach(function (name) {
                  if (state[name] && !(name === 'dir' && state.dir === 'asc')) { params.set(name, state[name]); }
                });
                try { history.replaceState(null, '', '#' + params.toString()); } catch (e) { /* file: URLs may refuse; the view still works */ }
              }
              function load() {
                var params = new URLSearchParams(location.hash.replace(/^#/, ''));
                state.sort = column(params.get('sort') || '') >= 0 ? params.get('sort') : '';
                state.dir = params.get('dir') === 'desc' ? 'desc' : 'asc';
                state.q = params.get('q') || '';
                state.standing = params.get('standing') || '';
                filter.value = state.q;
                standing.value = state.standing;
                if (standing.value !== state.standing) { state.standing = ''; }
              }
              headers.forEach(function (th) {
                var button = th.querySelector('button');
                if (!button) { return; }
                button.addEventListener('click', function () {
                  var name = th.getAttribute('data-col');
                  state.dir = state.sort === name && state.dir === 'asc' ? 'desc' : 'asc';
                  state.sort = name;
                  apply();
                  save();
                });
              });
              filter.addEventListener('input', function () { state.q = filter.value; apply(); save(); });
              standing.addEventListener('change', function () { state.standing = standing.value; apply(); save(); });
              window.addEventListener('hashchange', function () { load(); apply(); });
              load();
              apply();
              document.documentElement.setAttribute('data-ready', 'true');
            })();
            """;

    /** default-src 'none' forbids every fetch; only the inline style and script above run, named by their SHA-256 (CSP Level 3, 8.4). */
    static final String CSP = "default-src 'none'; script-src '" + sha256(SCRIPT) + "'; style-src '" + sha256(STYLE)
            + "'; img-src 'none'; base-uri 'none'; form-action 'none'";

    private final ReportPaths paths;
    private final String toolVersion;

    /**
     * @param workingDirectory paths under it are shown relative to it
     * @param toolVersion      sbomgate's version, shown in the footer
     */
    public HtmlRenderer(Path workingDirectory, String toolVersion) {
        this.paths = new ReportPaths(workingDirectory);
        this.toolVersion = toolVersion;
    }

    @Override
    public String render(Verdict verdict) {
        String verdictWord = verdict.blocked() ? "BLOCKED" : "PASSED";
        int blocking = verdict.findingsOf(Severity.BLOCK).size();
        int warnings = verdict.findingsOf(Severity.WARN).size();
        StringBuilder h = new StringBuilder(32_768);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
        h.append("<meta http-equiv=\"Content-Security-Policy\" content=\"").append(CSP).append("\">\n");
        h.append("<meta name=\"referrer\" content=\"no-referrer\">\n");
        h.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
        h.append("<title>sbomgate: ").append(verdictWord).append(" — ").append(e(paths.show(verdict.sbomFile()))).append("</title>\n");
        h.append("<style>").append(STYLE).append("</style>\n</head>\n<body>\n");

        h.append("<header class=\"verdict ").append(verdict.blocked() ? "blocked" : "passed").append("\" id=\"verdict\">\n");
        h.append("<h1>").append(verdictWord).append("</h1>\n<p>").append(TextRenderer.plural(blocking, "blocking finding"))
                .append(", ").append(TextRenderer.plural(warnings, "warning")).append("; ")
                .append(TextRenderer.plural(verdict.evidence().size(), "component")).append(" checked ")
                .append(verdict.hasBaseline() ? "against the approved baseline" : "with no baseline (first use)")
                .append(" (policy ").append(e(verdict.policyName())).append(").</p>\n</header>\n");
        h.append("<nav><a href=\"#inputs\">Inputs</a><a href=\"#components\">Components</a><a href=\"#changes\">Changes</a>"
                + "<a href=\"#findings\">Findings</a><a href=\"#approvals\">Approvals</a><a href=\"#trust\">Trust store</a>"
                + "<a href=\"#rules\">Rules</a></nav>\n<main>\n");

        inputs(h, verdict);
        Map<Finding, Integer> anchors = new IdentityHashMap<>(); // two equal findings still get anchors of their own
        int n = 0;
        for (Finding f : verdict.findings()) {
            anchors.put(f, ++n);
        }
        components(h, verdict, anchors);
        changes(h, verdict);
        findings(h, verdict, anchors);
        approvals(h, verdict);
        trust(h, verdict);
        rules(h, verdict);

        h.append("</main>\n<footer>Generated by sbomgate ").append(e(toolVersion)).append(" at ")
                .append(verdict.evaluatedAt()).append(". This file is self-contained: it loads nothing from the network.</footer>\n");
        h.append("<script>").append(SCRIPT).append("</script>\n</body>\n</html>\n");
        return h.toString();
    }

    private void inputs(StringBuilder h, Verdict verdict) {
        h.append("<section id=\"inputs\">\n<h2>Inputs</h2>\n<dl class=\"facts\">\n");
        fact(h, "SBOM", "<code>" + e(paths.show(verdict.sbomFile())) + "</code>");
        fact(h, "SBOM SHA-256", "<code>" + e(verdict.sbomSha256()) + "</code>");
        fact(h, "Trust store digest", "<code>" + e(verdict.trustDigest()) + "</code>");
        fact(h, "Policy", e(verdict.policyName()));
        ApprovalEntry last = verdict.approvals().isEmpty() ? null : verdict.approvals().get(verdict.approvals().size() - 1);
        fact(h, "Baseline", !verdict.hasBaseline() ? "none (first use)"
                : last == null ? "present" : "approval #" + last.sequence() + ", SHA-256 <code>" + e(last.baselineSha256()) + "</code>");
        fact(h, "Feed", e(Views.feedLine(verdict)));
        if (Views.reuseLine(verdict) != null) {
            fact(h, "Reuse", e(Views.reuseLine(verdict)));
        }
        fact(h, "Evaluated at", e(verdict.evaluatedAt().toString()));
        fact(h, "Exit code", String.valueOf(verdict.exitCode().code()));
        h.append("</dl>\n</section>\n");
    }

    private static void findings(StringBuilder h, Verdict verdict, Map<Finding, Integer> anchors) {
        h.append("<section id=\"findings\">\n<h2>Findings (").append(verdict.findings().size()).append(")</h2>\n");
        if (verdict.findings().isEmpty()) {
            h.append("<p>No findings.</p>\n");
        }
        for (Finding f : verdict.findings()) {
            int n = anchors.get(f);
            String severity = f.severity().label();
            h.append("<article class=\"finding ").append(severity).append("\" id=\"finding-").append(n).append("\">\n");
            h.append("<h3><span class=\"badge ").append(severity).append("\">").append(severity.toUpperCase(java.util.Locale.ROOT))
                    .append("</span> <a href=\"#rule-").append(f.rule().name()).append("\">").append(f.rule().name())
                    .append("</a> <code>").append(e(Views.subject(f))).append("</code></h3>\n");
            h.append("<p>").append(e(f.title())).append("</p>\n<dl class=\"facts\">\n");
            factIf(h, "Expected", f.expected(), false);
            factIf(h, "Found", f.found(), false);
            factIf(h, "Why", f.rule().summary(), false);
            factIf(h, "What to do", f.fix(), true);
            factIf(h, "Accept with", f.blocks() ? "--accept '" + f.acceptToken() + "'" : null, true);
            factIf(h, "Waived", f.waivedBy(), false);
            h.append("</dl>\n</article>\n");
        }
        h.append("</section>\n");
    }

    private void components(StringBuilder h, Verdict verdict, Map<Finding, Integer> anchors) {
        List<Evidence> components = Views.components(verdict);
        h.append("<section id=\"components\">\n<h2>Components (").append(components.size()).append(")</h2>\n");
        h.append("<div class=\"controls\"><label>Filter <input type=\"search\" id=\"filter\" placeholder=\"purl, signer, status…\"></label>"
                + "<label>Standing <select id=\"standing\"><option value=\"\">all</option><option value=\"blocked\">blocked</option>"
                + "<option value=\"warning\">warning</option><option value=\"info\">info</option><option value=\"ok\">ok</option>"
                + "</select></label><span id=\"shown\" class=\"muted\">").append(components.size()).append(" of ")
                .append(components.size()).append(" shown</span></div>\n");
        h.append("<table id=\"components-table\">\n<thead><tr>");
        for (String[] col : new String[][] {{"component", "Component"}, {"artifact", "Artifact"}, {"integrity", "Digests"},
                {"signature", "Signature"}, {"signer", "Signer"}, {"standing", "Standing"}, {"findings", "Findings"}}) {
            h.append("<th data-col=\"").append(col[0]).append("\" aria-sort=\"none\"><button type=\"button\">").append(col[1])
                    .append("</button></th>");
        }
        h.append("</tr></thead>\n<tbody>\n");
        for (Evidence ev : components) {
            List<Finding> about = verdict.findingsAbout(ev.component().label());
            String standing = Views.standing(about);
            h.append("<tr data-standing=\"").append(standing).append("\">");
            h.append("<td><code>").append(e(ev.component().label())).append("</code>");
            if (!ev.component().bomRef().equals(ev.component().label())) {
                h.append("<br><span class=\"muted\">bom-ref <code>").append(e(ev.component().bomRef())).append("</code></span>");
            }
            h.append("</td>");
            h.append("<td>").append(Views.words(ev.artifactState()));
            if (ev.artifact() != null) {
                h.append("<br><code>").append(e(paths.show(ev.artifact()))).append("</code>");
            }
            if (ev.error() != null) {
                h.append("<br>").append(e(ev.error()));
            }
            h.append("</td>");
            h.append("<td>").append(Views.words(ev.integrity()));
            ev.computed().stream().filter(d -> d.algorithm() == dev.sbomgate.model.HashAlgorithm.SHA_256).findFirst()
                    .ifPresent(d -> h.append("<br><code>sha256:").append(e(d.hex())).append("</code>"));
            // A mismatch over several algorithms is one line per algorithm: the first shows, the rest fold away
            // (a cell a screen tall hid the other columns).
            List<String> details = ev.integrityDetails();
            if (!details.isEmpty()) {
                h.append("<br>").append(e(details.get(0)));
            }
            if (details.size() > 1) {
                h.append("<details><summary>").append(details.size() - 1).append(details.size() == 2 ? " other digest" : " other digests")
                        .append("</summary>");
                for (String detail : details.subList(1, details.size())) {
                    h.append(e(detail)).append("<br>");
                }
                h.append("</details>");
            }
            h.append("</td>");
            h.append("<td>").append(Views.words(ev.signatureStatus()));
            ev.signature().map(SignatureCheck::created).ifPresent(t -> h.append("<br><span class=\"muted\">signed ").append(t).append("</span>"));
            if (!Views.tier(ev).isEmpty()) {
                h.append("<br><span class=\"muted\">tier ").append(e(Views.tier(ev))).append("</span>");
            }
            for (String evidence : Views.evidence(ev)) {
                h.append("<br><span class=\"muted\">").append(e(evidence)).append("</span>");
            }
            h.append("</td>");
            h.append("<td>").append(e(Views.signer(verdict, ev))).append("</td>");
            h.append("<td data-key=\"").append(standingRank(standing)).append("\"><span class=\"badge ").append(standing).append("\">")
                    .append(standing).append("</span></td>");
            h.append("<td data-key=\"").append(String.format("%05d", 99_999 - Math.min(about.size(), 99_999))).append("\">");
            for (Finding f : about) {
                h.append("<a href=\"#finding-").append(anchors.get(f)).append("\">").append(f.rule().name()).append("</a> ");
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static String standingRank(String standing) {
        return switch (standing) {
            case "blocked" -> "0";
            case "warning" -> "1";
            case "info" -> "2";
            default -> "3";
        };
    }

    private static void changes(StringBuilder h, Verdict verdict) {
        h.append("<section id=\"changes\">\n<h2>Changes against the baseline (").append(verdict.changes().size()).append(")</h2>\n");
        if (!verdict.hasBaseline()) {
            h.append("<p>No baseline: this is the first use, every component is new.</p>\n</section>\n");
            return;
        }
        if (verdict.changes().isEmpty()) {
            h.append("<p>No changes: the candidate matches the approved baseline.</p>\n</section>\n");
            return;
        }
        h.append("<table id=\"changes-table\">\n<thead><tr><th>Change</th><th>Component</th><th>Aspect</th><th>Before</th>"
                + "<th>After</th><th>Note</th></tr></thead>\n<tbody>\n");
        for (Change c : verdict.changes().stream().sorted().toList()) {
            h.append("<tr><td>").append(e(c.kind().title())).append(c.update() == null ? "" : " (" + Views.words(c.update()) + ")")
                    .append("</td><td><code>").append(e(c.identity())).append("</code></td><td>").append(e(c.aspect()))
                    .append("</td><td><code>").append(e(c.before())).append("</code></td><td><code>").append(e(c.after()))
                    .append("</code></td><td>").append(e(c.note())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void approvals(StringBuilder h, Verdict verdict) {
        h.append("<section id=\"approvals\">\n<h2>Approval history (").append(verdict.approvals().size()).append(")</h2>\n");
        if (verdict.approvals().isEmpty()) {
            h.append("<p>No approvals recorded").append(verdict.hasBaseline() ? " (the approval log could not be read)" : " yet (first use)")
                    .append(".</p>\n</section>\n");
            return;
        }
        h.append("<table id=\"approvals-table\">\n<thead><tr><th>#</th><th>When</th><th>Who</th><th>Why</th>"
                + "<th>Accepted findings</th><th>SBOM SHA-256</th><th>Baseline SHA-256</th></tr></thead>\n<tbody>\n");
        for (ApprovalEntry a : verdict.approvals()) {
            h.append("<tr><td>").append(a.sequence()).append("</td><td>").append(a.approvedAt()).append("</td><td>")
                    .append(e(a.approvedBy())).append("</td><td>").append(e(a.reason())).append("</td><td>");
            if (a.acceptedFindings().isEmpty()) {
                h.append("<span class=\"muted\">none</span>");
            }
            for (String accepted : a.acceptedFindings()) {
                h.append("<code>").append(e(accepted)).append("</code><br>");
            }
            h.append("</td><td><code>").append(e(a.sbomSha256())).append("</code></td><td><code>").append(e(a.baselineSha256()))
                    .append("</code></td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    private static void trust(StringBuilder h, Verdict verdict) {
        h.append("<section id=\"trust\">\n<h2>Trust store (").append(TextRenderer.plural(verdict.trustedKeys().size(), "pinned key"))
                .append(")</h2>\n<p>Digest <code>").append(e(verdict.trustDigest())).append("</code></p>\n");
        if (verdict.trustedKeys().isEmpty()) {
            h.append("<p>No keys are pinned: no signature can be trusted.</p>\n</section>\n");
            return;
        }
        h.append("<table id=\"trust-table\">\n<thead><tr><th>Name</th><th>Type</th><th>Fingerprint</th><th>Scopes</th>"
                + "<th>Pin window</th><th>Key</th><th>Signed in this SBOM</th></tr></thead>\n<tbody>\n");
        for (PinnedKey k : verdict.trustedKeys()) {
            h.append("<tr><td>").append(e(k.name()));
            for (String uid : k.key().userIds()) {
                h.append("<br><span class=\"muted\">").append(e(uid)).append("</span>");
            }
            h.append("</td><td>").append(e(k.typeName())).append("</td><td><code>").append(e(k.fingerprint().hex()))
                    .append("</code><br><span class=\"muted\">").append(e(k.file())).append("</span></td><td>");
            h.append(k.scopes().stream().map(PurlPattern::toString).map(s -> "<code>" + e(s) + "</code>")
                    .collect(Collectors.joining("<br>")));
            h.append("</td><td>").append(e(k.window())).append("</td><td>").append(e(k.key().algorithm()));
            if (k.key().created() != null) {
                h.append("<br>created ").append(k.key().created());
            }
            h.append("<br>").append(k.key().expires() == null ? "no expiry" : "expires " + k.key().expires());
            if (k.key().revoked()) {
                h.append("<br><span class=\"badge block\">revoked</span>");
            }
            h.append("</td><td>");
            List<Evidence> signed = verdict.signedBy(k.fingerprint());
            if (signed.isEmpty()) {
                h.append("<span class=\"muted\">nothing</span>");
            }
            for (Evidence ev : signed.stream().sorted(java.util.Comparator.comparing((Evidence x) -> x.component().label())).toList()) {
                String status = ev.signatures().stream().filter(s -> k.fingerprint().equals(s.signer()))
                        .map(s -> Views.words(s.status())).collect(Collectors.toCollection(TreeSet::new)).toString();
                h.append("<code>").append(e(ev.component().label())).append("</code> <span class=\"muted\">")
                        .append(e(status.substring(1, status.length() - 1))).append("</span><br>");
            }
            h.append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n</section>\n");
    }

    /** One explanation per rule that has a finding here, linked from the findings. */
    private static void rules(StringBuilder h, Verdict verdict) {
        TreeSet<RuleId> used = verdict.findings().stream().map(Finding::rule).collect(Collectors.toCollection(TreeSet::new));
        h.append("<section id=\"rules\">\n<h2>Rules behind the findings (").append(used.size()).append(")</h2>\n");
        if (used.isEmpty()) {
            h.append("<p>No rule raised a finding.</p>\n");
        }
        for (RuleId id : used) {
            h.append("<h3 id=\"rule-").append(id.name()).append("\">").append(id.name()).append(" <span class=\"muted\">")
                    .append(Views.words(id.category())).append(", default ").append(id.defaultSeverity().label())
                    .append("</span></h3>\n<pre class=\"explain\">").append(pre(Views.explain(id))).append("</pre>\n");
        }
        h.append("</section>\n");
    }

    private static void fact(StringBuilder h, String label, String html) {
        h.append("<dt>").append(label).append("</dt><dd>").append(html).append("</dd>\n");
    }

    private static void factIf(StringBuilder h, String label, String value, boolean code) {
        if (value != null && !value.isBlank()) {
            fact(h, label, code ? "<code>" + e(value) + "</code>" : e(value));
        }
    }

    private static String e(String text) {
        return Escape.html(text);
    }

    /** Multi-line text for a {@code <pre>}: each line escaped, line breaks kept. */
    private static String pre(String text) {
        return text.lines().map(Escape::html).collect(Collectors.joining("\n"));
    }

    /** The CSP source expression of an inline block: {@code 'sha256-…'} over its exact UTF-8 bytes (CSP Level 3, 8.4). */
    static String sha256(String inline) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
            return "sha256-" + Base64.getEncoder().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}

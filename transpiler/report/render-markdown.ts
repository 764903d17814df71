/**
 * The portability report as Markdown, rendered only from its canonical JSON form: a summary per target,
 * then per input and service a matrix (directive × target) and the details of everything not native,
 * with targets that share an outcome grouped on one line. Security losses come first in the details.
 */
import type { Counts, PortabilityReport, ReportCell, ReportEntry, ReportService } from "./schema.js";

const cellText = (c: ReportCell | undefined): string => {
  if (!c) return "";
  if (c.status === "native") return "✓";
  if (c.status === "emulated") return "≈";
  return c.severity === "security" ? "✗ **S**" : c.severity === "behaviour" ? "✗ B" : "✗ b";
};

const esc = (s: string) => s.replaceAll("|", "\\|").replaceAll("\n", " ");
const code = (s: string) => `\`${s.replaceAll("`", "'")}\``;

function place(e: ReportEntry): string {
  if (e.implied) return "(systemd default)";
  return e.provenance
    .map((p) => `${p.file}${p.line ? `:${p.line}` : ""}${p.via ? ` (${p.via})` : ""}`)
    .join(", ");
}

function countsRow(label: string, c: Counts): string {
  return `| ${label} | ${c.native} | ${c.emulated} | ${c.dropped.benign} | ${c.dropped.behaviour} | ${c.dropped.security} |`;
}

const SEVERITY_ORDER = { security: 0, behaviour: 1, benign: 2 } as const;

function rank(e: ReportEntry): number {
  let best = 9;
  for (const c of Object.values(e.targets)) {
    if (c.status === "dropped") best = Math.min(best, SEVERITY_ORDER[c.severity ?? "behaviour"]);
    else if (c.status === "emulated") best = Math.min(best, 3);
  }
  return best;
}

function details(service: ReportService, targets: readonly string[]): string[] {
  const out: string[] = [];
  const entries = service.entries.filter((e) => Object.values(e.targets).some((c) => c.status !== "native"));
  entries.sort((a, b) => rank(a) - rank(b));
  for (const e of entries) {
    const groups = new Map<string, { cell: ReportCell; targets: string[] }>();
    for (const t of targets) {
      const c = e.targets[t];
      if (!c || c.status === "native") continue;
      const key = JSON.stringify(c);
      const g = groups.get(key) ?? { cell: c, targets: [] };
      g.targets.push(t);
      groups.set(key, g);
    }
    out.push(`- **${esc(e.directive)}** — ${esc(place(e))}`);
    for (const { cell, targets: ts } of groups.values()) {
      const what =
        cell.status === "dropped"
          ? `dropped (${cell.severity}): ${cell.how}${cell.instead ? `; instead: ${cell.instead}` : ""}`
          : `emulated: ${cell.how}`;
      out.push(`  - ${ts.join(", ")}: ${esc(what)}${cell.override ? ` (${esc(cell.override)})` : ""}`);
    }
  }
  return out;
}

/** The report as Markdown. */
export function renderReportMarkdown(report: PortabilityReport): string {
  const t = report.targets;
  const out: string[] = [
    "# psl portability report",
    "",
    "✓ native · ≈ emulated (psl says how) · ✗ dropped: b benign, B behaviour, **S** security",
    "",
    "## Summary per target",
    "",
    "| target | native | emulated | dropped: benign | behaviour | security |",
    "|---|---:|---:|---:|---:|---:|",
    ...t.map((x) => countsRow(x, report.summary[x] as Counts)),
  ];
  for (const input of report.inputs) {
    out.push("", `## ${code(input.source)}`);
    if (input.systemAspects?.length) {
      out.push("", "System aspects the module sets that psl does not carry over:", "");
      for (const a of input.systemAspects)
        out.push(`- ${code(a.option)} — ${esc(a.line ? `${a.file}:${a.line}` : a.file)}`);
    }
    if (input.assumptions?.length) {
      out.push("", "Options of other modules it reads, which psl stood in for with an opaque value:", "");
      for (const a of input.assumptions) {
        out.push(`- ${code(a.option)} in ${code(a.field)} — ${esc(a.line ? `${a.file}:${a.line}` : a.file)}`);
      }
    }
    for (const s of input.services) {
      out.push("", `### ${s.name}`, "");
      out.push(`| directive | from | ${t.join(" | ")} |`, `|---|---|${t.map(() => ":-:").join("|")}|`);
      for (const e of s.entries) {
        out.push(
          `| ${esc(e.directive)} | ${esc(place(e))} | ${t.map((x) => cellText(e.targets[x])).join(" | ")} |`,
        );
      }
      const d = details(s, t);
      if (d.length > 0) out.push("", "What is not native, and what psl does:", "", ...d);
    }
  }
  return `${out.join("\n")}\n`;
}

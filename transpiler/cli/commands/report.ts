/**
 * `psl report`: the portability report for some inputs — per input and service, each directive with its
 * provenance and, per target, native / emulated (how) / dropped (severity, why) — as canonical JSON or
 * Markdown. `--strict` exits 1 when any target drops a protection of `security` severity.
 */
import * as path from "node:path";
import { type Diagnostic, diag, hasErrors } from "../../diagnostics/index.js";
import { buildReport, renderReportMarkdown, reportJsonSchema, securityLosses } from "../../report/index.js";
import { type Command, EXIT } from "../command.js";
import { describeError } from "../inputs.js";
import { MODULE_OPTIONS } from "../module-inputs.js";
import { readSpecInputs } from "./spec-inputs.js";
import { parseGenerateOptions, parseTargets, TARGET_OPTIONS } from "./target-options.js";

export const reportCommand: Command = {
  usage: "psl report <spec.ts|unit|dir|json…> [--format json|md] [--target T1,T2|all] [--strict]",
  description: [
    "Builds the portability report from the same plans `psl generate` renders from. JSON is the",
    "canonical form (its schema: `psl report --schema`); Markdown is rendered from it. Output goes to",
    "stdout, or to FILE with --out.",
    "",
    "Exit status: 0 ok; 1 a security protection is dropped (with --strict); 2 bad usage or input errors.",
  ].join("\n"),
  options: {
    ...TARGET_OPTIONS,
    ...MODULE_OPTIONS,
    format: { kind: "string", value: "json|md", help: "output format (default md)" },
    out: { kind: "string", short: "o", value: "FILE", help: "write the report to FILE" },
    force: { kind: "flag", short: "f", help: "overwrite FILE" },
    strict: { kind: "flag", help: "exit 1 when a target drops a security protection" },
    schema: { kind: "flag", help: "print the report's JSON Schema and exit" },
  },
  examples: ["psl report examples/units --format md", "psl report system.json --target runit --strict"],
  run(args, { io, sources, printer }) {
    if (args.flags.has("schema")) {
      io.stdout(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`);
      return EXIT.ok;
    }
    const diagnostics: Diagnostic[] = [];
    const format = args.strings.get("format") ?? (args.flags.has("json") ? "json" : "md");
    if (format !== "json" && format !== "md")
      diagnostics.push(diag("PSL7008", { value: format, option: "--format", reason: "expected json or md" }));
    if (args.positionals.length === 0) diagnostics.push(diag("PSL7007"));
    const targets = parseTargets(args, diagnostics);
    const options = parseGenerateOptions(args, io, diagnostics);
    if (hasErrors(diagnostics)) {
      printer.print(diagnostics);
      return EXIT.usage;
    }
    const read = readSpecInputs(args.positionals, io, sources, [], args);
    diagnostics.push(...read.diagnostics);
    const report = buildReport(read.inputs, targets, options);
    const text = format === "json" ? `${JSON.stringify(report, null, 2)}\n` : renderReportMarkdown(report);
    const out = args.strings.get("out");
    if (!out) io.stdout(text);
    else if (io.fs.exists(out) && !args.flags.has("force")) diagnostics.push(diag("PSL7005", { file: out }));
    else {
      try {
        io.fs.mkdirp(path.dirname(out));
        io.fs.writeFileAtomic(out, text);
      } catch (e) {
        diagnostics.push(diag("PSL7006", { file: out, reason: describeError(e) }));
      }
    }
    printer.print(diagnostics);
    if (hasErrors(diagnostics)) return EXIT.usage;
    if (args.flags.has("strict") && securityLosses(report).length > 0) return EXIT.findings;
    return EXIT.ok;
  },
};

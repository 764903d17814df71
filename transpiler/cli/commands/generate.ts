/**
 * `psl generate`: specs (`.ts`, unit files, evaluated JSON) → each target's native files plus install.sh and
 * uninstall.sh, under `<out>/<target>/` in the layout `generators/types.ts` fixes (`rootfs/…`). Pure over
 * `CliIO`; writing goes through `write-outputs.ts` (no overwrite without --force, atomic files, modes kept).
 */
import * as path from "node:path";
import { type Diagnostic, diag, hasErrors, toJsonDiagnostic } from "../../diagnostics/index.js";
import { generateTargets } from "../../generators/index.js";
import { type Command, EXIT } from "../command.js";
import { MODULE_OPTIONS } from "../module-inputs.js";
import { countSummary } from "../print-diagnostics.js";
import { type OutputFile, writeOutputs } from "../write-outputs.js";
import { readSpecInputs } from "./spec-inputs.js";
import { parseGenerateOptions, parseTargets, TARGET_OPTIONS } from "./target-options.js";

export const generateCommand: Command = {
  usage: "psl generate <spec.ts|unit|dir|json…> --target T1,T2|all --out DIR [options]",
  description: [
    "Inputs are editable .ts specs (or directories of them), systemd unit files (with drop-ins), or",
    "evaluated NixOS JSON. For each target, DIR/<target>/ receives rootfs/ (files at their paths on the",
    "target), install.sh and uninstall.sh; run `sh install.sh` as root from that directory on the target.",
    "What each target carries, emulates or drops is in `psl report`; security losses are warnings here.",
    "",
    "Exit status: 0 ok; 1 a security protection is dropped (with --strict); 2 bad usage or input errors.",
  ].join("\n"),
  options: {
    ...TARGET_OPTIONS,
    ...MODULE_OPTIONS,
    out: { kind: "string", short: "o", value: "DIR", help: "output directory (required)" },
    force: { kind: "flag", short: "f", help: "write into a directory that already holds files" },
    strict: { kind: "flag", help: "exit 1 when a target drops a security protection" },
    instance: { kind: "list", value: "NAME@INSTANCE", help: "instantiate a template unit" },
  },
  examples: [
    "psl generate examples/units --target all --out out",
    "psl generate services/ --target runit,s6 --out out --strict",
  ],
  run(args, { io, sources, printer }) {
    const diagnostics: Diagnostic[] = [];
    const out = args.strings.get("out");
    if (!out) {
      printer.print([diag("PSL7004", { detail: "--out DIR is required" })]);
      return EXIT.usage;
    }
    if (args.positionals.length === 0) {
      printer.print([diag("PSL7007")]);
      return EXIT.usage;
    }
    const targets = parseTargets(args, diagnostics);
    const options = parseGenerateOptions(args, io, diagnostics);
    if (hasErrors(diagnostics)) {
      printer.print(diagnostics);
      return EXIT.usage;
    }
    const read = readSpecInputs(args.positionals, io, sources, args.lists.get("instance") ?? [], args);
    diagnostics.push(...read.diagnostics);
    const specs = read.inputs.flatMap((i) => i.specs);
    const generated = generateTargets(specs, targets, options);
    diagnostics.push(...generated.diagnostics);
    const files: OutputFile[] = generated.files.map((f) => ({
      relative: f.path,
      text: f.content,
      mode: f.mode,
    }));
    const writeProblems = writeOutputs(out, files, io, args.flags.has("force"));
    const all = [...diagnostics, ...writeProblems];
    const written = writeProblems.length === 0;
    if (args.flags.has("json")) {
      io.stdout(
        `${JSON.stringify(
          {
            out,
            written,
            targets: targets.map((t) => ({
              target: t,
              dir: path.join(out, t),
              needs: generated.results[t]?.needs ?? [],
            })),
            services: specs.map((s) => s.name),
            diagnostics: all.map((d) => toJsonDiagnostic(d, sources)),
          },
          null,
          2,
        )}\n`,
      );
    } else {
      printer.print(all);
      const summary = countSummary(all);
      io.stderr(
        written
          ? `generated ${specs.length} service${specs.length === 1 ? "" : "s"} for ${targets.join(", ")} into ${out}${summary ? ` (${summary})` : ""}\n`
          : `nothing written${summary ? ` (${summary})` : ""}\n`,
      );
    }
    if (hasErrors(all)) return EXIT.usage;
    if (args.flags.has("strict") && all.some((d) => d.code === "PSL6001")) return EXIT.findings;
    return EXIT.ok;
  },
};

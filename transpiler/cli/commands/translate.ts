/** `psl translate`: inputs (unit files, evaluated JSON) → editable `services/<name>.ts` specs + diagnostics. */
import * as path from "node:path";
import { fileURLToPath } from "node:url";
import { type Diagnostic, diag, hasErrors, toJsonDiagnostic } from "../../diagnostics/index.js";
import { emitSpecSource } from "../../emit-ts/emit-spec.js";
import { readEvaluatedJson } from "../../frontends/json/read-json.js";
import { readUnitFiles } from "../../frontends/unit-file/read-units.js";
import type { ServiceSpec } from "../../spec/schema.js";
import { type Command, EXIT } from "../command.js";
import { collectInputs } from "../inputs.js";
import { MODULE_OPTIONS, readModuleInputs } from "../module-inputs.js";
import { countSummary } from "../print-diagnostics.js";
import { createProgress } from "../progress.js";
import { type OutputFile, writeOutputs } from "../write-outputs.js";

/** Where psl's type declarations live, for the tsconfig written next to the specs. */
function pslTypesPath(): string {
  const here = path.dirname(fileURLToPath(import.meta.url));
  return path.resolve(here, "../../index.d.ts");
}

export const translateCommand: Command = {
  usage: "psl translate <input…> --out DIR [options]",
  description: [
    "Each input is a systemd unit file (.service, .socket, .timer), a directory of them (drop-ins in",
    "<unit>.d/ are applied), a .json file (what `nix eval --json` prints for config.systemd.services, or",
    "the bundle `psl export-expr` selects), or a NixOS module (.nix). A module is evaluated in isolation",
    "by psl's own Nix evaluator with psl's bundled lib and NixOS declarations (or, with --nixpkgs, the",
    "real ones), plus the settings given with --set/--set-str/--config; options it sets that psl does",
    "not carry over (firewall, sysctl, packages, …) are listed as diagnostics.",
    "",
    "Writes DIR/services/<name>.ts (one per service), DIR/diagnostics.json, and DIR/tsconfig.json so",
    "that `npx tsc -p DIR` type-checks edited specs. DIR must be new or empty unless --force is given.",
    "Services that translate are written even when another input has errors; the exit status says so.",
    "",
    "Exit status: 0 ok; 1 warnings under --strict; 2 bad usage or input errors.",
  ].join("\n"),
  options: {
    out: { kind: "string", short: "o", value: "DIR", help: "output directory (required)" },
    force: {
      kind: "flag",
      short: "f",
      help: "write into a directory that already holds files, replacing psl's files",
    },
    strict: { kind: "flag", help: "exit 1 when there are warnings" },
    instance: { kind: "list", value: "NAME@INSTANCE", help: "instantiate a template unit, e.g. getty@tty1" },
    ...MODULE_OPTIONS,
  },
  examples: [
    "psl translate examples/units --out out",
    "psl translate system.json --out out --strict",
    "psl translate examples/nix/ini-daemon.nix --set services.inidaemon.enable=true --out out",
    'nix eval --json .#nixosConfigurations.host.config --apply "$(psl export-expr)" > system.json',
  ],
  run(args, { io, sources, printer }) {
    const out = args.strings.get("out");
    if (!out) {
      printer.print([diag("PSL7004", { detail: "--out DIR is required" })]);
      return EXIT.usage;
    }
    if (args.positionals.length === 0) {
      printer.print([diag("PSL7007")]);
      return EXIT.usage;
    }
    const inputs = collectInputs(args.positionals, io);
    const diagnostics: Diagnostic[] = [...inputs.diagnostics];
    const specs: { spec: ServiceSpec; source: string }[] = [];
    const progress = createProgress(
      io,
      inputs.json.length + (inputs.units.length > 0 ? 1 : 0),
      !args.flags.has("json"),
    );
    if (inputs.units.length > 0) {
      progress.step(`reading ${inputs.units.length} unit file${inputs.units.length === 1 ? "" : "s"}`);
      const r = readUnitFiles(
        { units: inputs.units, dropins: inputs.dropins, instances: args.lists.get("instance") ?? [] },
        sources,
      );
      diagnostics.push(...r.diagnostics);
      for (const spec of r.specs)
        specs.push({ spec, source: spec.provenance ? firstFile(spec) : "unit files" });
    }
    for (const j of inputs.json) {
      progress.step(`reading ${j.path}`);
      const r = readEvaluatedJson(j, sources);
      diagnostics.push(...r.diagnostics);
      for (const spec of r.specs) specs.push({ spec, source: j.path });
    }
    if (inputs.nix.length > 0) {
      const modules = readModuleInputs(inputs.nix, args, io, sources, progress);
      diagnostics.push(...modules.diagnostics);
      specs.push(...modules.specs);
    }
    progress.done();
    const unique: { spec: ServiceSpec; source: string }[] = [];
    for (const s of specs) {
      const prev = unique.find((u) => u.spec.name === s.spec.name);
      if (prev) {
        diagnostics.push(
          diag(
            "PSL4009",
            { name: s.spec.name, first: prev.source, second: s.source },
            { position: { file: s.source } },
          ),
        );
        continue;
      }
      unique.push(s);
    }
    const files: OutputFile[] = unique.map(({ spec, source }) => ({
      relative: `services/${spec.name}.ts`,
      text: emitSpecSource(spec, { sources: [source] }),
    }));
    files.push({
      relative: "tsconfig.json",
      text: `${JSON.stringify(
        {
          compilerOptions: {
            strict: true,
            noEmit: true,
            target: "ES2022",
            module: "NodeNext",
            moduleResolution: "NodeNext",
            skipLibCheck: true,
            paths: { psl: [pslTypesPath()] },
          },
          include: ["services/*.ts"],
        },
        null,
        2,
      )}\n`,
    });
    files.push({
      relative: "diagnostics.json",
      text: `${JSON.stringify(
        diagnostics.map((d) => toJsonDiagnostic(d, sources)),
        null,
        2,
      )}\n`,
    });
    const writeProblems = writeOutputs(out, files, io, args.flags.has("force"));
    const all = [...diagnostics, ...writeProblems];
    const written = writeProblems.length === 0;
    if (args.flags.has("json")) {
      io.stdout(
        `${JSON.stringify(
          {
            out,
            written,
            services: written
              ? unique.map((u) => ({
                  name: u.spec.name,
                  file: path.join(out, "services", `${u.spec.name}.ts`),
                }))
              : [],
            diagnostics: all.map((d) => toJsonDiagnostic(d, sources)),
          },
          null,
          2,
        )}\n`,
      );
    } else {
      printer.print(all);
      const summary = countSummary(all);
      if (written) {
        io.stderr(
          `translated ${unique.length} service${unique.length === 1 ? "" : "s"} into ${path.join(out, "services")}${summary ? ` (${summary})` : ""}\n`,
        );
      } else {
        io.stderr(`nothing written${summary ? ` (${summary})` : ""}\n`);
      }
    }
    if (hasErrors(all)) return EXIT.usage;
    if (args.flags.has("strict") && all.some((d) => d.severity === "warning")) return EXIT.findings;
    return EXIT.ok;
  },
};

function firstFile(spec: ServiceSpec): string {
  const first = Object.values(spec.provenance ?? {})[0];
  return first?.file ?? "unit files";
}

/**
 * NixOS modules on the command line: the options every command that reads inputs shares (`--set`,
 * `--set-str`, `--config`, `--nixpkgs`) and the batch translation with one evaluator, so the lib is
 * evaluated once however many modules there are.
 */
import * as path from "node:path";
import { type Diagnostic, diag, type SourceRegistry } from "../diagnostics/index.js";
import { Evaluator } from "../eval/evaluator.js";
import { ModuleFrontend } from "../frontends/module/read-module.js";
import { parseSettings } from "../frontends/module/settings.js";
import type { ServiceSpec } from "../spec/schema.js";
import type { OptionTable, ParsedArgs } from "./args.js";
import type { CliIO } from "./io.js";
import { nodeEvalHost } from "./nix-host.js";
import { pslPackageRoot } from "./package-root.js";
import type { Progress } from "./progress.js";

/** What one module gave: its specs, and for the report its system aspects and assumptions. */
export interface ModuleReading {
  readonly source: string;
  readonly specs: ServiceSpec[];
  readonly systemAspects: readonly { option: string; file: string; line?: number }[];
  readonly assumptions: readonly { option: string; field: string; file: string; line?: number }[];
}

export const MODULE_OPTIONS: OptionTable = {
  set: {
    kind: "list",
    value: "OPTION=EXPR",
    help: "a setting for NixOS modules; the value is Nix: services.web.port=8080",
  },
  "set-str": {
    kind: "list",
    value: "OPTION=TEXT",
    help: "a string setting for NixOS modules: services.web.host=example.org",
  },
  config: { kind: "list", value: "FILE.nix", help: "a NixOS module with settings for the modules read" },
  nixpkgs: {
    kind: "string",
    value: "PATH",
    help: "evaluate modules with this nixpkgs checkout's lib (and nixos/lib) instead of psl's bundled ones; default $PSL_NIXPKGS",
  },
};

/** Translates NixOS modules with one evaluator (the lib is evaluated once for the whole batch). */
export function readModuleInputs(
  modules: readonly { path: string; text: string }[],
  args: ParsedArgs,
  io: CliIO,
  sources: SourceRegistry,
  progress?: Progress,
): { specs: { spec: ServiceSpec; source: string }[]; diagnostics: Diagnostic[]; modules: ModuleReading[] } {
  const diagnostics: Diagnostic[] = [];
  const parsed = parseSettings(args.lists.get("set") ?? [], args.lists.get("set-str") ?? []);
  diagnostics.push(...parsed.diagnostics);
  const nixpkgsArg = args.strings.get("nixpkgs") ?? io.env.PSL_NIXPKGS;
  const nixpkgs = nixpkgsArg ? path.resolve(io.cwd, nixpkgsArg) : undefined;
  if (nixpkgs && !io.fs.exists(path.join(nixpkgs, "lib/default.nix"))) {
    diagnostics.push(diag("PSL3005", { path: nixpkgsArg ?? nixpkgs }));
  }
  if (diagnostics.some((d) => d.severity === "error")) return { specs: [], diagnostics, modules: [] };
  const frontend = new ModuleFrontend({
    evaluator: new Evaluator({ host: nodeEvalHost(io.env) }),
    nixDir: path.join(pslPackageRoot(), "transpiler/nixos/nix"),
    nixpkgs,
    readText: (p) => {
      try {
        return io.fs.readFile(p);
      } catch {
        return undefined;
      }
    },
  });
  const settings = {
    sets: parsed.settings,
    configs: (args.lists.get("config") ?? []).map((c) => ({ path: path.resolve(io.cwd, c), display: c })),
  };
  const specs: { spec: ServiceSpec; source: string }[] = [];
  const readings: ModuleReading[] = [];
  for (const m of modules) {
    progress?.step(`evaluating ${m.path}`);
    const r = frontend.translate(path.resolve(io.cwd, m.path), m.path, settings, sources);
    diagnostics.push(...r.diagnostics);
    for (const spec of r.specs) specs.push({ spec, source: m.path });
    readings.push({ source: m.path, specs: r.specs, systemAspects: r.aspects, assumptions: r.assumptions });
  }
  return { specs, diagnostics, modules: readings };
}

/**
 * Specs from a command line that may mix editable `.ts` specs (files, or directories holding them or a
 * `services/` folder), systemd unit files and directories of them, and evaluated-NixOS JSON. Used by
 * `psl generate` and `psl report`; specs keep the input they came from (the report groups by it).
 */
import * as path from "node:path";
import { type Diagnostic, diag, type SourceRegistry } from "../../diagnostics/index.js";
import { loadSpecFile } from "../../emit-ts/load-spec.js";
import { readEvaluatedJson } from "../../frontends/json/read-json.js";
import { readUnitFiles } from "../../frontends/unit-file/read-units.js";
import type { ServiceSpec } from "../../spec/schema.js";
import type { ParsedArgs } from "../args.js";
import { collectInputs } from "../inputs.js";
import type { CliIO } from "../io.js";
import { readModuleInputs } from "../module-inputs.js";
import { fileHost, specFiles } from "./validate.js";

export interface SourcedSpecs {
  readonly source: string;
  readonly specs: ServiceSpec[];
  readonly systemAspects?: readonly { option: string; file: string; line?: number }[];
  readonly assumptions?: readonly { option: string; field: string; file: string; line?: number }[];
}

function hasTs(io: CliIO, dir: string): boolean {
  const services = path.join(dir, "services");
  if (io.fs.exists(services) && io.fs.isDirectory(services)) return true;
  return io.fs.readDir(dir).some((e) => e.isFile && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts"));
}

/** Reads every input; problems become diagnostics, duplicates (same service name) are reported. */
export function readSpecInputs(
  positionals: readonly string[],
  io: CliIO,
  sources: SourceRegistry,
  instances: readonly string[] = [],
  args?: ParsedArgs,
): { inputs: SourcedSpecs[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const inputs: SourcedSpecs[] = [];
  const tsPaths: string[] = [];
  const others: string[] = [];
  for (const p of positionals) {
    const isTs = p.endsWith(".ts") && !p.endsWith(".d.ts");
    if (isTs || (io.fs.exists(p) && io.fs.isDirectory(p) && hasTs(io, p))) tsPaths.push(p);
    else others.push(p);
  }
  for (const f of specFiles(tsPaths, io, diagnostics)) {
    const r = loadSpecFile(f, fileHost(io));
    diagnostics.push(...r.diagnostics);
    if (r.spec) inputs.push({ source: f, specs: [r.spec] });
  }
  if (others.length > 0) {
    const collected = collectInputs(others, io);
    diagnostics.push(...collected.diagnostics);
    if (collected.nix.length > 0) {
      const noArgs: ParsedArgs = { flags: new Set(), strings: new Map(), lists: new Map(), positionals: [] };
      const modules = readModuleInputs(collected.nix, args ?? noArgs, io, sources);
      diagnostics.push(...modules.diagnostics);
      inputs.push(...modules.modules);
    }
    if (collected.units.length > 0) {
      const r = readUnitFiles({ units: collected.units, dropins: collected.dropins, instances }, sources);
      diagnostics.push(...r.diagnostics);
      for (const spec of r.specs) {
        const source = Object.values(spec.provenance ?? {})[0]?.file ?? "unit files";
        const slot = inputs.find((i) => i.source === source);
        if (slot) slot.specs.push(spec);
        else inputs.push({ source, specs: [spec] });
      }
    }
    for (const j of collected.json) {
      const r = readEvaluatedJson(j, sources);
      diagnostics.push(...r.diagnostics);
      if (r.specs.length > 0) inputs.push({ source: j.path, specs: r.specs });
    }
  }
  const seen = new Map<string, string>();
  for (const input of inputs) {
    input.specs.splice(
      0,
      input.specs.length,
      ...input.specs.filter((s) => {
        const first = seen.get(s.name);
        if (first !== undefined) {
          diagnostics.push(
            diag(
              "PSL4009",
              { name: s.name, first, second: input.source },
              { position: { file: input.source } },
            ),
          );
          return false;
        }
        seen.set(s.name, input.source);
        return true;
      }),
    );
  }
  return { inputs: inputs.filter((i) => i.specs.length > 0), diagnostics };
}

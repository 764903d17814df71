/**
 * Turns the paths on a command line into frontend inputs: unit files with their drop-ins, JSON files, and
 * (for the module frontend) Nix files. A directory is scanned one level deep; its `*.d/` directories are
 * drop-in directories. Problems (missing files, unknown kinds) become diagnostics.
 */
import * as path from "node:path";
import { type Diagnostic, diag } from "../diagnostics/index.js";
import type { DropinInput, UnitFileInput } from "../frontends/unit-file/read-units.js";
import type { CliIO } from "./io.js";

export interface CollectedInputs {
  readonly units: UnitFileInput[];
  readonly dropins: DropinInput[];
  readonly json: { path: string; text: string }[];
  readonly nix: { path: string; text: string }[];
  readonly diagnostics: Diagnostic[];
}

const UNIT_SUFFIXES = [".service", ".socket", ".timer"];
/** Other unit types: read-only context, reported as not carried over. */
const OTHER_UNIT_SUFFIXES = [
  ".target",
  ".path",
  ".mount",
  ".automount",
  ".swap",
  ".slice",
  ".scope",
  ".device",
];

export function collectInputs(paths: readonly string[], io: CliIO): CollectedInputs {
  const out: CollectedInputs = { units: [], dropins: [], json: [], nix: [], diagnostics: [] };
  const read = (p: string): string | undefined => {
    try {
      return io.fs.readFile(p);
    } catch (e) {
      out.diagnostics.push(diag("PSL4015", { file: p, reason: describeError(e) }, { position: { file: p } }));
      return undefined;
    }
  };
  const addFile = (p: string, fromDirectory: boolean) => {
    const base = path.basename(p);
    if (UNIT_SUFFIXES.some((s) => base.endsWith(s))) {
      const text = read(p);
      if (text !== undefined) out.units.push({ path: p, name: base, text });
    } else if (base.endsWith(".json")) {
      const text = read(p);
      if (text !== undefined) out.json.push({ path: p, text });
    } else if (base.endsWith(".nix")) {
      const text = read(p);
      if (text !== undefined) out.nix.push({ path: p, text });
    } else if (OTHER_UNIT_SUFFIXES.some((s) => base.endsWith(s))) {
      out.diagnostics.push(diag("PSL4017", { what: "unit", name: base }, { position: { file: p } }));
    } else if (!fromDirectory) {
      out.diagnostics.push(diag("PSL4016", { file: p }, { position: { file: p } }));
    }
  };
  const addDropinDir = (dir: string) => {
    for (const e of io.fs.readDir(dir)) {
      if (!e.isFile || !e.name.endsWith(".conf")) continue;
      const p = path.join(dir, e.name);
      const text = read(p);
      if (text !== undefined) out.dropins.push({ dir: path.basename(dir), path: p, name: e.name, text });
    }
  };
  for (const p of paths) {
    if (!io.fs.exists(p)) {
      out.diagnostics.push(
        diag("PSL4015", { file: p, reason: "no such file or directory" }, { position: { file: p } }),
      );
      continue;
    }
    if (!io.fs.isDirectory(p)) {
      addFile(p, false);
      continue;
    }
    if (p.endsWith(".d")) {
      addDropinDir(p);
      continue;
    }
    for (const e of io.fs.readDir(p)) {
      const child = path.join(p, e.name);
      if (e.isDirectory && e.name.endsWith(".d")) addDropinDir(child);
      else if (e.isFile) addFile(child, true);
    }
  }
  return out;
}

export function describeError(e: unknown): string {
  const code = (e as { code?: string } | undefined)?.code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES") return "permission denied";
  if (code === "EISDIR") return "it is a directory";
  return e instanceof Error ? e.message : String(e);
}

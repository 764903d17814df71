/**
 * Resolving store paths before rendering. NixOS job scripts (`script`, `preStart`, …) become files psl
 * writes next to the service (their store paths are invented, so no target has them); every other store
 * path is kept (store mode, and listed as a path to realise) or mapped to the host's packages (host mode,
 * with unmapped packages reported). The result is a spec whose strings are final for the target.
 */
import { type Diagnostic, diag } from "../diagnostics/index.js";
import { type MappedText, mapStorePaths, type PackageMap, storePathsIn } from "../nixos/package-map.js";
import type { Command, ServiceSpec } from "../spec/schema.js";
import type { Layout } from "./layout.js";
import type { GeneratedFile, TargetName } from "./types.js";

export interface PreparedSpec {
  readonly spec: ServiceSpec;
  /** Job scripts, at their paths on the target. */
  readonly files: readonly GeneratedFile[];
  /** Store mode: store paths the target must have. */
  readonly storePaths: readonly string[];
  /** Host mode: distribution packages the service needs. */
  readonly packages: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

const COMMAND_LISTS: readonly (readonly [string, string])[] = [
  ["process", "start"],
  ["lifecycle", "condition"],
  ["lifecycle", "startPre"],
  ["lifecycle", "startPost"],
  ["lifecycle", "reload"],
  ["lifecycle", "stop"],
  ["lifecycle", "stopPost"],
];

/** Maps every string of a spec, except bookkeeping (provenance, NixOS switch facts, script names, `skip`). */
function mapStrings(value: unknown, fn: (s: string) => string, skip: ReadonlySet<string>, key = ""): unknown {
  if (typeof value === "string") return fn(value);
  if (Array.isArray(value)) return value.map((v) => mapStrings(v, fn, skip));
  if (typeof value === "object" && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) {
      const keep = k === "provenance" || k === "nixos" || skip.has(k) || (key === "script" && k === "name");
      out[k] = keep ? v : mapStrings(v, fn, skip, k);
    }
    return out;
  }
  return value;
}

function scriptText(script: NonNullable<Command["script"]>, shebang: string): string {
  const prologue = script.strict ? "set -o errexit -o nounset -o pipefail" : "set -e";
  return `#!${shebang}\n${prologue}\n${script.text}${script.text.endsWith("\n") ? "" : "\n"}`;
}

/** Resolves job scripts and store paths of `spec` for `target`. */
export function prepareSpec(
  spec: ServiceSpec,
  target: TargetName,
  layout: Layout,
  options: { readonly storeMode: "store" | "host"; readonly packageMap: PackageMap },
): PreparedSpec {
  const diagnostics: Diagnostic[] = [];
  const scripts: { path: string; script: NonNullable<Command["script"]> }[] = [];
  const withScripts = structuredClone(spec) as ServiceSpec & Record<string, Record<string, Command[]>>;
  const fakeStorePaths = new Set<string>();
  for (const [a, b] of COMMAND_LISTS) {
    const list = withScripts[a]?.[b];
    if (!list) continue;
    withScripts[a] = {
      ...withScripts[a],
      [b]: list.map((cmd) => {
        if (!cmd.script) return cmd;
        const path = `${layout.libexec}/${spec.name}/${cmd.script.name}`;
        for (const p of storePathsIn(cmd.argv[0] ?? "")) fakeStorePaths.add(p);
        scripts.push({ path, script: cmd.script });
        return { ...cmd, argv: [path, ...cmd.argv.slice(1)] };
      }),
    };
  }
  const unmapped = new Map<string, string>();
  const packages = new Set<string>();
  const storePaths = new Set<string>();
  const resolve = (s: string): string => {
    if (!s.includes("/nix/store/")) return s;
    if (options.storeMode === "store") {
      for (const p of storePathsIn(s)) if (!fakeStorePaths.has(p)) storePaths.add(p);
      return s;
    }
    const m: MappedText = mapStorePaths(s, options.packageMap);
    for (const u of m.unmapped) unmapped.set(u.path, u.package);
    for (const p of m.packages) packages.add(p);
    return m.text;
  };
  // Host mode installs a configuration file from its text; its store source matters only in store mode.
  const skip = new Set(options.storeMode === "host" ? ["source"] : []);
  const mapped = mapStrings(withScripts, resolve, skip) as ServiceSpec;
  const shebang = options.storeMode === "host" ? "/bin/bash" : "/usr/bin/env bash";
  const files: GeneratedFile[] = scripts.map(({ path, script }) => ({
    path: `rootfs${path}`,
    content: scriptText({ ...script, text: resolve(script.text) }, shebang),
    mode: 0o755,
  }));
  for (const [path, pkg] of unmapped) {
    diagnostics.push(
      diag("PSL6004", { package: pkg, path }, { target, notes: [`in service \`${spec.name}\``] }),
    );
  }
  return {
    spec: mapped,
    files,
    storePaths: [...storePaths].sort(),
    packages: [...packages].sort(),
    diagnostics,
  };
}

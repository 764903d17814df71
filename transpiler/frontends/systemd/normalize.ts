/**
 * Normalisations every frontend applies after lowering, so that the same service reads the same whatever
 * its input: NixOS's `PATH` (bin dirs then sbin dirs of the same packages) becomes `process.path`, and
 * rules systemd enforces at load time are checked.
 */
import { type Diagnostic, diag } from "../../diagnostics/index.js";
import type { Provenance } from "../../spec/schema.js";

/** The package prefixes of a PATH of NixOS's shape `p1/bin:…:pn/bin:p1/sbin:…:pn/sbin`, if it has it. */
export function nixosPathPackages(path: string): string[] | undefined {
  const parts = path.split(":");
  if (parts.length < 2 || parts.length % 2 !== 0) return undefined;
  const half = parts.length / 2;
  const bins = parts.slice(0, half);
  const sbins = parts.slice(half);
  const prefixes: string[] = [];
  for (let i = 0; i < half; i++) {
    const b = bins[i] as string;
    const s = sbins[i] as string;
    if (!b.endsWith("/bin") || !s.endsWith("/sbin")) return undefined;
    const prefix = b.slice(0, -"/bin".length);
    if (s.slice(0, -"/sbin".length) !== prefix || prefix.length === 0) return undefined;
    prefixes.push(prefix);
  }
  return prefixes;
}

/** Applies the shared normalisations to a lowered service object and its provenance (both mutated). */
export function normalizeService(
  value: Record<string, unknown>,
  provenance: Record<string, Provenance>,
  unitName: string,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const process = value.process as Record<string, unknown> | undefined;
  const env = process?.environment as Record<string, string> | undefined;
  if (process && env?.PATH !== undefined && process.path === undefined) {
    const packages = nixosPathPackages(env.PATH);
    if (packages) {
      process.path = packages;
      delete env.PATH;
      if (Object.keys(env).length === 0) delete process.environment;
      const p = provenance["/process/environment/PATH"];
      delete provenance["/process/environment/PATH"];
      if (p) {
        packages.forEach((_, i) => {
          provenance[`/process/path/${i}`] = { ...p, via: "Environment=PATH" };
        });
      }
    }
  }
  const start = process?.start as unknown[] | undefined;
  const type = (process?.type as string | undefined) ?? (start ? "simple" : "oneshot");
  if (start && start.length > 1 && type !== "oneshot") {
    const p = provenance["/process/start/1"];
    diagnostics.push(diag("PSL4014", { key: "ExecStart", type }, { position: p ?? { file: unitName } }));
  }
  return diagnostics;
}

/**
 * The generator table: one Generator per target (folder names under generators/ are the target names),
 * and `generateTargets` to render a set of specs for several targets at once.
 */
import type { Diagnostic } from "../diagnostics/index.js";
import type { ServiceSpec } from "../spec/schema.js";
import { busyboxGenerator } from "./busybox/render.js";
import { daemontoolsGenerator } from "./daemontools/render.js";
import { dinitGenerator } from "./dinit/render.js";
import { freebsdRcGenerator } from "./freebsd-rc/render.js";
import { launchdGenerator } from "./launchd/render.js";
import { openrcGenerator } from "./openrc/render.js";
import { runitGenerator } from "./runit/render.js";
import { s6Generator } from "./s6/render.js";
import { s6rcGenerator } from "./s6-rc/render.js";
import { supervisordGenerator } from "./supervisord/render.js";
import { systemdGenerator } from "./systemd/render.js";
import { sysvinitGenerator } from "./sysvinit/render.js";
import {
  type GeneratedFile,
  type GenerateOptions,
  type GenerateResult,
  type Generator,
  TARGETS,
  type TargetName,
} from "./types.js";

export const GENERATORS: Readonly<Record<TargetName, Generator>> = {
  systemd: systemdGenerator,
  sysvinit: sysvinitGenerator,
  openrc: openrcGenerator,
  runit: runitGenerator,
  s6: s6Generator,
  "s6-rc": s6rcGenerator,
  supervisord: supervisordGenerator,
  daemontools: daemontoolsGenerator,
  dinit: dinitGenerator,
  launchd: launchdGenerator,
  "freebsd-rc": freebsdRcGenerator,
  busybox: busyboxGenerator,
};

export function isTarget(name: string): name is TargetName {
  return (TARGETS as readonly string[]).includes(name);
}

/** Renders `specs` for each target; file paths are prefixed with `<target>/`. */
export function generateTargets(
  specs: readonly ServiceSpec[],
  targets: readonly TargetName[],
  options: GenerateOptions,
): {
  files: GeneratedFile[];
  diagnostics: Diagnostic[];
  results: Partial<Record<TargetName, GenerateResult>>;
} {
  const files: GeneratedFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const results: Partial<Record<TargetName, GenerateResult>> = {};
  for (const t of targets) {
    const r = GENERATORS[t].render(specs, options);
    results[t] = r;
    files.push(...r.files.map((f) => ({ ...f, path: `${t}/${f.path}` })));
    diagnostics.push(...r.diagnostics);
  }
  return { files, diagnostics, results };
}

export { TARGETS, type TargetName } from "./types.js";

/**
 * Building table rows without repeating twelve cells: a row names its feature and gives cells by target or
 * by group. Resolution for a target: its own cell, else its group's (`supervisors` ⊂ `linux`), else `rest`.
 * `systemd` is `native` unless the row names it (groups and `rest` never cover it: psl's systemd output
 * is the reference).
 * A row that leaves a target without a cell is a bug in the table, caught when the row is built.
 */
import { TARGETS, type TargetName } from "../generators/types.js";
import { type Capability, type CapabilityRow, native } from "./types.js";

/** Process supervisors driven by a `run` script in a service directory. */
export const SUPERVISORS: readonly TargetName[] = ["runit", "s6", "daemontools"];

/**
 * Linux targets on which psl's runtime helper has util-linux (`setpriv`, `prlimit`) at hand: every target
 * except systemd itself, launchd (macOS) and FreeBSD's rc.d.
 */
export const LINUX_HELPER_TARGETS: readonly TargetName[] = [
  "sysvinit",
  "openrc",
  "runit",
  "s6",
  "s6-rc",
  "supervisord",
  "daemontools",
  "dinit",
  "busybox",
];

export type CellSpec = Partial<Record<TargetName | "supervisors" | "linux" | "rest", Capability>>;

/** One row; throws (a table bug, not a user error) when a target would be left without a cell. */
export function row(feature: string, spec: CellSpec): CapabilityRow {
  const cells = {} as Record<TargetName, Capability>;
  for (const t of TARGETS) {
    const cell =
      t === "systemd"
        ? (spec.systemd ?? native())
        : (spec[t] ??
          (SUPERVISORS.includes(t) ? spec.supervisors : undefined) ??
          (LINUX_HELPER_TARGETS.includes(t) ? spec.linux : undefined) ??
          spec.rest);
    if (!cell) throw new Error(`capability table: ${feature} has no cell for ${t}`);
    cells[t] = cell;
  }
  return { feature, cells };
}

/** Many rows sharing one cell spec. */
export function rows(features: readonly string[], spec: CellSpec): CapabilityRow[] {
  return features.map((f) => row(f, spec));
}

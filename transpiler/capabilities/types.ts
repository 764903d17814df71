/**
 * What a target does with a feature of a ServiceSpec: carries it natively, emulates it (and says how), or
 * drops it (and says how much that matters). One `Capability` per (feature, target) cell of the table in
 * `table.ts`; generators and the report read only that table, so they cannot disagree.
 *
 * Severity of a drop:
 * - `benign`: nothing observable changes for the service (accounting, NixOS switch hints, log routing tweaks);
 * - `behaviour`: the service may behave differently (a dependency not pulled in, no restart delay, no timer);
 * - `security`: the service runs with fewer protections or more privileges than the spec asks for
 *   (sandboxing, capabilities, `NoNewPrivileges`, `DynamicUser`, a command that would run as root).
 */
import type { TargetName } from "../generators/types.js";

export type CapabilityStatus = "native" | "emulated" | "dropped";
export type DropSeverity = "benign" | "behaviour" | "security";

export type Capability =
  | { readonly status: "native"; readonly how?: string }
  | { readonly status: "emulated"; readonly how: string }
  | {
      readonly status: "dropped";
      readonly severity: DropSeverity;
      readonly why: string;
      /** What psl does instead, when it does something (e.g. a static user for DynamicUser=). */
      readonly instead?: string;
    };

/** One row of the table: a feature and its capability on every target. */
export interface CapabilityRow {
  readonly feature: string;
  readonly cells: Readonly<Record<TargetName, Capability>>;
}

/** Shorthands used by the table files. */
export const native = (how?: string): Capability => (how ? { status: "native", how } : { status: "native" });
export const emulated = (how: string): Capability => ({ status: "emulated", how });
export const dropped = (severity: DropSeverity, why: string, instead?: string): Capability =>
  instead ? { status: "dropped", severity, why, instead } : { status: "dropped", severity, why };

/**
 * The capability table: feature × target, assembled from the domain files. This is the one place that
 * says what each target does with each feature; generators consult it (through `plan.ts` in
 * `generators/`) and the report prints it. `capabilities.test.ts` proves every feature of the catalogue
 * (`features.ts`), every systemd directive and every NixOS service option is classified for every target.
 */
import type { TargetName } from "../generators/types.js";
import { rawFeature } from "./features.js";
import { READINESS_ROWS, RESTART_ROWS, STOP_ROWS } from "./table-control.js";
import { DEPENDENCY_ROWS } from "./table-dependencies.js";
import { COMMAND_ROWS, IDENTITY_ROWS, LIFECYCLE_ROWS, PROCESS_ROWS } from "./table-process.js";
import { CONDITION_AND_RAW_ROWS } from "./table-raw.js";
import { RESOURCE_ROWS, SANDBOXING_ROWS } from "./table-sandboxing.js";
import { SYSTEM_ROWS } from "./table-system.js";
import { type Capability, type CapabilityRow, dropped, native } from "./types.js";

export const CAPABILITY_TABLE: readonly CapabilityRow[] = [
  ...PROCESS_ROWS,
  ...COMMAND_ROWS,
  ...LIFECYCLE_ROWS,
  ...IDENTITY_ROWS,
  ...RESTART_ROWS,
  ...STOP_ROWS,
  ...READINESS_ROWS,
  ...DEPENDENCY_ROWS,
  ...SANDBOXING_ROWS,
  ...RESOURCE_ROWS,
  ...SYSTEM_ROWS,
  ...CONDITION_AND_RAW_ROWS,
];

const byFeature = new Map<string, CapabilityRow>();
for (const r of CAPABILITY_TABLE) byFeature.set(r.feature, r);

/** The table's row for `feature`, if the table classifies it. */
export function capabilityRow(feature: string): CapabilityRow | undefined {
  return byFeature.get(feature);
}

const UNKNOWN_DIRECTIVE = dropped("behaviour", "a directive psl does not know: not carried");
const EXTENSION_DIRECTIVE = dropped("benign", "an X- extension directive: not carried");

/**
 * What `target` does with `feature` (see `features.ts` for feature names). A verbatim directive the table
 * does not list (a typo, a newer systemd, an `X-` key) is carried by the systemd target and dropped by the
 * others; any other unknown feature is undefined.
 */
export function capabilityOf(feature: string, target: TargetName): Capability | undefined {
  const r = byFeature.get(feature);
  if (r) return r.cells[target];
  if (!feature.startsWith("systemd.")) return undefined;
  if (target === "systemd") return native("kept verbatim");
  const key = feature.slice(feature.lastIndexOf(".") + 1);
  return key.startsWith("X-") ? EXTENSION_DIRECTIVE : UNKNOWN_DIRECTIVE;
}

export { rawFeature };

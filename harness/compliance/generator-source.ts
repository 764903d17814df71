/**
 * Which generator installs a scenario's services on an init, and which capability table the outcome is
 * held against: psl's own generator (`transpiler/generators/<target>/`) and psl's capability table
 * (`transpiler/capabilities/`), on every init, so the suite proves that table.
 */
import { capabilityOf } from "../../transpiler/capabilities/index.js";
import { GENERATORS } from "../../transpiler/generators/index.js";
import type { Generator } from "../../transpiler/generators/types.js";
import type { InitName } from "../../vm-images/index.js";

export type ExpectedStatus = "native" | "emulated" | "dropped";

export interface ExpectedCapability {
  readonly status: ExpectedStatus;
  /** How it is emulated, or why it is dropped. */
  readonly note?: string;
}

export function generatorFor(init: InitName): Generator {
  return GENERATORS[init];
}

/** The capability of a feature on an init, from psl's table. */
export function expectedCapability(feature: string, init: InitName): ExpectedCapability {
  const c = capabilityOf(feature, init);
  if (c === undefined)
    throw new Error(`compliance: psl's capability table has no cell for ${feature} on ${init}`);
  if (c.status === "dropped") return { status: "dropped", note: `${c.severity}: ${c.why}` };
  return c.how ? { status: c.status, note: c.how } : { status: c.status };
}

const RANK = { native: 0, emulated: 1, dropped: 2 } as const;

/** The worst capability among a scenario's features, with the notes of the features that make it so. */
export function scenarioCapability(features: readonly string[], init: InitName): ExpectedCapability {
  const cells = features.map((f) => [f, expectedCapability(f, init)] as const);
  let worst: ExpectedStatus = "native";
  for (const [, c] of cells) if (RANK[c.status] > RANK[worst]) worst = c.status;
  const notes = cells.filter(([, c]) => c.status === worst && c.note).map(([f, c]) => `${f}: ${c.note}`);
  return notes.length ? { status: worst, note: notes.join("; ") } : { status: worst };
}

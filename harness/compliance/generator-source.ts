/**
 * Which generator installs a scenario's services on an init, and which capability table the outcome is
 * held against. psl's own generator (`transpiler/generators/<target>/`) is used as soon as it is listed
 * here, and then the outcome is checked against psl's capability table (`transpiler/capabilities/`), so
 * the suite proves that table. Inits whose generator has not landed yet use the harness's stand-in
 * generator and its own expectation table (`expected-capabilities.ts`).
 */
import { capabilityOf } from "../../transpiler/capabilities/index.js";
import { GENERATORS } from "../../transpiler/generators/index.js";
import type { Generator } from "../../transpiler/generators/types.js";
import type { InitName } from "../../vm-images/index.js";
import { type ExpectedCapability, standInCapabilityOf } from "./expected-capabilities.js";
import { STAND_IN_GENERATORS } from "./stand-in/index.js";

/**
 * The inits whose psl generator the suite uses by default: those proven green in this harness. The
 * others still use the stand-ins until their runs pass; `PSL_HARNESS_GENERATORS=psl` uses psl's
 * generator for every init (to try one), `=stand-in` the stand-ins everywhere.
 */
const PROVEN: ReadonlySet<InitName> = new Set<InitName>(["systemd"]);

function pslGenerator(init: InitName): Generator | undefined {
  const choice = process.env.PSL_HARNESS_GENERATORS;
  if (choice === "stand-in") return undefined;
  if (choice === "psl" || PROVEN.has(init)) return GENERATORS[init];
  return undefined;
}

export type GeneratorOrigin = "psl" | "stand-in";

export function generatorFor(init: InitName): {
  readonly generator: Generator;
  readonly origin: GeneratorOrigin;
} {
  const psl = pslGenerator(init);
  return psl
    ? { generator: psl, origin: "psl" }
    : { generator: STAND_IN_GENERATORS[init], origin: "stand-in" };
}

/** The capability of a feature on an init, from the table that matches the generator in use. */
export function expectedCapability(feature: string, init: InitName): ExpectedCapability {
  if (generatorFor(init).origin === "stand-in") return standInCapabilityOf(feature, init);
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
  let worst: ExpectedCapability["status"] = "native";
  for (const [, c] of cells) if (RANK[c.status] > RANK[worst]) worst = c.status;
  const notes = cells.filter(([, c]) => c.status === worst && c.note).map(([f, c]) => `${f}: ${c.note}`);
  return notes.length ? { status: worst, note: notes.join("; ") } : { status: worst };
}

/**
 * TypeScript's compiler API, loaded on first use. It is large (seconds to load on a busy machine), and
 * most psl commands never need it: only loading `.ts` specs does.
 */
import { createRequire } from "node:module";
import type { ts as TS } from "ts-morph";

let cached: typeof TS | undefined;

/** The `ts` namespace bundled with ts-morph. */
export function typescript(): typeof TS {
  cached ??= (createRequire(import.meta.url)("ts-morph") as { ts: typeof TS }).ts;
  return cached;
}

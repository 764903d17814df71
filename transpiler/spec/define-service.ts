/**
 * `defineService` is what an editable `services/<name>.ts` calls: it gives the object literal its type,
 * so that editors complete fields and `tsc` rejects typos. Validation happens when psl loads the file.
 */
import type { ServiceSpec } from "./schema.js";

/** Declares a service. Returns its argument unchanged; the type is the point. */
export function defineService<const T extends ServiceSpec>(spec: T): T {
  return spec;
}

/**
 * The V8 settings psl runs with, set once at start-up by the CLI (and by the benchmarks, so that they
 * time what the CLI runs).
 *
 * Allocation-site pretenuring is off. V8 watches each allocation site, and one whose objects mostly
 * survive a young-generation collection is switched to allocate in the old generation. A parse makes every
 * node site such a site: the tree lives until the parse ends. Measured on the 16 MB file of
 * `npm run bench -- nix-parse`, parsing with pretenuring off takes about 0.8× the time it takes with it
 * on (best of 5 runs, four alternating rounds); the evaluation benchmarks do not change. The flag is read
 * at every collection, so setting it after start-up takes effect.
 */
import { setFlagsFromString } from "node:v8";

export function tuneV8(): void {
  setFlagsFromString("--no-allocation-site-pretenuring");
}

/**
 * The V8 settings psl runs with, set once at start-up by the CLI (and by the benchmarks, so that they
 * time what the CLI runs).
 *
 * Allocation-site pretenuring is off. V8 watches each allocation site of an object or array literal, and
 * one whose objects mostly survive a young-generation collection is switched to allocate in the old
 * generation. A parse makes its array sites such sites: the tree lives until the parse ends. Measured on
 * the 16 MB file of `npm run bench -- nix-parse` (best of 3 parses, four alternating rounds): with the
 * tree's nodes as object literals, parsing took about 0.8× the time with pretenuring off; since the nodes
 * are class instances (which V8 does not pretenure) the gain is smaller, 990–1,023 ms against
 * 1,037–1,097 ms. The evaluation benchmarks do not change. The flag is read at every collection, so
 * setting it after start-up takes effect.
 */
import { setFlagsFromString } from "node:v8";

export function tuneV8(): void {
  setFlagsFromString("--no-allocation-site-pretenuring");
}

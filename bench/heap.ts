/**
 * How much heap a value holds: the heap in use after a full collection, with the value alive, minus the
 * same before it was made. Unlike a time, this figure does not move with the machine's load, so it
 * tracks changes to a data structure's size exactly. The collector is reached by turning on
 * `--expose-gc` at run time and taking `gc` from a new context.
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

let fullGc: (() => void) | undefined;

/** The heap (in bytes) that the value `make` returns keeps alive, and the value. */
export function retained<T>(make: () => T): { bytes: number; value: T } {
  if (fullGc === undefined) {
    setFlagsFromString("--expose-gc");
    fullGc = runInNewContext("gc") as () => void;
  }
  fullGc();
  const before = process.memoryUsage().heapUsed;
  const value = make();
  fullGc();
  return { bytes: process.memoryUsage().heapUsed - before, value };
}

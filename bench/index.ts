/** The benchmark registry: `npm run bench` runs each of these (filter with `npm run bench -- <name>`). */
import type { Bench } from "./bench.js";
import { harnessBench } from "./harness.bench.js";
import { modulesBench } from "./modules.bench.js";
import { nixEvalBench } from "./nix-eval.bench.js";
import { nixParseBench } from "./nix-parse.bench.js";
import { unitFilesBench } from "./unit-files.bench.js";

export const BENCHES: readonly Bench[] = [
  unitFilesBench,
  modulesBench,
  harnessBench,
  nixEvalBench,
  nixParseBench,
];

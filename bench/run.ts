/**
 * `npm run bench [name…]`: runs the registered benchmarks and prints their results. A name selects the
 * benchmarks whose id it equals or whose title contains it (`nix-parse`, `nix`). The process runs with
 * the CLI's V8 settings (`tuneV8`).
 */
import { tuneV8 } from "../transpiler/cli/v8-tuning.js";
import { BENCHES } from "./index.js";

// The CLI's V8 settings, so that in-process figures are the CLI's.
tuneV8();

const wanted = process.argv.slice(2);
for (const b of BENCHES) {
  if (wanted.length > 0 && !wanted.some((w) => b.id === w || b.name.includes(w))) continue;
  const why = b.skip?.();
  if (why) {
    process.stdout.write(`## ${b.name}: skipped (${why})\n\n`);
    continue;
  }
  const r = await b.run();
  process.stdout.write(`## ${r.name}\n${r.lines.map((l) => `  ${l}`).join("\n")}\n\n`);
}

/**
 * `npm run bench [name…]`: runs the registered benchmarks and prints their results. A name selects the
 * benchmarks whose id it equals or whose title contains it (`nix-parse`, `nix`).
 */
import { BENCHES } from "./index.js";

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

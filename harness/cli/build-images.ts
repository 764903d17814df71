/**
 * `node dist/harness/cli/build-images.js [--containers all|a,b] [--vms all|a,b|none]`: builds the harness
 * images that are missing (cached by recipe hash) and prints what it built and how long it took. Run by
 * `harness/setup/test-env.sh` before the tests; safe to run in parallel with itself.
 */
import { INITS, type InitName, RECIPES } from "../../vm-images/index.js";
import { ensureContainerImage } from "../images/container-image.js";
import { ensureVmDisk } from "../images/vm-disk.js";
import { formatSeconds } from "../process/process-result.js";

function pick(arg: string | undefined, fallback: readonly InitName[]): InitName[] {
  if (arg === undefined) return [...fallback];
  if (arg === "none") return [];
  if (arg === "all") return [...INITS];
  const names = arg.split(",");
  for (const n of names) {
    if (!(INITS as readonly string[]).includes(n)) throw new Error(`build-images: unknown init \`${n}\``);
  }
  return names as InitName[];
}

function option(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const log = (line: string) => process.stderr.write(`build-images: ${line}\n`);
const containers = pick(option("--containers"), INITS);
const vms = pick(option("--vms"), []).filter((i) => RECIPES[i].vm !== undefined);
const t0 = performance.now();
for (const init of containers) {
  const r = await ensureContainerImage(RECIPES[init], log);
  log(`${r.tag} ${r.cached ? "present" : `built in ${formatSeconds(r.durationMs)}`}`);
}
for (const init of vms) {
  const r = await ensureVmDisk(RECIPES[init], log);
  log(`vm ${init} ${r.disk} ${r.cached ? "present" : `built in ${formatSeconds(r.durationMs)}`}`);
}
log(`done in ${formatSeconds(performance.now() - t0)}`);

/**
 * Test support: every example under `examples/` translated with the frontends, one case per input (a
 * directory of unit files, or a JSON file). New examples are picked up without touching the tests.
 * Reads the file system, so only tests import it.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { SourceRegistry } from "../../diagnostics/index.js";
import { readEvaluatedJson } from "../../frontends/json/read-json.js";
import { type DropinInput, readUnitFiles, type UnitFileInput } from "../../frontends/unit-file/read-units.js";
import type { ServiceSpec } from "../../spec/schema.js";

export const EXAMPLES_DIR = join(dirname(fileURLToPath(import.meta.url)), "../../../examples");

export interface ExampleCase {
  /** `units`, `json-system`, …: a stable name for golden directories. */
  readonly name: string;
  readonly specs: readonly ServiceSpec[];
  readonly kind: "units" | "json";
}

const UNIT = /\.(service|socket|timer)$/;

/** Reads a directory of unit files (with `<unit>.d/` drop-ins) the way `psl translate` does. */
export function readUnitDirectory(dir: string): ServiceSpec[] {
  const units: UnitFileInput[] = [];
  const dropins: DropinInput[] = [];
  for (const e of readdirSync(dir).sort()) {
    const p = join(dir, e);
    if (statSync(p).isDirectory() && e.endsWith(".d")) {
      for (const d of readdirSync(p).sort())
        if (d.endsWith(".conf"))
          dropins.push({ dir: e, path: `${dir}/${e}/${d}`, name: d, text: readFileSync(join(p, d), "utf8") });
    } else if (UNIT.test(e)) units.push({ path: join(dir, e), name: e, text: readFileSync(p, "utf8") });
  }
  return readUnitFiles({ units, dropins }, new SourceRegistry()).specs;
}

/** All example cases, sorted by name. */
export function exampleCases(): ExampleCase[] {
  const cases: ExampleCase[] = [];
  for (const e of readdirSync(EXAMPLES_DIR).sort()) {
    const p = join(EXAMPLES_DIR, e);
    if (!statSync(p).isDirectory()) continue;
    const files = readdirSync(p).sort();
    if (files.some((f) => UNIT.test(f))) {
      cases.push({ name: e, kind: "units", specs: relativise(readUnitDirectory(p)) });
    }
    for (const f of files.filter((x) => x.endsWith(".json"))) {
      const r = readEvaluatedJson(
        { path: join(p, f), text: readFileSync(join(p, f), "utf8") },
        new SourceRegistry(),
      );
      cases.push({ name: `${e}-${f.replace(/\.json$/, "")}`, kind: "json", specs: relativise(r.specs) });
    }
  }
  return cases;
}

/** Provenance with paths relative to the repository, so goldens do not depend on the checkout. */
function relativise(specs: ServiceSpec[]): ServiceSpec[] {
  const root = `${dirname(EXAMPLES_DIR)}/`;
  return specs.map((s) => {
    if (!s.provenance) return s;
    const provenance = Object.fromEntries(
      Object.entries(s.provenance).map(([k, v]) => [
        k,
        { ...v, file: v.file.startsWith(root) ? v.file.slice(root.length) : v.file },
      ]),
    );
    return { ...s, provenance };
  });
}

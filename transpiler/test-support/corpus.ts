/**
 * Test support: every spec psl's examples and frontend fixtures give, labelled `<source>/<service>`, for
 * golden files and round-trip tests (emit-ts here; generators can iterate the same corpus). New examples
 * are picked up automatically.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, join } from "node:path";
import { SourceRegistry } from "../diagnostics/index.js";
import { readEvaluatedJson } from "../frontends/json/read-json.js";
import { type DropinInput, readUnitFiles, type UnitFileInput } from "../frontends/unit-file/read-units.js";
import type { ServiceSpec } from "../spec/schema.js";

export const repoRoot = join(import.meta.dirname, "../..");
const root = repoRoot;

/** Every spec the examples and frontend fixtures give, with a label for golden file names. */
export function corpusSpecs(): { label: string; spec: ServiceSpec }[] {
  const out: { label: string; spec: ServiceSpec }[] = [];
  const unitDirs = [join(root, "examples/units"), join(root, "transpiler/frontends/fixtures/same-service")];
  for (const dir of unitDirs) {
    const units: UnitFileInput[] = [];
    const dropins: DropinInput[] = [];
    for (const name of readdirSync(dir).sort()) {
      const p = join(dir, name);
      const rel = p.slice(root.length + 1);
      if (statSync(p).isDirectory() && name.endsWith(".d")) {
        for (const c of readdirSync(p).sort())
          dropins.push({ dir: name, path: `${rel}/${c}`, name: c, text: readFileSync(join(p, c), "utf8") });
      } else if (/\.(service|socket|timer)$/.test(name))
        units.push({ path: rel, name, text: readFileSync(p, "utf8") });
    }
    const r = readUnitFiles({ units, dropins }, new SourceRegistry());
    for (const spec of r.specs) out.push({ label: `${basename(dir)}-units/${spec.name}`, spec });
  }
  const jsonFiles = [
    ...readdirSync(join(root, "examples/json"))
      .filter((n) => n.endsWith(".json"))
      .map((n) => `examples/json/${n}`),
    "transpiler/frontends/fixtures/same-service/nixos.json",
  ];
  for (const file of jsonFiles) {
    const r = readEvaluatedJson(
      { path: file, text: readFileSync(join(root, file), "utf8") },
      new SourceRegistry(),
    );
    for (const spec of r.specs) out.push({ label: `${basename(file, ".json")}-json/${spec.name}`, spec });
  }
  return out;
}

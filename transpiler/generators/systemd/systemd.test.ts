import { describe, expect, it } from "vitest";
import { SourceRegistry } from "../../diagnostics/index.js";
import { readUnitFiles } from "../../frontends/unit-file/read-units.js";
import type { ServiceSpec } from "../../spec/schema.js";
import { exampleCases } from "../testing/examples.js";
import { systemdGenerator } from "./render.js";

/** Reads generated unit files back into specs. */
function reread(files: readonly { path: string; content: string }[]): ServiceSpec[] {
  const units = files
    .filter((f) => f.path.startsWith("rootfs/etc/systemd/system/"))
    .map((f) => ({ path: f.path, name: f.path.slice(f.path.lastIndexOf("/") + 1), text: f.content }));
  return readUnitFiles({ units, dropins: [] }, new SourceRegistry()).specs;
}

const strip = ({ provenance: _p, ...rest }: ServiceSpec) => rest;

describe("systemd generator", () => {
  for (const c of exampleCases().filter((x) => x.kind === "units")) {
    it(`round-trips ${c.name}: unit files → spec → units → the same spec`, () => {
      const r = systemdGenerator.render(c.specs, { storeMode: "store" });
      expect(r.diagnostics.filter((d) => d.severity === "error")).toEqual([]);
      const again = reread(r.files);
      const byName = (xs: readonly ServiceSpec[]) =>
        [...xs].sort((a, b) => (a.name < b.name ? -1 : 1)).map(strip);
      expect(byName(again)).toEqual(byName(c.specs));
    });
  }
});

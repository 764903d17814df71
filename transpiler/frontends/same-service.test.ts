/**
 * "A service reads the same whichever input it came from": the evaluated NixOS options of a service, and
 * the unit file NixOS renders from them, give the same spec (apart from provenance and what only the JSON
 * knows: the text of job scripts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SourceRegistry } from "../diagnostics/index.js";
import type { ServiceSpec } from "../spec/schema.js";
import { readEvaluatedJson } from "./json/read-json.js";
import { readUnitFiles } from "./unit-file/read-units.js";

const dir = join(import.meta.dirname, "fixtures/same-service");

function withoutProvenanceAndScripts(spec: ServiceSpec): unknown {
  return JSON.parse(JSON.stringify(spec, (k, v) => (k === "provenance" || k === "script" ? undefined : v)));
}

describe("the JSON and unit-file frontends agree", () => {
  it("gives the same spec for a service and the unit NixOS renders from it", () => {
    const json = readEvaluatedJson(
      { path: "nixos.json", text: readFileSync(join(dir, "nixos.json"), "utf8") },
      new SourceRegistry(),
    );
    const unit = readUnitFiles(
      {
        units: [
          {
            path: "cache.service",
            name: "cache.service",
            text: readFileSync(join(dir, "cache.service"), "utf8"),
          },
        ],
        dropins: [],
      },
      new SourceRegistry(),
    );
    expect(json.diagnostics).toEqual([]);
    expect(unit.diagnostics).toEqual([]);
    const [a] = json.specs;
    const [b] = unit.specs;
    expect(a).toBeDefined();
    expect(withoutProvenanceAndScripts(a as ServiceSpec)).toEqual(
      withoutProvenanceAndScripts(b as ServiceSpec),
    );
    expect(a?.process?.path).toHaveLength(2);
    expect(a?.process?.environment).toEqual({ MODE: 'fast "and" loud' });
    expect(a?.restart?.delaySec).toBe(2.5);
    expect(a?.nixos).toEqual({ restartIfChanged: false, stopIfChanged: false });
    expect(a?.process?.start?.[0]?.script).toEqual({
      name: "cache-start",
      text: "exec memcached -m 64 -p 11211\n",
    });
  });
});

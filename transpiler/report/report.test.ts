import { Value } from "@sinclair/typebox/value";
import { describe, expect, it } from "vitest";
import { exampleCases } from "../generators/testing/examples.js";
import { TARGETS } from "../generators/types.js";
import { buildReport, renderReportMarkdown, securityLosses } from "./index.js";
import { PortabilityReport, reportJsonSchema } from "./schema.js";

const cases = exampleCases();
const inputsOf = (c: (typeof cases)[number]) => {
  const bySource = new Map<string, typeof c.specs extends readonly (infer S)[] ? S[] : never>();
  for (const s of c.specs) {
    const source = Object.values(s.provenance ?? {})[0]?.file ?? c.name;
    bySource.set(source, [...(bySource.get(source) ?? []), s]);
  }
  return [...bySource].map(([source, specs]) => ({ source, specs }));
};

describe("portability report", () => {
  for (const c of cases) {
    it(`reports ${c.name} in canonical JSON that satisfies its schema, and in Markdown`, async () => {
      const report = buildReport(inputsOf(c), TARGETS);
      expect(Value.Check(PortabilityReport, report)).toBe(true);
      await expect(renderReportMarkdown(report)).toMatchFileSnapshot(`./golden/${c.name}.report.md`);
    });
  }

  it("gives every used feature a provenance or marks it implied, and a cell for every target", () => {
    for (const c of cases) {
      const report = buildReport(inputsOf(c), TARGETS);
      for (const s of report.inputs.flatMap((i) => i.services)) {
        for (const e of s.entries) {
          expect(
            e.implied === true || e.provenance.length > 0 || e.feature === "name",
            `${s.name} ${e.feature}`,
          ).toBe(true);
          expect(Object.keys(e.targets).sort()).toEqual([...TARGETS].sort());
        }
      }
    }
  });

  it("flags the hardened service's sandbox as a security loss outside systemd, never on systemd", () => {
    const units = cases.find((c) => c.name === "units");
    expect(units).toBeDefined();
    const losses = securityLosses(buildReport(inputsOf(units ?? cases[0]!), TARGETS));
    expect(
      losses.some(
        (l) => l.service === "notes" && l.feature === "sandboxing.protectSystem" && l.target === "runit",
      ),
    ).toBe(true);
    expect(losses.some((l) => l.target === "systemd")).toBe(false);
  });

  it("keeps the published JSON Schema in sync", async () => {
    await expect(`${JSON.stringify(reportJsonSchema(), null, 2)}\n`).toMatchFileSnapshot(
      "./golden/portability-report.schema.json",
    );
  });
});

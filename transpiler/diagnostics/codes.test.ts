import { describe, expect, it } from "vitest";
import { CODE_RANGES, type CodeInfo } from "./code-info.js";
import { CODE_TABLES, CODES } from "./codes.js";
import { diag, formatMessage } from "./diagnostic.js";

describe("diagnostic code table", () => {
  it("keeps every stage's codes inside its range", () => {
    for (const [stage, table] of Object.entries(CODE_TABLES)) {
      const [lo, hi] = CODE_RANGES[stage as keyof typeof CODE_RANGES];
      for (const code of Object.keys(table)) {
        const n = Number(code.slice(3));
        expect(code, `${code} belongs to ${stage}`).toMatch(/^PSL\d{4}$/);
        expect(n >= lo && n <= hi, `${code} outside ${stage} range ${lo}-${hi}`).toBe(true);
      }
    }
  });

  it("never defines the same code twice", () => {
    const total = Object.values(CODE_TABLES).reduce((n, t) => n + Object.keys(t).length, 0);
    expect(Object.keys(CODES).length).toBe(total);
  });

  it("has a message for every code, and every hole is a word", () => {
    for (const [code, info] of Object.entries(CODES) as [string, CodeInfo][]) {
      expect(info.message.length, code).toBeGreaterThan(0);
      expect(info.message.replace(/\{\w+\}/g, ""), code).not.toMatch(/[{}]/);
    }
  });

  it("fills templates and leaves unknown holes visible", () => {
    expect(formatMessage("a {x} b {y}", { x: 1 })).toBe("a 1 b {y}");
    const d = diag("PSL4009", { name: "web", first: "a.json", second: "b.json" });
    expect(d.message).toBe("two services are named `web` (a.json and b.json)");
    expect(d.severity).toBe("error");
  });
});

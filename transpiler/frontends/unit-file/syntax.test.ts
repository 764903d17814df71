import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseUnitText, printUnitText, unprintableValue } from "./syntax.js";

const entries = (text: string) =>
  parseUnitText("t.service", text).unit.sections.map((s) => [s.name, s.entries.map((e) => [e.key, e.value])]);

describe("unit-file syntax", () => {
  it("reads sections, keys and values with whitespace around `=` removed", () => {
    expect(entries("[Unit]\nDescription = hello world \n\n[Service]\nExecStart=/bin/true\n")).toEqual([
      ["Unit", [["Description", "hello world"]]],
      ["Service", [["ExecStart", "/bin/true"]]],
    ]);
  });

  it("skips comments and blank lines, keeps `#` inside values", () => {
    expect(entries("# c\n; c\n[Unit]\n  # indented comment\nDescription=a # not a comment\n")).toEqual([
      ["Unit", [["Description", "a # not a comment"]]],
    ]);
  });

  it("joins continuation lines, the backslash becoming a space and leading whitespace kept", () => {
    expect(entries("[Service]\nExecStart=/bin/echo a \\\n    b\n")).toEqual([
      ["Service", [["ExecStart", "/bin/echo a      b"]]],
    ]);
  });

  it("skips comment lines inside a continuation", () => {
    expect(entries("[Service]\nExecStart=/bin/echo a\\\n# comment\n; other\nb\n")).toEqual([
      ["Service", [["ExecStart", "/bin/echo a b"]]],
    ]);
  });

  it("does not continue a line ending in an escaped backslash", () => {
    expect(entries("[Service]\nA=x\\\\\nB=y\n")).toEqual([
      [
        "Service",
        [
          ["A", "x\\\\"],
          ["B", "y"],
        ],
      ],
    ]);
  });

  it("continues at the end of the file, and handles CRLF line ends", () => {
    expect(entries("[Service]\r\nA=x\r\nB=y \\")).toEqual([
      [
        "Service",
        [
          ["A", "x"],
          ["B", "y"],
        ],
      ],
    ]);
  });

  it("reports syntax errors with their place and keeps going", () => {
    const r = parseUnitText("bad.service", "Key=outside\n[Unit\n[Unit]\nNoEquals\n=value\nGood=1\n");
    expect(r.diagnostics.map((d) => d.code)).toEqual(["PSL4005", "PSL4004", "PSL4004", "PSL4004"]);
    expect(r.diagnostics[1]?.span?.start).toBe("Key=outside\n".length);
    expect(r.unit.sections[0]?.entries.map((e) => e.key)).toEqual(["Good"]);
  });

  it("knows which values one line cannot hold", () => {
    expect(unprintableValue("a\nb")).toMatch(/newline/);
    expect(unprintableValue(" a")).toMatch(/whitespace/);
    expect(unprintableValue("a\\")).toMatch(/backslash/);
    expect(unprintableValue("a\\\\")).toBeUndefined();
  });

  it("prints what it parses (property: parse ∘ print is identity on printable models)", () => {
    const key = fc.stringMatching(/^[A-Za-z][A-Za-z0-9-]{0,15}$/);
    const value = fc
      .string({
        unit: fc.constantFrom(
          "a",
          " ",
          "\\",
          '"',
          "'",
          "$",
          "%",
          "#",
          ";",
          "=",
          "[",
          "]",
          "é",
          "\t",
          "x",
          "\u2028",
        ),
      })
      .map((s) => s.trim())
      .filter((s) => unprintableValue(s) === undefined);
    const section = fc.record({
      name: fc.stringMatching(/^[A-Za-z][A-Za-z-]{0,10}$/),
      entries: fc.array(fc.record({ key, value }), { maxLength: 6 }),
    });
    fc.assert(
      fc.property(fc.array(section, { maxLength: 4 }), (sections) => {
        const text = printUnitText(sections);
        const back = parseUnitText("p.service", text).unit.sections.map((s) => ({
          name: s.name,
          entries: s.entries.map((e) => ({ key: e.key, value: e.value })),
        }));
        expect(back).toEqual(sections);
      }),
      { numRuns: 300 },
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Command } from "../../spec/schema.js";
import { parseExecValue, printExecCommand } from "./exec.js";

const ctx = { unitName: "web@blue.service" };
const parse = (s: string) => {
  const r = parseExecValue(s, ctx);
  return r.ok ? r.commands : r.error;
};

describe("Exec lines", () => {
  it("reads prefixes in any order, including !!", () => {
    expect(parse("-:/bin/a x")).toEqual([
      { argv: ["/bin/a", "x"], ignoreFailure: true, expandEnvironment: false },
    ]);
    expect(parse("+/bin/a")).toEqual([{ argv: ["/bin/a"], privileged: "full" }]);
    expect(parse("!!/bin/a")).toEqual([{ argv: ["/bin/a"], privileged: "skip-credentials-if-no-ambient" }]);
    expect(parse("|/bin/a")).toEqual([{ argv: ["/bin/a"], viaShell: true }]);
  });

  it("takes the word after `@` as argv[0]", () => {
    expect(parse("@/bin/busybox sh -c true")).toEqual([
      { argv: ["/bin/busybox", "-c", "true"], argv0: "sh" },
    ]);
  });

  it("splits commands at a lone `;` and keeps `\\;` and quoted `;` literal", () => {
    expect(parse('/bin/a 1 ; /bin/b \\; ";"')).toEqual([
      { argv: ["/bin/a", "1"] },
      { argv: ["/bin/b", ";", ";"] },
    ]);
  });

  it("resolves name specifiers per word and keeps $VAR for the runtime", () => {
    expect(parse('/bin/run %i "%n" %% $HOME ${X}')).toEqual([
      { argv: ["/bin/run", "blue", "web@blue.service", "%", "$HOME", "${X}"] },
    ]);
  });

  it("reports malformed lines", () => {
    expect(parse("-")).toMatch(/empty executable/);
    expect(parse('/bin/a "x')).toMatch(/unbalanced/);
  });

  it("prints what it parses (property over argv and prefixes)", () => {
    const word = fc.string({
      unit: fc.constantFrom(
        "a",
        "b",
        " ",
        "\t",
        "\n",
        '"',
        "'",
        "\\",
        "$",
        "%",
        "`",
        ";",
        "-",
        "@",
        "é",
        "{",
        "}",
      ),
    });
    const command = fc.record(
      {
        argv: fc
          .tuple(
            word.map((w) => `/bin/${w}`),
            fc.array(word, { maxLength: 5 }),
          )
          .map(([p, a]) => [p, ...a]),
        ignoreFailure: fc.constant(true),
        privileged: fc.constantFrom("full", "skip-credentials", "skip-credentials-if-no-ambient"),
        expandEnvironment: fc.constant(false),
        argv0: word,
        viaShell: fc.constant(true),
      },
      { requiredKeys: ["argv"] },
    );
    fc.assert(
      fc.property(command, (cmd) => {
        expect(parse(printExecCommand(cmd as Command))).toEqual([cmd]);
      }),
      { numRuns: 500 },
    );
  });
});

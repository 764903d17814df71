import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { joinWords, quoteWord, splitWords } from "./words.js";

const split = (s: string, relax = false) => {
  const r = splitWords(s, { relax });
  return r.ok ? r.words : `error: ${r.error}`;
};

describe("systemd word splitting", () => {
  it("splits on whitespace and unquotes anywhere in a word", () => {
    expect(split(` a  "b c" 'd e' f"g h"i `)).toEqual(["a", "b c", "d e", "fg hi"]);
  });

  it("decodes C escapes inside and outside quotes, single quotes included", () => {
    expect(split(String.raw`a\tb "c\nd" 'e\x41f' \s \u00e9 \101`)).toEqual([
      "a\tb",
      "c\nd",
      "eAf",
      " ",
      "é",
      "A",
    ]);
  });

  it("rejects unbalanced quotes, a trailing backslash and unknown escapes (unless relaxed)", () => {
    expect(split(`"abc`)).toMatch(/unbalanced/);
    expect(split("abc\\")).toMatch(/trailing backslash/);
    expect(split(String.raw`a\qb`)).toMatch(/invalid escape/);
    expect(split(String.raw`a\qb`, true)).toEqual([String.raw`a\qb`]);
  });

  it("quotes only what needs quoting", () => {
    expect(quoteWord("/usr/bin/x")).toBe("/usr/bin/x");
    expect(quoteWord("")).toBe('""');
    expect(quoteWord('a "b"\n')).toBe('"a \\"b\\"\\n"');
  });

  it("reads back what it quotes (property, adversarial strings without NUL)", () => {
    const unit = fc.oneof(
      fc.constantFrom(
        " ",
        "\t",
        "\n",
        "\r",
        '"',
        "'",
        "\\",
        "$",
        "%",
        "`",
        ";",
        "-",
        "é",
        "💥",
        "\x01",
        "\x7f",
      ),
      fc.string({ minLength: 1, maxLength: 1 }).filter((c) => c !== "\0"),
    );
    fc.assert(
      fc.property(fc.array(fc.string({ unit }), { maxLength: 6 }), (words) => {
        expect(split(joinWords(words))).toEqual(words);
      }),
      { numRuns: 500 },
    );
  });
});

// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are Nix source, where ${ is interpolation
import { describe, expect, it } from "vitest";
import { LineMap } from "../diagnostics/span.js";
import { bytesToText } from "./bytes.js";
import { parseNix } from "./parser.js";
import { printExpr } from "./printer.js";
import { resolveScopes, staticEnv } from "./scope.js";

const BASE = staticEnv(
  [
    "builtins",
    "true",
    "false",
    "null",
    "map",
    "__sub",
    "__mul",
    "__div",
    "__lessThan",
    "__findFile",
    "__nixPath",
  ],
  null,
);

function parse(text: string, options: { pipeOperators?: boolean } = {}) {
  const r = parseNix(text, { file: "t.nix", basePath: "/base", ...options });
  const diagnostics = [...r.diagnostics];
  if (!diagnostics.some((d) => d.severity === "error")) diagnostics.push(...resolveScopes(r.expr, BASE));
  const lines = new LineMap(text);
  const errors = diagnostics.map((d) => {
    const p = lines.position(d.span?.start ?? 0);
    return `${p.line}:${p.column} ${d.message}`;
  });
  return { printed: bytesToText(printExpr(r.expr)), errors };
}

const printed = (text: string) => {
  const r = parse(text);
  expect(r.errors).toEqual([]);
  return r.printed;
};

describe("Nix parser and --parse printer", () => {
  it.each([
    ["a: b: c: f: (a - b) c", "(a: (b: (c: (f: (__sub a b c)))))"],
    ["a: b: c: a ? b ? c", "(a: (b: (c: ((((a) ? b)) ? c))))"],
    ["a: b: -a ? b", "(a: (b: (((__sub 0 a)) ? b)))"],
    ["a: b: !a ? b", "(a: (b: (! ((a) ? b))))"],
    ["a: c: a.b or c", "(a: (c: (a).b or (c)))"],
    ["a: b: c: a // b // c", "(a: (b: (c: (a // (b // c)))))"],
    ["a: b: c: a - b * c", "(a: (b: (c: (__sub a (__mul b c)))))"],
    ["a: b: c: a + b + c", "(a: (b: (c: ((a + b) + c))))"],
    ["a: b: a >= b", "(a: (b: (! (__lessThan a b))))"],
    ["a: b: a <= b", "(a: (b: (! (__lessThan b a))))"],
    ["a: b: c: a && b || c", "(a: (b: (c: ((a && b) || c))))"],
    ["a: b: c: a -> b -> c", "(a: (b: (c: (a -> (b -> c)))))"],
    ["f: a: b: f a ++ b", "(f: (a: (b: ((f a) ++ b))))"],
    ['b: "a${b}c"', '(b: ("a" + b + "c"))'],
    ['a: "${a}"', "(a: (a))"],
    ["b: ./a/${b}/c", '(b: (/base/a/ + b + "/c"))'],
    ["<nixpkgs/lib>", '(__findFile __nixPath "nixpkgs/lib")'],
    ["- 1.0", "(__sub 0 1)"],
    ["1.5e3", "1500"],
    ["0.1", "0.1"],
    ["{ }: 1", "({  }: 1)"],
    ["{a, b ? 1, ...}@x: a", "({ a, b ? 1, ... } @ x: a)"],
    ["x: {a, ...}: x", "(x: ({ a, ... }: x))"],
    [
      'a: { inherit a; b.c = 1; b.d = 2; "e${a}" = 3; ${a} = 4; }',
      '(a: { inherit a; b = { c = 1; d = 2; }; "${("e" + a)}" = 3; "${a}" = 4; })',
    ],
    ["let { body = 1; }", "(rec { body = 1; }).body"],
    ["a: let inherit (a) c b; d = 1; in d", "(a: (let inherit (a) b c; d = 1; in d))"],
    ["a: b: f: x: [ a b.c (f x) ]", "(a: (b: (f: (x: [ (a) ((b).c) ((f x)) ]))))"],
    ["a: b: a.${b}.c", '(a: (b: (a)."${b}".c))'],
    ['{ "a b" = 1; "if" = 2; or = 3; }', '{ "a b" = 1; "if" = 2; or = 3; }'],
    ["x:x", '"x:x"'],
    ["1/2", "/base/1/2"],
    ["__curPos", "__curPos"],
    ["assert true; 1", "assert true; 1"],
    ["with builtins; x", "(with builtins; x)"],
    ["if true then 1 else if false then 2 else 3", "(if true then 1 else (if false then 2 else 3))"],
    ['"\\n\\t\\\\\\"\\$"', '"\\n\\t\\\\\\"$"'],
    ["''\n  a\n    b\n  ''", '"a\\n  b\\n"'],
    ["''\n  a ''${x} '''\n''", '("a " + "$" + "{x} " + "\'\'" + "\\n")'],
    ["{ a.b = 1; a = { c = 2; }; }", "{ a = { b = 1; c = 2; }; }"],
  ])("prints %j as Nix does", (text, expected) => {
    expect(printed(text)).toBe(expected);
  });

  it("reports a syntax error with its line and column", () => {
    expect(parse("{\n  a = 1;\n  b = ;\n}").errors).toEqual(["3:7 syntax error, unexpected ';'"]);
  });

  it("reports several syntax errors in one file, one per broken binding", () => {
    const r = parse("{\n  a = ;\n  b = 2;\n  c = ) ;\n  d = 4;\n}");
    expect(r.errors).toEqual(["2:7 syntax error, unexpected ';'", "4:7 syntax error, unexpected ')'"]);
  });

  it("reports duplicate attributes and formals, and undefined variables", () => {
    expect(parse("{ x = 1; y = 2; x = 3; }").errors).toEqual([
      "1:17 attribute 'x' already defined at t.nix:1:3",
    ]);
    expect(parse("{ x, y, x }: x").errors).toEqual(["1:9 duplicate formal function argument 'x'"]);
    expect(parse("let a = b; in a").errors).toEqual(["1:9 undefined variable 'b'"]);
    expect(parse("x: if a then f b else if c then 1 else [ d ]").errors).toEqual([
      "1:7 undefined variable 'a'",
      "1:14 undefined variable 'f'",
      "1:16 undefined variable 'b'",
      "1:26 undefined variable 'c'",
      "1:42 undefined variable 'd'",
    ]);
    expect(parse("x: let ${x} = 1; in 2").errors[0]).toMatch(/dynamic attributes not allowed in let/);
    expect(parse('let ${"a"} = 1; in a').errors).toEqual([]);
  });

  it("keeps pipe operators behind their flag", () => {
    expect(parse("x: x |> map").errors[0]).toMatch(/experimental Nix feature 'pipe-operators' is disabled/);
    expect(parse("f: g: x: x |> f |> g", { pipeOperators: true }).printed).toBe("(f: (g: (x: (g (f x)))))");
    expect(parse("f: g: x: f <| g <| x", { pipeOperators: true }).printed).toBe("(f: (g: (x: (f (g x)))))");
  });

  it("treats a trailing slash in a path as an error", () => {
    expect(parse("./a/").errors).toEqual(["1:5 path has a trailing slash"]);
  });

  it("gives a diagnostic, not a RangeError, for 100,000 levels of nesting", () => {
    const deep = `${"(".repeat(100_000)}1${")".repeat(100_000)}`;
    expect(parse(deep).errors[0]).toMatch(/nested too deeply/);
    const list = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    expect(parse(list).errors[0]).toMatch(/nested too deeply/);
  });

  it("parses long chains without deep recursion", () => {
    const chain = Array.from({ length: 50_000 }, (_, i) => `x${i}:`).join(" ");
    expect(parse(`${chain} 1`).errors).toEqual([]);
    const sum = Array.from({ length: 50_000 }, () => "1").join(" + ");
    expect(parse(sum).errors).toEqual([]);
    const upd = Array.from({ length: 50_000 }, () => "{}").join(" // ");
    expect(parse(upd).errors).toEqual([]);
  });
});

describe("the token ring (texts of more tokens than the lexer keeps at once)", () => {
  // Each piece is a few tokens of a different kind; 3,000 of each make about 100,000 tokens, six times
  // the ring, so the ring wraps while strings, paths and nesting are open.
  const pieces = [
    "(x: x.a or 1)",
    '"s ${map 1} \\n t"',
    "./p/${y}/q",
    "''\n  i ${z}\n''",
    "{ a.b = 1; a.c = [ 2 3 ]; }",
    "(if true then 1 else 2)",
    "<nixpkgs/lib>",
    "https://x.org/y",
  ];
  const many = Array.from({ length: 24_000 }, (_, i) => pieces[i % pieces.length] as string);

  it("prints a large list as the composition of its elements printed alone", () => {
    const alone = pieces.map((p) => /^\[ (.*) \]$/.exec(parse(`[ ${p} ]`).printed)?.[1]);
    const r = parse(`y: z: [ ${many.join(" ")} ]`);
    expect(r.errors).toEqual([]);
    const expected = `(y: (z: [ ${many.map((_, i) => alone[i % pieces.length]).join(" ")} ]))`;
    expect(r.printed).toBe(expected);
  });

  it("reports an error far into the text at its line and column", () => {
    const text = `[\n${many.join("\n")}\n  )\n]`;
    const at = text.lastIndexOf(")");
    const line = text.slice(0, at).split("\n").length;
    const column = at - text.lastIndexOf("\n", at);
    expect(line).toBeGreaterThan(many.length);
    expect(parse(text).errors).toEqual([`${line}:${column} syntax error, unexpected ')', expecting ']'`]);
  });

  it("still reports the lexer's problems of the whole text first when parsing stops early", () => {
    const text = `{ a = ; }\n${many.join("\n")}\n99999999999999999999`;
    const r = parseNix(text, { file: "t.nix", basePath: "/base", maxErrors: 1 });
    expect(r.diagnostics.map((d) => d.code)).toEqual(["PSL1002", "PSL1001"]);
  });
});

// biome-ignore-all lint/suspicious/noTemplateCurlyInString: these strings are Nix source, where ${ is interpolation
import { describe, expect, it } from "vitest";
import { Evaluator } from "./evaluator.js";
import { memoryHost } from "./host.js";
import { NixAttrs, type Value } from "./value.js";

function evaluator(files: Record<string, string> = {}) {
  return new Evaluator({ host: memoryHost(files, { TEST_VAR: "foo" }) });
}

/** Evaluates strictly and prints as `nix-instantiate --eval --strict`, or returns the first error. */
function run(text: string, ev = evaluator()): string {
  const r = ev.evalExpr(text, { basePath: "/base" });
  if (r.value === undefined) return `error: ${r.diagnostics[0]?.message}`;
  const d = ev.deepForce(r.value);
  if (d.value === undefined) return `error: ${d.diagnostics[0]?.message}`;
  return ev.print(r.value);
}

describe("evaluator: values as nix-instantiate --eval --strict prints them", () => {
  it.each([
    ["1 + 2 * 3", "7"],
    ["7 / 2", "3"],
    ["-7 / 2", "-3"],
    ["1.0 / 3", "0.333333"],
    ["1 + 2.5", "3.5"],
    ["1000000.0 * 10", "1e+07"],
    ['"a" + "b"', '"ab"'],
    ['"${"x"}y${toString 1}"', '"xy1"'],
    ["[ 1 2 ] ++ [ 3 ]", "[ 1 2 3 ]"],
    ["{ a = 1; } // { b = 2; a = 3; }", "{ a = 3; b = 2; }"],
    ["rec { a = 1; b = a + 1; }", "{ a = 1; b = 2; }"],
    ["let a = 1; b = a + 1; in { inherit a b; }", "{ a = 1; b = 2; }"],
    ['{ a.b = 1; a.c = 2; "d e" = 3; }', '{ a = { b = 1; c = 2; }; "d e" = 3; }'],
    ["with { x = 1; }; with { y = 2; }; x + y", "3"],
    ["let x = 1; in with { x = 2; }; x", "1"],
    ["({ a, b ? a + 1, ... }@args: [ a b args.c ]) { a = 1; c = 3; }", "[ 1 2 3 ]"],
    ["let f = x: y: x - y; in f 10 3", "7"],
    ['if 1 < 2 then "yes" else "no"', '"yes"'],
    ["{ a = 1; } ? a", "true"],
    ["{ a.b = 1; } ? a.c", "false"],
    ["{ a = 1; }.b or 5", "5"],
    ["let s = { __functor = self: x: x + self.n; n = 10; }; in s 5", "15"],
    ["builtins.attrNames { b = 1; a = 2; }", '[ "a" "b" ]'],
    ["map (x: x * x) [ 1 2 3 ]", "[ 1 4 9 ]"],
    ["builtins.filter (x: x > 1) [ 1 2 3 ]", "[ 2 3 ]"],
    [
      "builtins.sort (a: b: a.k < b.k) [ { k = 2; v = 1; } { k = 1; v = 2; } { k = 2; v = 3; } ]",
      "[ { k = 1; v = 2; } { k = 2; v = 1; } { k = 2; v = 3; } ]",
    ],
    ["builtins.genList (x: x * 2) 4", "[ 0 2 4 6 ]"],
    ["builtins.foldl' (a: b: a + b) 0 [ 1 2 3 ]", "6"],
    ['builtins.concatStringsSep ", " [ "a" "b" ]', '"a, b"'],
    ['builtins.replaceStrings [ "" ] [ "-" ] "ab"', '"-a-b-"'],
    ['builtins.split "(a)|b" "xaybz"', '[ "x" [ "a" ] "y" [ null ] "z" ]'],
    ['builtins.match "([[:alpha:]]+)-([0-9]+)" "abc-12"', '[ "abc" "12" ]'],
    ['builtins.match "a.c" "abc"', "[ ]"],
    ['builtins.compareVersions "1.2.3" "1.2.10"', "-1"],
    ['builtins.splitVersion "1.2pre3"', '[ "1" "2" "pre" "3" ]'],
    ['builtins.parseDrvName "hello-2.10"', '{ name = "hello"; version = "2.10"; }'],
    ['builtins.stringLength "é"', "2"],
    ['builtins.substring 1 3 "hello"', '"ell"'],
    [
      'builtins.hashString "sha256" "abc"',
      '"ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"',
    ],
    [
      'builtins.toJSON { b = [ 1 2.5 null true ]; a = "x\\ny"; }',
      '"{\\"a\\":\\"x\\\\ny\\",\\"b\\":[1,2.5,null,true]}"',
    ],
    ['builtins.fromJSON "{\\"a\\": [1, -2.5e3, \\"\\\\u00e9\\"]}"', '{ a = [ 1 -2500 "é" ]; }'],
    ['builtins.fromTOML "a = 1\\n[b]\\nc = \\"x\\""', '{ a = 1; b = { c = "x"; }; }'],
    ['builtins.tryEval (throw "no")', "{ success = false; value = false; }"],
    ["builtins.tryEval (assert false; 1)", "{ success = false; value = false; }"],
    ["builtins.tryEval 1", "{ success = true; value = 1; }"],
    ["builtins.typeOf 1.0", '"float"'],
    ["builtins.functionArgs ({ a, b ? 1 }: a)", "{ a = false; b = true; }"],
    ['builtins.getEnv "TEST_VAR"', '"foo"'],
    ["let x = { a = x; }; in x.a.a ? a", "true"],
    ["let l = [ 1 ]; in [ l l ]", "[ [ 1 ] «repeated» ]"],
    ["[ { } { } ]", "[ { } { } ]"],
    ['builtins.toString [ 1 true null "s" 1.5 ]', '"1 1  s 1.500000"'],
    ["9223372036854775807 + 0", "9223372036854775807"],
    ["-9223372036854775807 - 1", "-9223372036854775808"],
    ["builtins.bitAnd 12 10", "8"],
    ["builtins.floor 2.7", "2"],
    ['(x: x.y or "d") { }', '"d"'],
    ["{ or = 1; }.or", "1"],
    [
      "map (x: x.key) (builtins.genericClosure { startSet = [ { key = 1; } { key = 10; } ]; operator = x: if x.key < 3 then [ { key = x.key + 1; } ] else [ ]; })",
      "[ 1 10 2 3 ]",
    ],
  ])("%s", (text, expected) => {
    expect(run(text)).toBe(expected);
  });

  it.each([
    ['throw "boom"', "error: boom"],
    ['abort "no"', "error: evaluation aborted with the following error message: 'no'"],
    ["{ a = 1; }.b", "error: attribute 'b' missing"],
    ["let x = x; in x", "error: infinite recursion encountered"],
    ['1 + "a"', "error: cannot add a string to an integer"],
    ["9223372036854775807 + 1", "error: integer overflow in adding 9223372036854775807 + 1"],
    ["1 / 0", "error: division by zero"],
    ["({ a }: a) { }", "error: function 'anonymous lambda' called without required argument 'a'"],
    [
      "({ a }: a) { a = 1; b = 2; }",
      "error: function 'anonymous lambda' called with unexpected argument 'b'",
    ],
    ["assert 1 == 2; 3", "error: assertion '(1 == 2)' failed"],
    ['{ ${"a"} = 1; ${"a"} = 2; }', "error: attribute 'a' already defined at «string»:1:3"],
    ["with {}; nope", "error: undefined variable 'nope'"],
  ])("%s fails like Nix", (text, expected) => {
    expect(run(text)).toBe(expected);
  });
});

describe("evaluator: depth", () => {
  it("recurses 100,000 levels deep without touching the JavaScript stack", () => {
    expect(run("let f = n: if n == 0 then 0 else 1 + f (n - 1); in f 100000")).toBe("100000");
  });

  it("prints and compares 100,000-deep data", () => {
    const deep = "builtins.foldl' (acc: x: { inner = acc; }) {} (builtins.genList (x: x) 100000)";
    expect(run(`let d = ${deep}; in builtins.stringLength (builtins.toJSON d)`)).toBe(
      String(100000 * 10 + 2),
    );
    expect(run(`let a = ${deep}; b = ${deep}; in a == b`)).toBe("true");
    expect(run(`builtins.deepSeq (${deep}) 1`)).toBe("1");
  });

  it("stops infinite recursion with a stack-overflow diagnostic", () => {
    const ev = new Evaluator({ host: memoryHost({}), maxCallDepth: 10_000 });
    expect(run("(x: x x) (x: x x)", ev)).toBe("error: stack overflow; max-call-depth exceeded");
  });
});

describe("evaluator API", () => {
  it("evaluates files with relative imports, paths and a shared import cache", () => {
    const ev = evaluator({
      "/p/default.nix":
        "let lib = import ./lib.nix; in { x = lib.double 21; p = ./data.txt; s = builtins.readFile ./data.txt; }",
      "/p/lib.nix": "{ double = x: x * 2; }",
      "/p/data.txt": "hello\n",
    });
    const r = ev.evalFile("/p");
    expect(r.diagnostics).toEqual([]);
    expect(ev.deepForce(r.value as Value).diagnostics).toEqual([]);
    expect(ev.print(r.value as Value)).toBe('{ p = /p/data.txt; s = "hello\\n"; x = 42; }');
    const again = ev.evalFile("/p/lib.nix");
    const lib = ev.evalFile("/p/default.nix");
    expect(again.value).toBeInstanceOf(NixAttrs);
    expect(lib.value).toBe(r.value);
  });

  it("keeps the position of every attribute definition", () => {
    const ev = evaluator({ "/m.nix": "{\n  a = 1;\n  b.c = 2;\n  inherit (builtins) map;\n}\n" });
    const v = ev.evalFile("/m.nix").value as NixAttrs;
    const pos = (name: string) => {
      const p = v.getAttr(name)?.pos;
      return p ? ev.ctx.describePos(p) : undefined;
    };
    expect([pos("a"), pos("b"), pos("map")]).toEqual(["/m.nix:2:3", "/m.nix:3:3", "/m.nix:4:22"]);
    expect(run('builtins.unsafeGetAttrPos "a" (import /m.nix)', ev)).toBe(
      '{ column = 3; file = "/m.nix"; line = 2; }',
    );
  });

  it("calls Nix functions from TypeScript and TypeScript functions from Nix", () => {
    const ev = evaluator();
    const f = ev.evalExpr("x: { y = x + 1; }", { basePath: "/" }).value as Value;
    const out = ev.call(f, [41]);
    expect(ev.print(ev.deepForce(out.value as Value).value as Value)).toBe("{ y = 42; }");
    const twice = ev.primop("twice", 1, (args) => (args[0] as number) * 2, 1);
    const lazy = ev.thunk(() => 5);
    const scope = ev.attrs({ twice, lazy });
    const g = ev.evalExpr("s: s.twice s.lazy", { basePath: "/" }).value as Value;
    expect(ev.call(g, [scope]).value).toBe(10);
  });

  it("returns Nix errors as diagnostics with a code and a trace", () => {
    const ev = evaluator({ "/e.nix": 'let f = x: throw "bad ${x}"; in f "input"' });
    const r = ev.evalFile("/e.nix");
    expect(r.value).toBeUndefined();
    expect(r.diagnostics[0]?.code).toBe("PSL2001");
    expect(r.diagnostics[0]?.message).toBe("bad input");
    expect(r.diagnostics[0]?.notes.some((n) => n.includes("/e.nix:1:"))).toBe(true);
  });

  it("points at the forcing place and the definition of an infinite recursion", () => {
    const ev = evaluator({ "/r.nix": "let\n  x = y;\n  y = x + 1;\nin x\n" });
    const d = ev.evalFile("/r.nix").diagnostics[0];
    expect(d?.code).toBe("PSL2004");
    expect(d?.span ? ev.ctx.describePos(d.span) : undefined).toBe("/r.nix:3:7");
    expect(d?.notes).toContain("the value being evaluated is defined here at /r.nix:2:7");
  });

  it("reports syntax errors of imported files as parse diagnostics", () => {
    const ev = evaluator({ "/bad.nix": "{ a = ; }" });
    const r = ev.evalFile("/bad.nix");
    expect(r.diagnostics.map((d) => d.code)).toEqual(["PSL1001"]);
  });

  it("computes derivation paths as Nix does", () => {
    const drv = 'derivation { name = "a"; system = "x"; builder = "/bin/sh"; }';
    expect(run(`(${drv}).drvPath`)).toBe('"/nix/store/l9ldjc53ry43x24hvq73jx7dx0489mhj-a.drv"');
    expect(run(`(${drv}).type`)).toBe('"derivation"');
    expect(run(`builtins.getContext "\${${drv}}"`)).toMatch(/outputs = \[ "out" \]/);
  });

  it("handles byte strings at the edges", () => {
    expect(run('"é" + "ü"')).toBe('"éü"');
    expect(run('builtins.stringLength ("é" + "ü")')).toBe("4");
  });
});

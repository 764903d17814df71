/**
 * Random Nix expressions for property tests (fast-check): typed generators for integers, strings,
 * Booleans, lists and sets built from literals, operators, `let`, `if`, lambdas, selection and the common
 * builtins, evaluated inside a fixed scope (`PRELUDE`). Most generated expressions evaluate; some fail
 * (an empty `head`, a negative `substring`), which is fine: a differential test only asks that psl and
 * Nix agree. Integers stay small so no result depends on 64-bit overflow (Nix 2.8 wraps, current Nix
 * and psl report an error).
 */
import fc from "fast-check";

/** Names every generated expression may use. */
export const PRELUDE = 'let x = 3; y = "s"; l = [ 1 2 3 ]; s = { a = 1; b = "t"; c = [ 4 ]; }; in ';

export interface ExprArbs {
  readonly int: fc.Arbitrary<string>;
  readonly str: fc.Arbitrary<string>;
  readonly bool: fc.Arbitrary<string>;
  readonly list: fc.Arbitrary<string>;
  readonly attrs: fc.Arbitrary<string>;
  readonly any: fc.Arbitrary<string>;
}

const p = (s: string) => `(${s})`;

export function exprArbs(): ExprArbs {
  const smallInt = fc.integer({ min: 0, max: 20 }).map(String);
  const word = fc.stringMatching(/^[a-z]{0,5}$/);
  const strLit = word.map((w) => `"${w}"`);
  return fc.letrec<{ int: string; str: string; bool: string; list: string; attrs: string; any: string }>(
    (tie) => ({
      int: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        smallInt,
        fc.constant("x"),
        fc.constant("s.a"),
        fc
          .tuple(tie("int"), fc.constantFrom("+", "-", "*"), tie("int"))
          .map(([a, o, b]) => p(`${a} ${o} ${b}`)),
        tie("list").map((l) => p(`builtins.length ${l}`)),
        tie("str").map((s) => p(`builtins.stringLength ${s}`)),
        fc.tuple(tie("bool"), tie("int"), tie("int")).map(([c, a, b]) => p(`if ${c} then ${a} else ${b}`)),
        fc.tuple(tie("int"), tie("int")).map(([a, b]) => p(`let v = ${a}; in v + ${b}`)),
        tie("list").map((l) =>
          p(`builtins.foldl' (acc: e: acc + (if builtins.isInt e then e else 1)) 0 ${l}`),
        ),
        fc.tuple(tie("attrs"), tie("int")).map(([a, d]) => p(`${a}.a or ${d}`)),
        tie("int").map((a) => p(`(v: v * 2) ${a}`)),
      ),
      str: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        strLit,
        fc.constant("y"),
        fc.tuple(tie("str"), tie("str")).map(([a, b]) => p(`${a} + ${b}`)),
        tie("int").map((i) => p(`toString ${i}`)),
        fc.tuple(tie("str"), tie("int")).map(([a, i]) => `"x\${${a}}-\${toString ${i}}"`),
        tie("list").map((l) => p(`builtins.concatStringsSep "," (map toString ${l})`)),
        fc.tuple(smallInt, smallInt, tie("str")).map(([a, b, s]) => p(`builtins.substring ${a} ${b} ${s}`)),
        tie("any").map((a) => p(`builtins.typeOf ${a}`)),
        tie("str").map((s) => p(`builtins.replaceStrings [ "a" "s" ] [ "A" "ss" ] ${s}`)),
        tie("attrs").map((a) => p(`builtins.toJSON ${a}`)),
      ),
      bool: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.constantFrom("true", "false"),
        fc
          .tuple(tie("int"), fc.constantFrom("<", "<=", ">", ">=", "==", "!="), tie("int"))
          .map(([a, o, b]) => p(`${a} ${o} ${b}`)),
        fc.tuple(tie("str"), tie("str")).map(([a, b]) => p(`${a} == ${b}`)),
        fc
          .tuple(tie("bool"), fc.constantFrom("&&", "||", "->"), tie("bool"))
          .map(([a, o, b]) => p(`${a} ${o} ${b}`)),
        tie("bool").map((b) => p(`!${b}`)),
        fc.tuple(tie("attrs"), fc.constantFrom("a", "b", "z")).map(([a, k]) => p(`${a} ? ${k}`)),
        fc.tuple(tie("int"), tie("list")).map(([i, l]) => p(`builtins.elem ${i} ${l}`)),
        fc.tuple(tie("any"), tie("any")).map(([a, b]) => p(`${a} == ${b}`)),
      ),
      list: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.constant("l"),
        fc.array(tie("any"), { maxLength: 4 }).map((xs) => `[ ${xs.map(p).join(" ")} ]`),
        fc.tuple(tie("list"), tie("list")).map(([a, b]) => p(`${a} ++ ${b}`)),
        tie("list").map((l) => p(`map (e: [ e ]) ${l}`)),
        tie("list").map((l) => p(`builtins.filter builtins.isInt ${l}`)),
        smallInt.map((n) => p(`builtins.genList (i: i * i) ${n}`)),
        tie("attrs").map((a) => p(`builtins.attrNames ${a}`)),
        tie("attrs").map((a) => p(`builtins.attrValues ${a}`)),
        tie("list").map((l) => p(`builtins.sort (a: b: builtins.typeOf a < builtins.typeOf b) ${l}`)),
        tie("list").map((l) => p(`builtins.tail ${l}`)),
      ),
      attrs: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        fc.constant("s"),
        fc.constant("{ }"),
        fc.tuple(tie("any"), tie("any")).map(([a, b]) => `{ a = ${a}; b = ${b}; }`),
        fc.tuple(tie("attrs"), tie("attrs")).map(([a, b]) => p(`${a} // ${b}`)),
        tie("int").map((i) => `rec { a = ${i}; b = a + 1; }`),
        tie("attrs").map((a) => p(`builtins.mapAttrs (n: v: n) ${a}`)),
        tie("attrs").map((a) => p(`builtins.removeAttrs ${a} [ "a" ]`)),
        tie("any").map((v) => `{ z.y = ${v}; z.w = 1; }`),
        tie("str").map((k) => p(`builtins.listToAttrs [ { name = ${k}; value = 1; } ]`)),
      ),
      any: fc.oneof(
        { depthSize: "small", withCrossShrink: true },
        tie("int"),
        tie("str"),
        tie("bool"),
        tie("list"),
        tie("attrs"),
        fc.constant("null"),
        fc.constant("1.5"),
      ),
    }),
  );
}

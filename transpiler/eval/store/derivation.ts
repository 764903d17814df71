/**
 * `derivationStrict`: turns a derivation's attributes into a store derivation and computes its paths
 * exactly as Nix does, without writing anything: the environment (every attribute coerced to a string,
 * or `__json` with structured attributes), inputs from the string contexts, the "masked" ATerm whose
 * hash (modulo fixed-output inputs) gives the output paths, and the `.drv` path from the final ATerm.
 * The result is `{ drvPath; <output> = path; … }` with the contexts Nix attaches.
 */
import type { Span } from "../../diagnostics/span.js";
import { jsonString, toJson } from "../builtins/json.js";
import { coerceToString, stringNoContext, TO_STRING } from "../coerce.js";
import type { EvalContext } from "../context.js";
import { evalError, NixError, typeError } from "../errors.js";
import {
  type Attr,
  type Effect,
  forceRequest,
  mkString,
  NixAttrs,
  NixString,
  peek,
  type Slot,
  type Value,
} from "../value.js";
import { formatHash, hashBytes, isHashAlgo, parseHash, toBase16 } from "./hash.js";
import { checkName, makeFixedOutputPath, makeOutputPath, makeTextPath } from "./store-paths.js";

export interface DrvOutput {
  path: string;
  hashAlgo: string;
  hash: string;
}

export interface Derivation {
  readonly name: string;
  readonly outputs: Map<string, DrvOutput>;
  readonly inputDrvs: Map<string, Set<string>>;
  readonly inputSrcs: Set<string>;
  platform: string;
  builder: string;
  readonly args: string[];
  readonly env: Map<string, string>;
}

function aterm(s: string): string {
  return `"${s.replace(/[\\"\n\r\t]/g, (c) => (c === "\n" ? "\\n" : c === "\r" ? "\\r" : c === "\t" ? "\\t" : `\\${c}`))}"`;
}

const sorted = <T>(m: Map<string, T>): [string, T][] =>
  [...m].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));

/** The ATerm text of a derivation; `inputDrvs` may be replaced (by hashes, for the modulo hash). */
export function unparse(drv: Derivation, inputDrvs: Map<string, Set<string>> = drv.inputDrvs): string {
  const outs = sorted(drv.outputs)
    .map(([n, o]) => `(${aterm(n)},${aterm(o.path)},${aterm(o.hashAlgo)},${aterm(o.hash)})`)
    .join(",");
  const ins = sorted(inputDrvs)
    .map(([p, os]) => `(${aterm(p)},[${[...os].sort().map(aterm).join(",")}])`)
    .join(",");
  const srcs = [...drv.inputSrcs].sort().map(aterm).join(",");
  const args = drv.args.map(aterm).join(",");
  const env = sorted(drv.env)
    .map(([k, v]) => `(${aterm(k)},${aterm(v)})`)
    .join(",");
  return `Derive([${outs}],[${ins}],[${srcs}],${aterm(drv.platform)},${aterm(drv.builder)},[${args}],[${env}])`;
}

/** Nix's `hashDerivationModulo`: fixed-output derivations hash by their output only. */
export function hashModulo(ctx: EvalContext, drv: Derivation, span?: Span): Uint8Array {
  const out = drv.outputs.get("out");
  if (drv.outputs.size === 1 && out !== undefined && out.hash !== "") {
    return hashBytes("sha256", `fixed:out:${out.hashAlgo}:${out.hash}:${out.path}`);
  }
  const replaced = new Map<string, Set<string>>();
  for (const [p, os] of drv.inputDrvs) {
    const dep = ctx.derivations.get(p);
    if (dep === undefined) throw new NixError("PSL2017", { message: `unknown derivation '${p}'` }, span);
    replaced.set(toBase16(dep.modulo), os);
  }
  return hashBytes("sha256", unparse(drv, replaced));
}

function addContext(ctx: EvalContext, drv: Derivation, context: ReadonlySet<string>): void {
  for (const c of context) {
    if (c.startsWith("=")) {
      // A deep dependency on a derivation: its whole closure, with every output of every derivation in it.
      const work = [c.slice(1)];
      const seen = new Set<string>();
      while (work.length > 0) {
        const p = work.pop() as string;
        if (seen.has(p)) continue;
        seen.add(p);
        drv.inputSrcs.add(p);
        const dep = ctx.derivations.get(p);
        if (dep === undefined) continue;
        drv.inputDrvs.set(p, new Set(dep.drv.outputs.keys()));
        for (const s of dep.drv.inputSrcs) work.push(s);
        for (const d of dep.drv.inputDrvs.keys()) work.push(d);
      }
    } else if (c.startsWith("!")) {
      const bang = c.indexOf("!", 1);
      const output = c.slice(1, bang);
      const path = c.slice(bang + 1);
      const set = drv.inputDrvs.get(path) ?? new Set<string>();
      set.add(output);
      drv.inputDrvs.set(path, set);
    } else drv.inputSrcs.add(c);
  }
}

/** `builtins.derivationStrict`. */
export function* derivationStrict(ctx: EvalContext, attrsValue: Value): Effect<Value> {
  if (!(attrsValue instanceof NixAttrs)) throw typeError("a set", attrsValue);
  const attrs = attrsValue;
  const nameSlot = attrs.get("name");
  if (nameSlot === undefined) throw evalError("required attribute 'name' missing");
  const drvName = stringNoContext(peek(nameSlot) ?? ((yield forceRequest(nameSlot)) as Value));
  checkName(drvName);
  if (drvName.endsWith(".drv")) {
    throw evalError(
      "derivation names are allowed to end in '.drv' only if they produce a single derivation file",
    );
  }
  const structured = attrs.get("__structuredAttrs");
  const isStructured =
    structured !== undefined && (peek(structured) ?? ((yield forceRequest(structured)) as Value)) === true;
  const ign = attrs.get("__ignoreNulls");
  const ignoreNulls = ign !== undefined && (peek(ign) ?? ((yield forceRequest(ign)) as Value)) === true;

  const drv: Derivation = {
    name: drvName,
    outputs: new Map(),
    inputDrvs: new Map(),
    inputSrcs: new Set(),
    platform: "",
    builder: "",
    args: [],
    env: new Map(),
  };
  const context = new Set<string>();
  let outputs = ["out"];
  let outputHash: string | undefined;
  let outputHashAlgo: string | undefined;
  let hashMode = "flat";
  const json: string[] = [];

  for (const key of attrs.keys()) {
    if (key === "__ignoreNulls") continue;
    const slot = attrs.get(key) as Slot;
    if (ignoreNulls && (peek(slot) ?? ((yield forceRequest(slot)) as Value)) === null) continue;
    if (key === "__contentAddressed" || key === "__impure") {
      const b = peek(slot) ?? ((yield forceRequest(slot)) as Value);
      if (typeof b !== "boolean") throw typeError("a Boolean", b);
      if (b) {
        const feature = key === "__impure" ? "impure-derivations" : "ca-derivations";
        throw evalError(
          `experimental Nix feature '${feature}' is disabled; add '--extra-experimental-features ${feature}' to enable it`,
        );
      }
      continue;
    }
    if (key === "args") {
      const l = peek(slot) ?? ((yield forceRequest(slot)) as Value);
      if (!Array.isArray(l)) throw typeError("a list", l);
      for (const el of l)
        drv.args.push(
          yield* coerceToString(el, ctx, { ...TO_STRING, copyToStore: true }, context, undefined),
        );
      continue;
    }
    let s: string;
    if (isStructured) {
      if (key === "__structuredAttrs") continue;
      json.push(`${jsonString(key)}:${yield* toJson(slot, ctx, context)}`);
      const v = peek(slot) ?? ((yield forceRequest(slot)) as Value);
      if (key === "outputs") {
        if (!Array.isArray(v)) throw typeError("a list", v);
        const names: string[] = [];
        for (const el of v) names.push(stringNoContext(peek(el) ?? ((yield forceRequest(el)) as Value)));
        outputs = checkOutputs(names);
        continue;
      }
      if (
        [
          "allowedReferences",
          "allowedRequisites",
          "disallowedReferences",
          "disallowedRequisites",
          "maxSize",
          "maxClosureSize",
        ].includes(key)
      ) {
        ctx.warn(
          `'structuredAttrs' disables the effect of the derivation attribute '${key}'; use 'outputChecks.<output>.${key}' instead`,
          attrs.getAttr(key)?.pos,
          true,
        );
      }
      if (!["builder", "system", "outputHash", "outputHashAlgo", "outputHashMode"].includes(key)) continue;
      s = typeof v === "string" ? v : v instanceof NixString ? v.s : "";
      if (v instanceof NixString) for (const c of v.context) context.add(c);
    } else {
      s = yield* coerceToString(slot, ctx, { ...TO_STRING, copyToStore: true }, context, undefined);
      drv.env.set(key, s);
      if (key === "outputs") outputs = checkOutputs(s.split(/[ \t\n\r]+/).filter((x) => x !== ""));
    }
    if (key === "builder") drv.builder = s;
    else if (key === "system") drv.platform = s;
    else if (key === "outputHash") outputHash = s;
    else if (key === "outputHashAlgo") outputHashAlgo = s;
    else if (key === "outputHashMode") {
      if (s !== "recursive" && s !== "flat" && s !== "nar")
        throw evalError(`invalid value '${s}' for 'outputHashMode' attribute`);
      hashMode = s === "flat" ? "flat" : "recursive";
    }
  }
  if (isStructured) drv.env.set("__json", `{${json.join(",")}}`);
  addContext(ctx, drv, context);
  if (drv.builder === "") throw evalError("required attribute 'builder' missing");
  if (drv.platform === "") throw evalError("required attribute 'system' missing");

  const storeDir = ctx.settings.storeDir;
  if (outputHash !== undefined) {
    if (outputs.length !== 1 || outputs[0] !== "out") {
      throw evalError("multiple outputs are not supported in fixed-output derivations");
    }
    const algo = outputHashAlgo === undefined || outputHashAlgo === "" ? undefined : outputHashAlgo;
    if (algo !== undefined && !isHashAlgo(algo)) throw evalError(`unknown hash algorithm '${algo}'`);
    const parsed = parseHash(outputHash, algo);
    if (!parsed) throw evalError(`invalid hash '${outputHash}'`);
    const recursive = hashMode === "recursive";
    const path = makeFixedOutputPath(storeDir, recursive, parsed.algo, parsed.hash, drvName);
    drv.env.set("out", path);
    drv.outputs.set("out", {
      path,
      hashAlgo: `${recursive ? "r:" : ""}${parsed.algo}`,
      hash: formatHash(parsed.algo, parsed.hash, "base16"),
    });
  } else {
    for (const o of outputs) {
      drv.env.set(o, "");
      drv.outputs.set(o, { path: "", hashAlgo: "", hash: "" });
    }
    const h = hashModulo(ctx, drv);
    for (const o of outputs) {
      const path = makeOutputPath(storeDir, o, h, drvName);
      drv.env.set(o, path);
      drv.outputs.set(o, { path, hashAlgo: "", hash: "" });
    }
  }
  const text = unparse(drv);
  const refs = new Set<string>([...drv.inputSrcs, ...drv.inputDrvs.keys()]);
  const drvPath = makeTextPath(storeDir, `${drvName}.drv`, text, refs);
  ctx.derivations.set(drvPath, { drv, modulo: hashModulo(ctx, drv) });
  ctx.storeFiles.set(drvPath, text);

  const result = new Map<string, Attr>();
  result.set("drvPath", { value: mkString(drvPath, new Set([`=${drvPath}`])), pos: undefined });
  for (const [o, out] of drv.outputs) {
    result.set(o, { value: mkString(out.path, new Set([`!${o}!${drvPath}`])), pos: undefined });
  }
  return new NixAttrs(result);
}

function checkOutputs(names: string[]): string[] {
  const seen = new Set<string>();
  for (const n of names) {
    if (seen.has(n)) throw evalError(`duplicate derivation output '${n}'`);
    if (n === "drvPath") throw evalError("invalid derivation output name 'drvPath'");
    seen.add(n);
  }
  if (seen.size === 0) throw evalError("derivation cannot have an empty set of outputs");
  return names;
}

/** The `derivation` function, in Nix (as Nix defines it on top of `derivationStrict`). */
export const DERIVATION_NIX = `drvAttrs @ { outputs ? [ "out" ], ... }:
let
  strict = derivationStrict drvAttrs;
  commonAttrs = drvAttrs // (builtins.listToAttrs outputsList) // {
    all = map (x: x.value) outputsList;
    inherit drvAttrs;
  };
  outputToAttrListElement = outputName: {
    name = outputName;
    value = commonAttrs // {
      outPath = builtins.getAttr outputName strict;
      drvPath = strict.drvPath;
      type = "derivation";
      inherit outputName;
    };
  };
  outputsList = map outputToAttrListElement outputs;
in (builtins.head outputsList).value
`;

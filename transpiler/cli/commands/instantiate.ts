/**
 * `psl instantiate`: nix-instantiate's command line on psl's evaluator. It takes nix-instantiate's flags
 * with their own syntax (`--arg name expr`, `-I prefix=path`, `-A attr`, `-E`), reads `NIX_PATH`, and
 * prints exactly what nix-instantiate prints on stdout (`--eval [--strict] [--json|--xml]`, `--parse`, or
 * the `.drv` paths of derivations). Warnings and traces go to stderr in Nix's format; an error goes to
 * stderr and the exit status is 1. Nothing is built and no store is written: derivation and store paths
 * are computed.
 */
import * as path from "node:path";
import type { Diagnostic } from "../../diagnostics/diagnostic.js";
import { deepForce } from "../../eval/builtins/builtins-control.js";
import { toJson } from "../../eval/builtins/json.js";
import { toXml } from "../../eval/builtins/xml.js";
import { coerceToString, INTERPOLATE } from "../../eval/coerce.js";
import type { EvalSink, SearchPathEntry } from "../../eval/context.js";
import { NixError } from "../../eval/errors.js";
import { Evaluator } from "../../eval/evaluator.js";
import { formatNixError, formatNixWarning } from "../../eval/nix-format.js";
import { printValue } from "../../eval/print-value.js";
import { NixAttrs, NixLambda, NixString, type Slot, Thunk, type Value } from "../../eval/value.js";
import { bytesToText, textToBytes } from "../../nix/bytes.js";
import type { LintLevel, NixLints } from "../../nix/parser.js";
import { printExprChunks } from "../../nix/printer.js";
import { type Command, EXIT } from "../command.js";
import type { CliIO } from "../io.js";
import { nodeEvalHost } from "../nix-host.js";

interface AutoArg {
  readonly name: string;
  readonly kind: "expr" | "str";
  readonly value: string;
}

export interface InstantiateArgs {
  mode: "instantiate" | "eval" | "parse";
  strict: boolean;
  json: boolean;
  xml: boolean;
  raw: boolean;
  location: boolean;
  fromExpr: boolean;
  inputs: string[];
  includes: string[];
  autoArgs: AutoArg[];
  attrPaths: string[];
  maxCallDepth: number | undefined;
  features: Set<string>;
  lints: { url?: LintLevel; absolutePath?: LintLevel; shortPath?: LintLevel };
  pure: boolean;
  abortOnWarn: boolean;
  showTrace: boolean;
}

/** Flags that take no value and change nothing here. */
const IGNORED_FLAGS = new Set([
  "--read-write-mode",
  "--readonly-mode",
  "--trace-verbose",
  "--quiet",
  "--verbose",
  "-v",
  "--indirect",
  "--impure",
  "--no-build-output",
  "--debugger",
]);
/** Options with one value that change nothing here. */
const IGNORED_OPTIONS = new Set([
  "--store",
  "--eval-store",
  "--add-root",
  "--log-format",
  "--max-jobs",
  "-j",
]);

const LINT_FLAGS: Readonly<Record<string, keyof NixLints>> = {
  "--lint-url-literals": "url",
  "--lint-absolute-path-literals": "absolutePath",
  "--lint-short-path-literals": "shortPath",
};

/** Parses nix-instantiate's argument syntax. */
export function parseInstantiateArgs(argv: readonly string[]): { args: InstantiateArgs; errors: string[] } {
  const args: InstantiateArgs = {
    mode: "instantiate",
    strict: false,
    json: false,
    xml: false,
    raw: false,
    location: true,
    fromExpr: false,
    inputs: [],
    includes: [],
    autoArgs: [],
    attrPaths: [],
    maxCallDepth: undefined,
    features: new Set(),
    lints: {},
    pure: false,
    abortOnWarn: false,
    showTrace: false,
  };
  const errors: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    const need = (n: number): string[] | undefined => {
      const vals = argv.slice(i + 1, i + 1 + n);
      if (vals.length < n) {
        errors.push(`flag '${a}' requires ${n} argument${n > 1 ? "s" : ""}`);
        i = argv.length;
        return undefined;
      }
      i += n;
      return vals;
    };
    if (a === "--eval" || a === "--eval-only") args.mode = "eval";
    else if (a === "--parse" || a === "--parse-only") args.mode = "parse";
    else if (a === "--strict") args.strict = true;
    else if (a === "--json") args.json = true;
    else if (a === "--xml") args.xml = true;
    else if (a === "--raw") args.raw = true;
    else if (a === "--no-location") args.location = false;
    else if (a === "-E" || a === "--expr") args.fromExpr = true;
    else if (a === "--pure-eval") args.pure = true;
    else if (a === "--abort-on-warn") args.abortOnWarn = true;
    else if (a === "--show-trace") args.showTrace = true;
    else if (a === "--no-show-trace") args.showTrace = false;
    else if (IGNORED_FLAGS.has(a)) continue;
    else if (a === "-I" || a === "--include") {
      const v = need(1);
      if (v) args.includes.push(v[0] as string);
    } else if (a.startsWith("-I") && a.length > 2) args.includes.push(a.slice(2));
    else if (a === "--arg" || a === "--argstr") {
      const v = need(2);
      if (v)
        args.autoArgs.push({
          name: v[0] as string,
          kind: a === "--arg" ? "expr" : "str",
          value: v[1] as string,
        });
    } else if (a === "-A" || a === "--attr") {
      const v = need(1);
      if (v) args.attrPaths.push(v[0] as string);
    } else if (a === "--max-call-depth") {
      const v = need(1);
      if (v) args.maxCallDepth = Number(v[0]);
    } else if (a === "--extra-experimental-features" || a === "--experimental-features") {
      const v = need(1);
      if (v) for (const f of (v[0] as string).split(/\s+/)) if (f) args.features.add(f);
    } else if (a in LINT_FLAGS) {
      const v = need(1);
      const level = v?.[0];
      if (level === "ignore" || level === "warn" || level === "fatal")
        args.lints[LINT_FLAGS[a] as keyof NixLints] = level;
      else if (v) errors.push(`invalid value '${level}' for '${a}'`);
    } else if (a === "--option") need(2);
    else if (IGNORED_OPTIONS.has(a)) need(1);
    else if (a.startsWith("-") && a !== "-") errors.push(`unrecognised flag '${a}'`);
    else args.inputs.push(a);
  }
  return { args, errors };
}

/** `NIX_PATH` and `-I` entries: `prefix=path` or `path`. */
export function searchPath(includes: readonly string[], nixPath: string | undefined): SearchPathEntry[] {
  const entries = [...includes, ...(nixPath ?? "").split(":").filter((s) => s !== "")];
  return entries.map((e) => {
    const eq = e.indexOf("=");
    return eq < 0 ? { prefix: "", path: e } : { prefix: e.slice(0, eq), path: e.slice(eq + 1) };
  });
}

/** Splits an attribute path (`a.b."c.d".0`). */
export function splitAttrPath(p: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quoted = false;
  for (const c of p) {
    if (c === '"') quoted = !quoted;
    else if (c === "." && !quoted) {
      out.push(cur);
      cur = "";
    } else cur += c;
  }
  if (p !== "") out.push(cur);
  return out;
}

class Usage {
  constructor(readonly message: string) {}
}

export const instantiateCommand: Command = {
  usage:
    "psl instantiate [--eval [--strict] [--json|--xml]] [--parse] [-E expr | file…] [-A attr] [--arg n e]",
  description: [
    "Takes nix-instantiate's flags and prints what nix-instantiate prints: the value (--eval), the",
    "syntax tree (--parse), or the .drv paths of the derivations (the default; nothing is written).",
    "-I prefix=path and NIX_PATH set the search path for <…>; --arg/--argstr call a top-level function;",
    "-A selects an attribute. Warnings and traces go to stderr in Nix's format.",
    "",
    "Exit status: 0 success; 1 a parse or evaluation error (printed on stderr).",
  ].join("\n"),
  options: {},
  rawArgs: true,
  examples: ["psl instantiate --eval --strict -E '1 + 2'", "psl instantiate --parse ./default.nix"],
  run(parsed, { io }) {
    const { args, errors } = parseInstantiateArgs(parsed.positionals);
    if (errors.length > 0) {
      for (const e of errors) io.stderr(`error: ${e}\nTry 'psl instantiate --help' for more information.\n`);
      return EXIT.findings;
    }
    return runInstantiate(args, io);
  },
};

/** Runs an instantiate invocation; returns the exit status. */
export function runInstantiate(args: InstantiateArgs, io: CliIO): number {
  let abort: Diagnostic | undefined;
  let ev: Evaluator | undefined;
  const sink: EvalSink = {
    trace: (text) => io.stderr(`trace: ${bytesToText(text)}\n`),
    warn: () => {},
    diagnostic: (d) => {
      if (!ev) return;
      if (args.abortOnWarn && d.severity === "warning") abort ??= d;
      io.stderr(`${formatNixWarning(d, ev.ctx.sources)}\n`);
    },
  };
  ev = new Evaluator({
    host: nodeEvalHost(io.env),
    sink,
    nixPath: searchPath(args.includes, io.env.NIX_PATH).map((s) => ({
      prefix: s.prefix,
      path: /^[a-z][a-z0-9+.-]*:\/\//.test(s.path) ? s.path : path.resolve(io.cwd, s.path),
    })),
    pureEval: args.pure,
    lints: args.lints,
    experimentalFeatures: args.features,
    pipeOperators: args.features.has("pipe-operators"),
    ...(io.env.HOME === undefined ? {} : { home: io.env.HOME }),
    ...(io.env.NIX_STORE_DIR ? { storeDir: io.env.NIX_STORE_DIR } : {}),
    ...(args.maxCallDepth === undefined ? {} : { maxCallDepth: args.maxCallDepth }),
  });
  const e = ev;
  const ctx = e.ctx;
  const inputs = args.inputs.length > 0 ? args.inputs : args.fromExpr ? [] : ["./default.nix"];
  try {
    for (const input of inputs) {
      const { text, file, base } = readInput(input, args.fromExpr, io);
      const expr = ctx.parse(text, file, base);
      if (abort) throw new Usage("");
      if (args.mode === "parse") {
        // Written as it is printed, as raw bytes (a large tree's text is never whole in memory).
        printExprChunks(expr, io.stdoutBytes);
        io.stdoutBytes("\n");
        continue;
      }
      const root = Thunk.expr(expr, ctx.baseEnv);
      const autoArgs = autoArgsSet(args.autoArgs, e, io.cwd);
      const paths = args.attrPaths.length > 0 ? args.attrPaths : [""];
      for (const p of paths) {
        const v = e.forceOrThrow(select(e, root, splitAttrPath(p), autoArgs));
        // As nix-instantiate: the result is called with --arg/--argstr only when some were given.
        const res = args.autoArgs.length > 0 ? autoCall(e, v, autoArgs) : v;
        if (abort) throw new Usage("");
        if (args.mode === "eval" && args.raw) io.stdout(bytesToText(rawString(e, res)));
        else if (args.mode === "eval") io.stdout(`${bytesToText(printResult(e, res, args))}\n`);
        else for (const drv of derivationPaths(e, res)) io.stdout(`${bytesToText(drv)}\n`);
      }
    }
  } catch (err) {
    if (err instanceof Usage) {
      if (abort) io.stderr(`${formatNixError({ ...abort, notes: [] }, ctx.sources)}\n`);
      else io.stderr(`error: ${err.message}\n`);
      return EXIT.findings;
    }
    if (!(err instanceof NixError)) throw err;
    for (const d of e.toDiagnostics(err)) {
      const notes = args.showTrace ? d.notes : d.notes.filter((n) => n.startsWith("Did you mean"));
      const hint = !args.showTrace && d.span === undefined && d.notes.length > notes.length;
      io.stderr(`${formatNixError({ ...d, notes }, ctx.sources, hint)}\n`);
    }
    return EXIT.findings;
  }
  return EXIT.ok;
}

function readInput(
  input: string,
  fromExpr: boolean,
  io: CliIO,
): { text: string; file: string; base: string } {
  if (fromExpr) return { text: input, file: "«string»", base: io.cwd };
  if (input === "-") return { text: io.fs.readFile("/dev/stdin"), file: "«stdin»", base: io.cwd };
  let file = path.resolve(io.cwd, input);
  if (io.fs.isDirectory(file)) file = path.join(file, "default.nix");
  if (!io.fs.exists(file)) throw new Usage(`path '${file}' does not exist`);
  return { text: io.fs.readFile(file), file, base: path.dirname(file) };
}

function autoArgsSet(list: readonly AutoArg[], e: Evaluator, cwd: string): NixAttrs {
  const rec: Record<string, Slot> = {};
  for (const a of list) {
    if (a.kind === "str") rec[a.name] = textToBytes(a.value);
    else {
      const expr = e.ctx.parse(a.value, "«string»", cwd);
      rec[a.name] = Thunk.expr(expr, e.ctx.baseEnv);
    }
  }
  return e.attrs(rec);
}

/** Nix's `autoCallFunction`: a function with formals is called with the matching `--arg`s. */
function autoCall(e: Evaluator, v: Value, autoArgs: NixAttrs): Value {
  let f = v;
  if (f instanceof NixAttrs && f.get("__functor") !== undefined) {
    const functor = e.forceOrThrow(f.get("__functor") as Slot);
    if (!(functor instanceof NixLambda)) return f;
    return autoCall(e, e.callOrThrow(functor, [f]), autoArgs);
  }
  if (!(f instanceof NixLambda) || f.expr.formals === undefined) return f;
  const formals = f.expr.formals;
  const m = new Map<string, { value: Slot; pos: undefined }>();
  for (const formal of formals.entries) {
    const a = autoArgs.get(formal.name);
    if (a !== undefined) m.set(formal.name, { value: a, pos: undefined });
    else if (formal.def === undefined) {
      throw new NixError(
        "PSL2017",
        { message: `cannot evaluate a function that has an argument without a value ('${formal.name}')` },
        formal.span,
      );
    }
  }
  if (formals.ellipsis)
    for (const k of autoArgs.keys())
      if (!m.has(k)) m.set(k, { value: autoArgs.get(k) as Slot, pos: undefined });
  f = e.callOrThrow(f, [new NixAttrs(m)]);
  return f;
}

/** Nix's `findAlongAttrPath`: auto-calls, then selects attributes or list indices. */
function select(e: Evaluator, root: Slot, path: readonly string[], autoArgs: NixAttrs): Slot {
  let v: Slot = root;
  for (const comp of path) {
    const cur = autoCall(e, e.forceOrThrow(v), autoArgs);
    const key = textToBytes(comp);
    if (/^[0-9]+$/.test(comp) && Array.isArray(cur)) {
      const el = cur[Number(comp)];
      if (el === undefined)
        throw new NixError(
          "PSL2017",
          { message: `list index ${comp} in selection path '${path.join(".")}' is out of range` },
          undefined,
        );
      v = el;
    } else {
      if (!(cur instanceof NixAttrs)) {
        throw new NixError(
          "PSL2017",
          {
            message: `the expression selected by the selection path '${path.join(".")}' should be a set but is ${typeof cur}`,
          },
          undefined,
        );
      }
      const next = cur.get(key);
      if (next === undefined)
        throw new NixError(
          "PSL2017",
          { message: `attribute '${comp}' in selection path '${path.join(".")}' not found` },
          undefined,
        );
      v = next;
    }
  }
  return v;
}

/** `--raw`: the value coerced to a string, without a newline. */
function rawString(e: Evaluator, v: Value): string {
  return e.runEffectOrThrow(
    (function* () {
      return yield* coerceToString(v, e.ctx, INTERPOLATE, new Set(), undefined);
    })(),
  );
}

function printResult(e: Evaluator, v: Value, args: InstantiateArgs): string {
  const ctx = e.ctx;
  if (args.xml) return e.runEffectOrThrow(xmlEffect(v, args, e));
  if (args.json) return e.runEffectOrThrow(toJson(v, ctx, new Set()));
  if (args.strict) e.runEffectOrThrow(deepForce(v));
  return printValue(v);
}

function* xmlEffect(v: Value, args: InstantiateArgs, e: Evaluator) {
  const s = yield* toXml(v, e.ctx, { strict: args.strict, location: args.location }, new Set());
  return s.endsWith("\n") ? s.slice(0, -1) : s;
}

/** The `.drv` paths nix-instantiate would write for a value (derivations at the top or one level down). */
function derivationPaths(e: Evaluator, v: Value): string[] {
  const drvOf = (x: Value): string | undefined => {
    if (!(x instanceof NixAttrs)) return undefined;
    const t = x.get("type");
    if (t === undefined) return undefined;
    const tv = e.forceOrThrow(t);
    if (tv !== "derivation") return undefined;
    const p = e.forceOrThrow(x.get("drvPath") ?? "");
    return typeof p === "string" ? p : p instanceof NixString ? p.s : undefined;
  };
  const top = drvOf(v);
  if (top !== undefined) return [top];
  const out: string[] = [];
  const items = Array.isArray(v) ? v : v instanceof NixAttrs ? v.keys().map((k) => v.get(k) as Slot) : [];
  for (const it of items) {
    const p = drvOf(e.forceOrThrow(it));
    if (p !== undefined) out.push(p);
  }
  return out;
}

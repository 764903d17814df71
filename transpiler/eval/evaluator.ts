/**
 * The evaluator's public API. An `Evaluator` owns one evaluation context (settings, host, import cache),
 * so many files can be evaluated in one process sharing imports (batch mode). Every entry point returns
 * `{ value, diagnostics }`: Nix errors become diagnostics with their eval code and a Nix-style trace in
 * the notes; nothing escapes as a JavaScript exception except bugs.
 *
 * For code built on the evaluator (the NixOS module system): `force`/`deepForce`/`call` evaluate,
 * `attrs`/`primop`/`thunk` build Nix values from TypeScript, and `run` wraps TypeScript code that uses
 * the throwing `forceOrThrow`/`callOrThrow` so its Nix errors come back as diagnostics too.
 */
import { type Diagnostic, diag, type Result } from "../diagnostics/diagnostic.js";
import type { Span } from "../diagnostics/span.js";
import { bytesToText, messageText, textToBytes } from "../nix/bytes.js";
import { canonPath } from "../nix/canon-path.js";
import { deepForce } from "./builtins/builtins-control.js";
import { DEFAULT_SETTINGS, EvalContext, type EvalSettings, type EvalSink, SILENT_SINK } from "./context.js";
import { NixError } from "./errors.js";
import type { EvalHost } from "./host.js";
import { printValue } from "./print-value.js";
import {
  type Attr,
  type Effect,
  type NativeThunk,
  NixAttrs,
  NixPrimOp,
  type PrimOpImpl,
  type Slot,
  Thunk,
  type Value,
} from "./value.js";

export interface EvaluatorOptions extends Partial<EvalSettings> {
  readonly host: EvalHost;
  readonly sink?: EvalSink;
}

export class Evaluator {
  readonly ctx: EvalContext;

  constructor(options: EvaluatorOptions) {
    const { host, sink, ...settings } = options;
    this.ctx = new EvalContext(host, { ...DEFAULT_SETTINGS, ...settings }, sink ?? SILENT_SINK);
  }

  /** The value of a Nix file (weak head normal form), through the import cache. */
  evalFile(path: string): Result<Value | undefined> {
    return this.run(() => this.ctx.machine.force(this.ctx.importFile(textToBytes(canonPath(path)))));
  }

  /** The value of an expression; relative paths in it resolve against `basePath`. */
  evalExpr(
    text: string,
    options: { readonly file?: string; readonly basePath: string },
  ): Result<Value | undefined> {
    return this.run(() => {
      const expr = this.ctx.parse(text, options.file ?? "«string»", options.basePath);
      return this.ctx.machine.evalIn(expr, this.ctx.baseEnv);
    });
  }

  force(slot: Slot): Result<Value | undefined> {
    return this.run(() => this.ctx.machine.force(slot));
  }

  /** Forces a value and everything inside it. */
  deepForce(slot: Slot): Result<Value | undefined> {
    return this.run(() => this.ctx.machine.runEffect(deepForce(slot)));
  }

  call(fn: Slot, args: Slot[]): Result<Value | undefined> {
    return this.run(() => this.ctx.machine.callFunction(fn, args));
  }

  /** Forces a slot; a Nix error is thrown (use inside `run`). */
  forceOrThrow(slot: Slot): Value {
    return this.ctx.machine.force(slot);
  }

  /** Calls a Nix function; a Nix error is thrown (use inside `run`). */
  callOrThrow(fn: Slot, args: Slot[]): Value {
    return this.ctx.machine.callFunction(fn, args);
  }

  /** Runs an effect (a generator using `force`/`call`) to completion; a Nix error is thrown. */
  runEffectOrThrow<T extends Value>(effect: Effect<T>): T {
    return this.ctx.machine.runEffect(effect);
  }

  /** Runs TypeScript code that evaluates Nix; Nix errors come back as diagnostics. */
  run<T>(f: () => T): Result<T | undefined> {
    try {
      return { value: f(), diagnostics: [] };
    } catch (e) {
      if (e instanceof NixError) return { value: undefined, diagnostics: this.toDiagnostics(e) };
      throw e;
    }
  }

  /** A set built from TypeScript; each attribute may carry the span it comes from. */
  attrs(record: Readonly<Record<string, Slot>>, positions: Readonly<Record<string, Span>> = {}): NixAttrs {
    const m = new Map<string, Attr>();
    for (const [k, v] of Object.entries(record)) m.set(textToBytes(k), { value: v, pos: positions[k] });
    return new NixAttrs(m);
  }

  /** A builtin-like function implemented in TypeScript (arguments in `strict` are forced first). */
  primop(name: string, arity: number, impl: PrimOpImpl, strict = 0): NixPrimOp {
    return new NixPrimOp(name, arity, strict, impl);
  }

  /** A lazy value computed by TypeScript when first forced. */
  thunk(f: NativeThunk): Thunk {
    return Thunk.native(f);
  }

  /** The `nix-instantiate --eval` text of a value (a JavaScript string). */
  print(slot: Slot): string {
    return bytesToText(printValue(slot));
  }

  /** A Nix error as diagnostics: the error with its trace as notes (`while … at file:line:col`). */
  toDiagnostics(e: NixError): Diagnostic[] {
    if (e.parseDiagnostics && e.parseDiagnostics.length > 0) return [...e.parseDiagnostics];
    const notes: string[] = [];
    let last = "";
    let repeats = 0;
    for (const t of e.trace) {
      const line = messageText(t.span ? `${t.message} at ${this.ctx.describePos(t.span)}` : t.message);
      if (line === last) {
        repeats++;
        continue;
      }
      if (repeats > 0) notes.push(`(${repeats} more of the same)`);
      repeats = 0;
      last = line;
      notes.push(line);
    }
    if (repeats > 0) notes.push(`(${repeats} more of the same)`);
    const args: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(e.args)) args[k] = typeof v === "string" ? messageText(v) : v;
    return [diag(e.code, args, { ...(e.span ? { span: e.span } : {}), notes })];
  }
}

/**
 * The evaluator core: an explicit-stack machine. Evaluating an expression, forcing a thunk and applying a
 * function never recurse in JavaScript; each pending step is a `Frame` on `stack`, so Nix recursion 100,000
 * (or 1,000,000) levels deep uses heap, not the JavaScript stack. Registers: `e`/`env` (the expression to
 * evaluate next, or null) and `ret` (the value just produced); the loop either evaluates `e` or pops a
 * frame and feeds it `ret`.
 *
 * Builtins are plain functions over forced arguments, or generators (`Effect`) that yield requests —
 * force this slot, call this function, force under `tryEval`/`addErrorContext` — which the machine
 * serves with frames of its own, so builtins calling back into Nix do not nest either.
 *
 * Nix errors are `NixError`s thrown from anywhere; the loop catches them and unwinds frames: thunks being
 * forced become failed (errors are memoised, as in Nix ≥ 2.34), function frames add trace lines, and a
 * `tryEval` frame stops the unwinding. Every function call counts against `maxCallDepth` ("stack
 * overflow"), and so does `run()` re-entry from TypeScript (the only place the JavaScript stack grows).
 */
import type { Span } from "../diagnostics/span.js";
import type { AttrDef, AttrName, AttrsExpr, Expr, LambdaExpr, SelectExpr, VarExpr } from "../nix/ast.js";
import { defIndex } from "../nix/bindings.js";
import { printExpr } from "../nix/printer.js";
import { addInts } from "./arith.js";
import type { EvalContext } from "./context.js";
import { brief, evalError, NixError, typeError } from "./errors.js";
import {
  addConcatPart,
  type ConcatAcc,
  coercePartEffect,
  concatValuesEffect,
  finishConcat,
  newConcat,
} from "./ops-concat.js";
import { eqValuesEffect, quickEq } from "./ops-eq.js";
import {
  type Attr,
  DONE,
  type Effect,
  Env,
  FAILED,
  type NativeThunk,
  NixAttrs,
  NixFloat,
  NixLambda,
  type NixList,
  NixPath,
  NixPrimOp,
  NixPrimOpApp,
  REQ_CALL,
  REQ_CONTEXT,
  REQ_FOLD,
  REQ_FORCE,
  REQ_TRY,
  type Request,
  RUNNING,
  type Slot,
  showType,
  THUNK_APP,
  THUNK_EXPR,
  Thunk,
  type Value,
} from "./value.js";

/** The answer to a `REQ_TRY` request when evaluation failed. */
export const TRY_FAILED: unique symbol = Symbol("try-failed");

// Frame kinds.
const F_FORCE = 1;
const F_CALL_FN = 2;
const F_APPLY = 3;
const F_LAMBDA_ARG = 4;
const F_CALL = 5;
const F_PRIM_ARG = 6;
const F_GEN = 7;
const F_IF = 8;
const F_ASSERT = 9;
const F_NOT = 10;
const F_LOGIC_L = 11;
const F_LOGIC_R = 12;
const F_BIN_L = 13;
const F_BIN_R = 14;
const F_CONCAT = 15;
const F_SELECT = 16;
const F_SELECT_NAME = 17;
const F_HAS = 18;
const F_HAS_NAME = 19;
const F_DYN = 20;
const F_WITH = 21;
const F_TRY = 22;
const F_CONTEXT = 23;
const F_CONCAT_PART = 25;
const F_OVERRIDES = 26;
const F_ADD_L = 27;
const F_ADD_R = 28;
/** A `foldl'` in progress: `i` the element just combined, `x` the operator, `y` the list. */
const F_FOLD = 29;

/** One pending step. Fields are generic; their meaning depends on `k`. */
class Frame {
  constructor(
    public k: number,
    public e: Expr | null,
    public env: Env | null,
    public i: number,
    public x: unknown,
    public y: unknown,
  ) {}
}

function isGenerator(r: unknown): r is Effect<Value> {
  return (
    typeof r === "object" &&
    r !== null &&
    typeof (r as { next?: unknown }).next === "function" &&
    !Array.isArray(r)
  );
}

export class Machine {
  /**
   * The frame stack is a pool: `stack[0…sp)` are live frames, objects above `sp` are reused by `push`.
   * A handler that pops a frame reads what it needs before pushing anything (the push may reuse it), and
   * re-pushes a popped frame (`repush`) before any other push.
   */
  private readonly stack: Frame[] = [];
  private sp = 0;
  private e: Expr | null = null;
  private env: Env | null = null;
  private ret: Value = null;
  /** Function calls in progress (Nix's call depth). */
  private depth = 0;
  /** The error the innermost `tryEval` caught last (psl's `pslTryEval` reports it). */
  lastCaught: NixError | undefined = undefined;
  /** Nested `run()` calls (each costs JavaScript stack). */
  private nesting = 0;
  /** Steps since the time limit was last checked, and the limit (epoch ms). */
  private steps = 0;
  private deadline = Number.POSITIVE_INFINITY;

  constructor(readonly ctx: EvalContext) {}

  // ---- entry points --------------------------------------------------------------------------------

  /** Forces a slot to weak head normal form. Throws `NixError` on a Nix error. */
  force(slot: Slot): Value {
    if (!(slot instanceof Thunk)) return slot;
    if (slot.state === DONE) return slot.value as Value;
    return this.run(() => this.beginForce(slot));
  }

  /** Evaluates an expression in an environment. Throws `NixError` on a Nix error. */
  evalIn(expr: Expr, env: Env): Value {
    return this.run(() => {
      this.e = expr;
      this.env = env;
    });
  }

  /** Applies a function to arguments and forces the result. Throws `NixError` on a Nix error. */
  callFunction(fn: Slot, args: Slot[]): Value {
    const own = args.slice();
    return this.run(() => this.applySlot(fn, own, 0));
  }

  /** Runs an effect (a generator that may force and call) to completion. */
  runEffect<T extends Value>(effect: Effect<T>): T {
    return this.run(() => this.driveGen(effect as Effect<Value>, null)) as T;
  }

  /** Runs the machine from `start` until the stack is back where it was. */
  private run(start: () => void): Value {
    if (++this.nesting > this.ctx.settings.maxNesting) {
      this.nesting--;
      throw new NixError("PSL2012", {}, undefined);
    }
    if (this.nesting === 1) {
      const limit = this.ctx.settings.timeLimitMs;
      this.deadline = limit > 0 ? Date.now() + limit : Number.POSITIVE_INFINITY;
    }
    const saved = { e: this.e, env: this.env, ret: this.ret };
    const base = this.sp;
    try {
      this.e = null;
      try {
        start();
      } catch (err) {
        this.recover(err, base);
      }
      for (;;) {
        try {
          this.loop(base);
          break;
        } catch (err) {
          this.recover(err, base);
        }
      }
      return this.ret;
    } finally {
      this.sp = base;
      if (base === 0 && this.stack.length > 4096) this.stack.length = 4096;
      this.e = saved.e;
      this.env = saved.env;
      this.ret = saved.ret;
      this.nesting--;
    }
  }

  /** Unwinds after an error; returns when a `tryEval` frame caught it, else rethrows. */
  private recover(err: unknown, base: number): void {
    let ne: NixError;
    if (err instanceof NixError) ne = err;
    else if (err instanceof RangeError) ne = new NixError("PSL2012", {}, undefined);
    else throw err;
    const st = this.stack;
    while (this.sp > base) {
      const f = st[--this.sp] as Frame;
      switch (f.k) {
        case F_FORCE: {
          const t = f.x as Thunk;
          t.state = FAILED;
          t.error = ne;
          break;
        }
        case F_CALL:
          this.depth--;
          if (f.x) ne.addTrace(this.describeCall(f.x as NixLambda), f.y as Span | undefined);
          break;
        case F_TRY:
          // `tryEval` catches only `throw` and failed assertions, as in Nix.
          if (!ne.catchable) break;
          this.lastCaught = ne;
          this.ret = TRY_FAILED as unknown as Value;
          this.e = null;
          return;
        case F_CONTEXT: {
          const msg = this.contextMessage(f.x as Slot);
          if (msg !== undefined) ne.addTrace(msg, undefined);
          break;
        }
        default:
          break;
      }
    }
    throw ne;
  }

  private describeCall(fn: NixLambda): string {
    const name = fn.expr.name;
    return name === undefined ? "while calling anonymous lambda" : `while calling '${name}'`;
  }

  private contextMessage(slot: Slot): string | undefined {
    try {
      const v = this.force(slot);
      if (typeof v === "string") return v;
      if (v !== null && typeof v === "object" && "s" in v && typeof v.s === "string") return v.s;
    } catch {
      // A context message that fails to evaluate is left out.
    }
    return undefined;
  }

  private push(k: number, e: Expr | null, env: Env | null, i: number, x: unknown, y: unknown): void {
    const sp = this.sp;
    const f = this.stack[sp];
    if (f === undefined) {
      if (sp >= this.ctx.settings.maxStack) throw new NixError("PSL2012", {}, e ?? undefined);
      this.stack.push(new Frame(k, e, env, i, x, y));
    } else {
      f.k = k;
      f.e = e;
      f.env = env;
      f.i = i;
      f.x = x;
      f.y = y;
    }
    this.sp = sp + 1;
  }

  /** Puts back the frame just popped (nothing may have been pushed since). */
  private repush(f: Frame): void {
    this.stack[this.sp++] = f;
  }

  // ---- the loop ------------------------------------------------------------------------------------

  private loop(base: number): void {
    const st = this.stack;
    for (;;) {
      const e = this.e;
      if (e !== null) {
        if ((++this.steps & 0xfff) === 0 && Date.now() > this.deadline) {
          throw new NixError("PSL2020", { limit: this.ctx.settings.timeLimitMs }, e);
        }
        this.evalStep(e, this.env as Env);
        continue;
      }
      if (this.sp === base) return;
      const f = st[--this.sp] as Frame;
      this.resume(f);
    }
  }

  /** Starts forcing a slot; the value arrives in `ret`. */
  /** Starts forcing a slot; `site` is where (for "infinite recursion", with the definition). */
  private beginForce(slot: Slot, site?: Span): void {
    if (!(slot instanceof Thunk)) {
      this.ret = slot;
      this.e = null;
      return;
    }
    switch (slot.state) {
      case DONE:
        this.ret = slot.value as Value;
        this.e = null;
        return;
      case RUNNING: {
        const def = slot.tag === THUNK_EXPR ? ((slot.a as Expr | null) ?? undefined) : undefined;
        const err = new NixError("PSL2004", {}, site ?? def);
        if (site !== undefined && def !== undefined)
          err.addTrace("the value being evaluated is defined here", def);
        throw err;
      }
      case FAILED:
        throw (slot.error as NixError).copy();
    }
    slot.state = RUNNING;
    this.push(F_FORCE, null, null, 0, slot, null);
    if (slot.tag === THUNK_EXPR) {
      this.e = slot.a as Expr;
      this.env = slot.b as Env;
    } else if (slot.tag === THUNK_APP) {
      this.e = null;
      this.applySlot(slot.a as Slot, slot.b as Slot[], 0);
    } else {
      this.e = null;
      const r = (slot.a as NativeThunk)();
      if (isGenerator(r)) this.driveGen(r, null);
      else this.ret = r;
    }
  }

  /** Evaluates one expression node: either produces `ret` (e = null) or sets up the next step. */
  private evalStep(e: Expr, env: Env): void {
    switch (e.kind) {
      case "int":
        this.ret = e.value;
        this.e = null;
        return;
      case "float":
        this.ret = new NixFloat(e.value);
        this.e = null;
        return;
      case "string":
        this.ret = e.value;
        this.e = null;
        return;
      case "path":
        this.ret = new NixPath(e.value);
        this.e = null;
        return;
      case "var":
        this.evalVar(e, env);
        return;
      case "lambda":
        this.ret = new NixLambda(e, env);
        this.e = null;
        return;
      case "call": {
        const fn = e.fn;
        if (fn.kind === "var" && !fn.fromWith) {
          const slot = this.lookup(fn, env);
          if (!(slot instanceof Thunk) || slot.state === DONE) {
            const f = slot instanceof Thunk ? (slot.value as Value) : slot;
            this.e = null;
            this.apply(f, this.argSlots(e.args, env), 0, e);
            return;
          }
        }
        this.push(F_CALL_FN, e, env, 0, null, null);
        this.e = fn;
        return;
      }
      case "list": {
        const elems = e.elems;
        const out: NixList = new Array(elems.length);
        for (let i = 0; i < elems.length; i++) out[i] = this.maybeThunk(elems[i] as Expr, env);
        this.ret = out;
        this.e = null;
        return;
      }
      case "attrs":
        this.evalAttrs(e, env);
        return;
      case "let": {
        const inner = this.bindRec(e.attrs, env);
        this.e = e.body;
        this.env = inner;
        return;
      }
      case "with":
        this.e = e.body;
        this.env = new Env(env, [this.maybeThunk(e.attrs, env)], e.prevWith);
        return;
      case "if":
        this.push(F_IF, e, env, 0, null, null);
        this.e = e.cond;
        return;
      case "assert":
        this.push(F_ASSERT, e, env, 0, null, null);
        this.e = e.cond;
        return;
      case "not":
        this.push(F_NOT, e, env, 0, null, null);
        this.e = e.expr;
        return;
      case "binary":
        if (e.op === "&&" || e.op === "||" || e.op === "->") this.push(F_LOGIC_L, e, env, 0, null, null);
        else this.push(F_BIN_L, e, env, 0, null, null);
        this.e = e.left;
        return;
      case "concat":
        if (!e.forceString && e.parts.length === 2) {
          // `a + b`, the common case: no accumulator unless the operands need the general rules.
          this.push(F_ADD_L, e, env, 0, null, null);
          this.e = e.parts[0] as Expr;
          return;
        }
        this.push(F_CONCAT, e, env, 0, newConcat(e.forceString), null);
        this.e = e.parts[0] as Expr;
        return;
      case "select":
        this.push(F_SELECT, e, env, 0, null, null);
        this.e = e.expr;
        return;
      case "hasAttr":
        this.push(F_HAS, e, env, 0, null, null);
        this.e = e.expr;
        return;
      case "curPos":
        this.ret = this.ctx.positionAttrs(e);
        this.e = null;
        return;
      case "inheritFrom":
        this.e = null;
        this.beginForce(env.vars[e.index] as Slot);
        return;
      case "error":
        throw evalError("cannot evaluate an expression with syntax errors", e);
    }
  }

  private lookup(v: VarExpr, env: Env): Slot {
    let en = env;
    for (let l = v.level; l > 0; l--) en = en.up as Env;
    return en.vars[v.index] as Slot;
  }

  private evalVar(v: VarExpr, env: Env): void {
    if (v.fromWith) {
      let en = env;
      for (let l = v.level; l > 0; l--) en = en.up as Env;
      this.e = null;
      this.withLookup(v, en);
      return;
    }
    let en = env;
    for (let l = v.level; l > 0; l--) en = en.up as Env;
    const slot = en.vars[v.index];
    if (slot === undefined) throw new NixError("PSL2007", { name: v.name }, v);
    this.e = null;
    if (slot instanceof Thunk) this.beginForce(slot, v);
    else this.ret = slot;
  }

  /** Looks `v` up in the `with` environment `en`, then in the enclosing ones. */
  private withLookup(v: VarExpr, en: Env): void {
    for (;;) {
      const attrsSlot = en.vars[0] as Slot;
      if (attrsSlot instanceof Thunk && attrsSlot.state !== DONE) {
        this.push(F_WITH, v, en, 0, null, null);
        this.beginForce(attrsSlot);
        return;
      }
      const attrs: Value = attrsSlot instanceof Thunk ? (attrsSlot.value as Value) : attrsSlot;
      if (!(attrs instanceof NixAttrs)) throw typeError("a set", attrs, v);
      const slot = attrs.get(v.name);
      if (slot !== undefined) {
        this.beginForce(slot, v);
        return;
      }
      if (en.prevWith < 0) throw new NixError("PSL2007", { name: v.name }, v);
      for (let l = en.prevWith; l > 0; l--) en = en.up as Env;
    }
  }

  /** A slot for an expression without evaluating it: constants and variables directly, else a thunk. */
  maybeThunk(e: Expr, env: Env): Slot {
    switch (e.kind) {
      case "int":
        return e.value;
      case "string":
        return e.value;
      case "float":
        return new NixFloat(e.value);
      case "path":
        return new NixPath(e.value);
      case "var":
        if (!e.fromWith) {
          const slot = this.lookup(e, env);
          if (slot !== undefined) return slot;
        }
        return Thunk.expr(e, env);
      default:
        return Thunk.expr(e, env);
    }
  }

  private argSlots(args: readonly Expr[], env: Env): Slot[] {
    const out: Slot[] = new Array(args.length);
    for (let i = 0; i < args.length; i++) out[i] = this.maybeThunk(args[i] as Expr, env);
    return out;
  }

  // ---- attribute sets --------------------------------------------------------------------------------

  /** The environment of a `rec` set or `let`: one slot per static attribute, in definition order. */
  private bindRec(a: AttrsExpr, env: Env): Env {
    const vars: Slot[] = [];
    const inner = new Env(env, vars);
    const from = a.inheritFrom.length > 0 ? this.inheritFromEnv(a, inner) : null;
    for (const d of a.defs) {
      if (d.kind === "plain") vars.push(this.maybeThunk(d.value, inner));
      else if (d.kind === "inherited") vars.push(this.maybeThunk(d.value, env));
      else vars.push(this.maybeThunk(d.value, from as Env));
    }
    return inner;
  }

  private inheritFromEnv(a: AttrsExpr, inner: Env): Env {
    return new Env(
      inner,
      a.inheritFrom.map((src) => this.maybeThunk(src, inner)),
    );
  }

  private evalAttrs(a: AttrsExpr, env: Env): void {
    const entries = new Map<string, Attr>();
    let inner = env;
    const defs = a.defs;
    if (a.rec) {
      inner = this.bindRec(a, env);
      for (let i = 0; i < defs.length; i++) {
        const d = defs[i] as AttrDef;
        entries.set(d.name, { value: inner.vars[i] as Slot, pos: d });
      }
    } else {
      const from = a.inheritFrom.length > 0 ? this.inheritFromEnv(a, env) : null;
      for (let i = 0; i < defs.length; i++) {
        const d = defs[i] as AttrDef;
        const slot = this.maybeThunk(d.value, d.kind === "inheritedFrom" ? (from as Env) : env);
        entries.set(d.name, { value: slot, pos: d });
      }
    }
    const overrides = a.rec ? entries.get("__overrides") : undefined;
    if (overrides !== undefined) {
      // `rec { … __overrides = { … }; }`: an old feature, the overrides replace attributes (and bindings).
      this.push(F_OVERRIDES, a, inner, 0, entries, null);
      this.e = null;
      this.beginForce(overrides.value);
      return;
    }
    this.attrsDynamic(a, inner, entries);
  }

  private attrsDynamic(a: AttrsExpr, inner: Env, entries: Map<string, Attr>): void {
    if (a.dynamic.length === 0) {
      this.ret = new NixAttrs(entries);
      this.e = null;
      return;
    }
    this.push(F_DYN, a, inner, 0, entries, null);
    this.e = (a.dynamic[0] as { name: Expr }).name;
    this.env = inner;
  }

  private applyOverrides(f: Frame, overrides: Value): void {
    const a = f.e as AttrsExpr;
    const inner = f.env as Env;
    const entries = f.x as Map<string, Attr>;
    if (!(overrides instanceof NixAttrs))
      throw typeError("a set", overrides, entries.get("__overrides")?.pos);
    for (const [k, attr] of overrides.entries) {
      entries.set(k, attr);
      const i = defIndex(a, k);
      if (i >= 0) inner.vars[i] = attr.value;
    }
    this.attrsDynamic(a, inner, entries);
  }

  // ---- functions -------------------------------------------------------------------------------------

  /** Applies a slot (forcing it first when needed) to `args[from…]`. */
  applySlot(fn: Slot, args: Slot[], from: number, site?: Span): void {
    if (fn instanceof Thunk && fn.state !== DONE) {
      this.push(F_APPLY, null, null, from, args, site ?? null);
      this.beginForce(fn);
      return;
    }
    this.apply(fn instanceof Thunk ? (fn.value as Value) : fn, args, from, site);
  }

  private apply(f: Value, args: Slot[], from: number, site?: Span): void {
    if (f instanceof NixLambda) {
      const lam = f.expr;
      if (lam.formals === undefined) {
        if (from + 1 < args.length) this.push(F_APPLY, null, null, from + 1, args, site ?? null);
        this.enterCall(f, site);
        this.e = lam.body;
        // A one-argument array is the machine's own (built fresh by a call site, a builtin or an
        // application thunk, which drops it once forced; `callFunction` copies its caller's), so it
        // becomes the environment's slots instead of being copied.
        this.env = new Env(f.env, from === 0 && args.length === 1 ? args : [args[from] as Slot]);
        return;
      }
      const arg = args[from] as Slot;
      if (arg instanceof Thunk && arg.state !== DONE) {
        this.push(F_LAMBDA_ARG, null, null, from, f, args);
        this.beginForce(arg);
        return;
      }
      this.bindFormals(f, arg instanceof Thunk ? (arg.value as Value) : arg, args, from, site);
      return;
    }
    if (f instanceof NixPrimOp || f instanceof NixPrimOpApp) {
      const primop = f instanceof NixPrimOp ? f : f.primop;
      const prior = f instanceof NixPrimOp ? [] : f.args;
      const have = prior.length + args.length - from;
      if (have < primop.arity) {
        this.ret = new NixPrimOpApp(primop, [...prior, ...args.slice(from)]);
        this.e = null;
        return;
      }
      const take = primop.arity - prior.length;
      // The arguments array is reused when it is exactly the call's (forcing replaces thunks by their values).
      const callArgs =
        prior.length === 0
          ? from === 0 && take === args.length
            ? args
            : args.slice(from, from + take)
          : [...prior, ...args.slice(from, from + take)];
      if (from + take < args.length) this.push(F_APPLY, null, null, from + take, args, site ?? null);
      this.callPrimOp(primop, callArgs, 0);
      return;
    }
    if (f instanceof NixAttrs) {
      const functor = f.get("__functor");
      if (functor !== undefined) {
        this.applySlot(functor, [f, ...args.slice(from)], 0, site);
        return;
      }
    }
    throw evalError(
      `attempt to call something which is not a function but ${showType(f)}: ${brief(f)}`,
      site,
    );
  }

  private enterCall(f: NixLambda, site: Span | undefined): void {
    if (++this.depth > this.ctx.settings.maxCallDepth) {
      this.depth--;
      throw new NixError("PSL2012", {}, site ?? f.expr);
    }
    this.push(F_CALL, null, null, 0, f, site ?? null);
  }

  private bindFormals(f: NixLambda, arg: Value, args: Slot[], from: number, site: Span | undefined): void {
    const lam = f.expr as LambdaExpr & { formals: NonNullable<LambdaExpr["formals"]> };
    if (!(arg instanceof NixAttrs)) throw typeError("a set", arg, site ?? lam);
    const vars: Slot[] = [];
    const inner = new Env(f.env, vars);
    if (lam.arg !== undefined) vars.push(arg);
    let used = 0;
    for (const formal of lam.formals.entries) {
      const slot = arg.get(formal.name);
      if (slot !== undefined) {
        vars.push(slot);
        used++;
      } else if (formal.def !== undefined) {
        vars.push(Thunk.expr(formal.def, inner));
      } else {
        throw new NixError("PSL2008", { fn: lam.name ?? "anonymous lambda", name: formal.name }, site ?? lam);
      }
    }
    if (!lam.formals.ellipsis && used < arg.size) {
      const names = new Set(lam.formals.entries.map((x) => x.name));
      for (const k of arg.keys()) {
        if (!names.has(k)) {
          throw new NixError("PSL2009", { fn: lam.name ?? "anonymous lambda", name: k }, site ?? lam);
        }
      }
    }
    if (from + 1 < args.length) this.push(F_APPLY, null, null, from + 1, args, site ?? null);
    this.enterCall(f, site);
    this.e = lam.body;
    this.env = inner;
  }

  /** Forces the strict arguments of a builtin (from index `i`), then runs it. */
  private callPrimOp(p: NixPrimOp, args: Slot[], i: number): void {
    const strict = p.strict;
    for (; i < args.length; i++) {
      if ((strict & (1 << i)) === 0) continue;
      const a = args[i] as Slot;
      if (a instanceof Thunk) {
        if (a.state === DONE) {
          args[i] = a.value as Value;
          continue;
        }
        this.push(F_PRIM_ARG, null, null, i, p, args);
        this.beginForce(a);
        return;
      }
    }
    this.e = null;
    const r = p.impl(args, this);
    if (isGenerator(r)) this.driveGen(r, null);
    else this.ret = r;
  }

  // ---- generators ------------------------------------------------------------------------------------

  /** Resumes a generator with `input` and serves its next request. */
  private driveGen(g: Effect<Value>, input: Value): void {
    const r = g.next(input);
    if (r.done) {
      this.ret = r.value;
      this.e = null;
      return;
    }
    const req: Request = r.value;
    // Always a fresh push: the generator may have re-entered the machine and reused the old frame.
    this.push(F_GEN, null, null, 0, g, null);
    switch (req.req) {
      case REQ_FORCE:
        this.beginForce(req.slot);
        return;
      case REQ_CALL:
        this.e = null;
        this.applySlot(req.slot, req.args as Slot[], 0);
        return;
      case REQ_TRY:
        this.push(F_TRY, null, null, 0, null, null);
        this.e = null;
        this.beginForce(req.slot);
        return;
      case REQ_CONTEXT:
        this.push(F_CONTEXT, null, null, 0, (req.args as Slot[])[0], null);
        this.e = null;
        this.beginForce(req.slot);
        return;
      case REQ_FOLD: {
        const args = req.args as Slot[];
        const list = args[1] as NixList;
        this.push(F_FOLD, null, null, 0, req.slot, list);
        this.e = null;
        this.applySlot(req.slot, [args[0] as Slot, list[0] as Slot], 0);
        return;
      }
    }
  }

  // ---- continuations ---------------------------------------------------------------------------------

  private resume(f: Frame): void {
    const ret = this.ret;
    switch (f.k) {
      case F_FORCE: {
        const t = f.x as Thunk;
        t.state = DONE;
        t.value = ret;
        t.a = null;
        t.b = null;
        return;
      }
      case F_CALL:
        this.depth--;
        return;
      case F_TRY:
      case F_CONTEXT:
        return;
      case F_GEN:
        this.driveGen(f.x as Effect<Value>, ret);
        return;
      case F_FOLD: {
        // `ret` is the new accumulator (forced, as foldl' forces it); combine it with the next element.
        const op = f.x as Slot;
        const list = f.y as NixList;
        const i = f.i + 1;
        if (i >= list.length) return;
        this.push(F_FOLD, null, null, i, op, list);
        this.applySlot(op, [ret, list[i] as Slot], 0);
        return;
      }
      case F_CALL_FN: {
        const call = f.e as Expr & { kind: "call" };
        this.apply(ret, this.argSlots(call.args, f.env as Env), 0, call);
        return;
      }
      case F_APPLY:
        this.apply(ret, f.x as Slot[], f.i, (f.y as Span | null) ?? undefined);
        return;
      case F_LAMBDA_ARG:
        this.bindFormals(f.x as NixLambda, ret, f.y as Slot[], f.i, undefined);
        return;
      case F_PRIM_ARG: {
        const args = f.y as Slot[];
        args[f.i] = ret;
        this.callPrimOp(f.x as NixPrimOp, args, f.i + 1);
        return;
      }
      case F_IF: {
        const e = f.e as Expr & { kind: "if" };
        if (typeof ret !== "boolean") throw typeError("a Boolean", ret, e.cond);
        this.e = ret ? e.thenExpr : e.elseExpr;
        this.env = f.env;
        return;
      }
      case F_ASSERT: {
        const e = f.e as Expr & { kind: "assert" };
        if (typeof ret !== "boolean") throw typeError("a Boolean", ret, e.cond);
        if (!ret) throw new NixError("PSL2003", { expr: printExpr(e.cond) }, e);
        this.e = e.body;
        this.env = f.env;
        return;
      }
      case F_NOT: {
        if (typeof ret !== "boolean") throw typeError("a Boolean", ret, f.e as Expr);
        this.ret = !ret;
        return;
      }
      case F_LOGIC_L: {
        const e = f.e as Expr & { kind: "binary" };
        if (typeof ret !== "boolean") throw typeError("a Boolean", ret, e.left);
        if (e.op === "&&" ? !ret : e.op === "||" ? ret : !ret) {
          this.ret = e.op !== "&&";
          return;
        }
        const env = f.env;
        this.push(F_LOGIC_R, e, null, 0, null, null);
        this.e = e.right;
        this.env = env;
        return;
      }
      case F_LOGIC_R: {
        if (typeof ret !== "boolean")
          throw typeError("a Boolean", ret, (f.e as Expr & { kind: "binary" }).right);
        return;
      }
      case F_BIN_L: {
        const e = f.e as Expr & { kind: "binary" };
        const env = f.env;
        this.push(F_BIN_R, e, null, 0, ret, null);
        this.e = e.right;
        this.env = env;
        return;
      }
      case F_BIN_R:
        this.binary(f.e as Expr & { kind: "binary" }, f.x as Value, ret);
        return;
      case F_CONCAT: {
        const e = f.e as Expr & { kind: "concat" };
        const acc = f.x as ConcatAcc;
        const part = e.parts[f.i] as Expr;
        if (!addConcatPart(acc, ret, part, this.ctx)) {
          // Needs evaluation (a set's `__toString`/`outPath`): coerce through an effect, then continue.
          f.k = F_CONCAT_PART;
          this.repush(f);
          this.driveGen(coercePartEffect(acc, ret, part, this.ctx), null);
          return;
        }
        this.concatNext(f, e, acc);
        return;
      }
      case F_CONCAT_PART: {
        const e = f.e as Expr & { kind: "concat" };
        f.k = F_CONCAT;
        this.concatNext(f, e, f.x as ConcatAcc);
        return;
      }
      case F_SELECT:
        this.select(f, ret);
        return;
      case F_SELECT_NAME:
        f.k = F_SELECT;
        f.y = this.attrName(ret, f.e as SelectExpr);
        this.select(f, f.x as Value);
        return;
      case F_HAS:
        this.hasAttr(f, ret);
        return;
      case F_HAS_NAME:
        f.k = F_HAS;
        f.y = this.attrName(ret, f.e as Expr);
        this.hasAttr(f, f.x as Value);
        return;
      case F_DYN:
        this.dynamicAttr(f, ret);
        return;
      case F_ADD_L: {
        const e = f.e as Expr & { kind: "concat" };
        const env = f.env;
        this.push(F_ADD_R, e, null, 0, ret, null);
        this.e = e.parts[1] as Expr;
        this.env = env;
        return;
      }
      case F_ADD_R: {
        const l = f.x as Value;
        if (typeof l === "number" && typeof ret === "number") {
          const r = l + ret;
          this.ret = Number.isSafeInteger(r) ? r : addInts(l, ret, f.e as Expr);
          return;
        }
        if (typeof l === "string" && typeof ret === "string") {
          this.ret = l + ret;
          return;
        }
        const e = f.e as Expr & { kind: "concat" };
        this.driveGen(concatValuesEffect([l, ret], e.parts, false, this.ctx), null);
        return;
      }
      case F_OVERRIDES:
        this.applyOverrides(f, ret);
        return;
      case F_WITH:
        this.withLookup(f.e as VarExpr, f.env as Env);
        return;
    }
  }

  private concatNext(f: Frame, e: Expr & { kind: "concat" }, acc: ConcatAcc): void {
    const next = f.i + 1;
    if (next < e.parts.length) {
      f.i = next;
      this.repush(f);
      this.e = e.parts[next] as Expr;
      this.env = f.env;
      return;
    }
    this.ret = finishConcat(acc, e);
  }

  private binary(e: Expr & { kind: "binary" }, l: Value, r: Value): void {
    switch (e.op) {
      case "==":
      case "!=": {
        const q = quickEq(l, r);
        if (q !== undefined) {
          this.ret = e.op === "==" ? q : !q;
          return;
        }
        const negate = e.op === "!=";
        this.driveGen(
          (function* (g: Effect<boolean>) {
            const b = yield* g;
            return negate ? !b : b;
          })(eqValuesEffect(l, r)),
          null,
        );
        return;
      }
      case "//": {
        if (!(l instanceof NixAttrs)) throw typeError("a set", l, e.left);
        if (!(r instanceof NixAttrs)) throw typeError("a set", r, e.right);
        this.ret = NixAttrs.update(l, r);
        return;
      }
      case "++": {
        if (!Array.isArray(l)) throw typeError("a list", l, e.left);
        if (!Array.isArray(r)) throw typeError("a list", r, e.right);
        this.ret = l.length === 0 ? r : r.length === 0 ? l : l.concat(r);
        return;
      }
      default:
        throw evalError(`unknown operator ${e.op}`, e);
    }
  }

  private attrName(v: Value, span: Span): string {
    if (typeof v === "string") return v;
    if (v !== null && typeof v === "object" && "context" in v) {
      throw evalError(`the string '${v.s}' is not allowed to refer to a store path`, span);
    }
    throw typeError("a string", v, span);
  }

  /** A step of `e.a.b.c [or d]`: `f.i` is the path index, `f.y` a resolved dynamic name. */
  private select(f: Frame, cur: Value): void {
    const e = f.e as SelectExpr;
    const path = e.path;
    let v = cur;
    for (let i = f.i; i < path.length; i++) {
      const n = path[i] as AttrName;
      let name: string;
      if (typeof n === "string") name = n;
      else if (f.y !== null && f.i === i) {
        name = f.y as string;
        f.y = null;
      } else {
        f.i = i;
        f.x = v;
        f.k = F_SELECT_NAME;
        this.repush(f);
        this.e = n;
        this.env = f.env;
        return;
      }
      if (!(v instanceof NixAttrs)) {
        if (e.def !== undefined) {
          this.e = e.def;
          this.env = f.env;
          return;
        }
        throw typeError("a set", v, e).addTrace(`while selecting the attribute '${name}'`, e);
      }
      const slot = e.def !== undefined ? v.testAttr(name)?.value : v.get(name);
      if (slot === undefined) {
        if (e.def !== undefined) {
          this.e = e.def;
          this.env = f.env;
          return;
        }
        throw this.missingAttr(name, v, e);
      }
      if (i === path.length - 1) {
        this.e = null;
        this.beginForce(slot, e);
        return;
      }
      if (slot instanceof Thunk && slot.state !== DONE) {
        f.i = i + 1;
        f.k = F_SELECT;
        this.repush(f);
        this.e = null;
        this.beginForce(slot);
        return;
      }
      v = slot instanceof Thunk ? (slot.value as Value) : slot;
    }
    this.ret = v;
    this.e = null;
  }

  missingAttr(name: string, v: NixAttrs, span: Span | undefined): NixError {
    const err = new NixError("PSL2006", { name }, span);
    const close = v
      .keys()
      .filter((k) => levenshtein(k, name) <= 2)
      .slice(0, 3);
    if (close.length === 1) err.addTrace(`Did you mean ${close[0]}?`, undefined);
    else if (close.length > 1) {
      err.addTrace(
        `Did you mean one of ${close.slice(0, -1).join(", ")} or ${close[close.length - 1]}?`,
        undefined,
      );
    }
    return err;
  }

  private hasAttr(f: Frame, cur: Value): void {
    const e = f.e as Expr & { kind: "hasAttr" };
    const path = e.path;
    let v = cur;
    for (let i = f.i; i < path.length; i++) {
      const n = path[i] as AttrName;
      let name: string;
      if (typeof n === "string") name = n;
      else if (f.y !== null && f.i === i) {
        name = f.y as string;
        f.y = null;
      } else {
        f.i = i;
        f.x = v;
        f.k = F_HAS_NAME;
        this.repush(f);
        this.e = n;
        this.env = f.env;
        return;
      }
      if (!(v instanceof NixAttrs)) {
        this.ret = false;
        this.e = null;
        return;
      }
      const slot = v.testAttr(name)?.value;
      if (slot === undefined) {
        this.ret = false;
        this.e = null;
        return;
      }
      if (i === path.length - 1) break;
      if (slot instanceof Thunk && slot.state !== DONE) {
        f.i = i + 1;
        f.k = F_HAS;
        this.repush(f);
        this.e = null;
        this.beginForce(slot);
        return;
      }
      v = slot instanceof Thunk ? (slot.value as Value) : slot;
    }
    this.ret = true;
    this.e = null;
  }

  /** A dynamic attribute's name has been evaluated (`f.i` is its index). */
  private dynamicAttr(f: Frame, nameValue: Value): void {
    const a = f.e as AttrsExpr;
    const entries = f.x as Map<string, Attr>;
    const d = a.dynamic[f.i] as AttrsExpr["dynamic"][number];
    if (nameValue !== null) {
      const name = this.attrName(nameValue, d.span);
      const prev = entries.get(name);
      if (prev !== undefined) {
        throw new NixError("PSL2014", { name, where: this.ctx.describePos(prev.pos) }, d.span);
      }
      entries.set(name, { value: this.maybeThunk(d.value, f.env as Env), pos: d.span });
    }
    const next = f.i + 1;
    if (next < a.dynamic.length) {
      f.i = next;
      this.repush(f);
      this.e = (a.dynamic[next] as { name: Expr }).name;
      this.env = f.env;
      return;
    }
    this.ret = new NixAttrs(entries);
    this.e = null;
  }
}

function levenshtein(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0] as number;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j] as number;
      prev[j] = Math.min(
        (prev[j] as number) + 1,
        (prev[j - 1] as number) + 1,
        diag + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
      diag = tmp;
    }
  }
  return prev[b.length] as number;
}

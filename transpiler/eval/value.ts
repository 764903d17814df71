/**
 * Nix values in JavaScript. Cheap kinds are plain JavaScript values: an integer is a `number` (a safe
 * integer) or a `bigint` (beyond 2^53, always within signed 64 bits), booleans are booleans, `null` is
 * `null`, a string without context is a `string` of bytes (see `nix/bytes.ts`) and a list is an array.
 * Everything else is a small class, so the evaluator dispatches on `typeof` and `instanceof`.
 *
 * Lists, attribute values and environments hold *slots*: either a value or a `Thunk`. A thunk is forced at
 * most once; while it runs it is a black hole (forcing it again is "infinite recursion encountered"), and
 * a thunk whose evaluation failed keeps its error and rethrows it (Nix memoises errors since 2.34).
 *
 * Every attribute keeps the span where it was defined (`Attr.pos`), the position `unsafeGetAttrPos`
 * reports and the provenance psl shows for a value.
 */
import type { Span } from "../diagnostics/span.js";
import type { Expr, LambdaExpr } from "../nix/ast.js";
import type { Machine } from "./machine.js";

export class NixFloat {
  constructor(readonly value: number) {}
}

/** A string with a non-empty context (store paths it refers to). Context-free strings are plain strings. */
export class NixString {
  constructor(
    readonly s: string,
    readonly context: ReadonlySet<string>,
  ) {}
}

export class NixPath {
  constructor(readonly path: string) {}
}

/** One attribute: its slot and where it was defined. */
export interface Attr {
  readonly value: Slot;
  readonly pos: Span | undefined;
}

export class NixAttrs {
  private sorted: string[] | undefined;
  private map: Map<string, Attr> | undefined;
  /** A lazy `base // overlay` (small overlays on large sets), flattened on first full access. */
  private base: NixAttrs | undefined;
  private overlay: Map<string, Attr> | undefined;
  private layers = 0;
  private count: number;

  constructor(entries: Map<string, Attr>) {
    this.map = entries;
    this.count = entries.size;
  }

  /** `l // r`. A small right side over a large left one is layered instead of copied. */
  static update(l: NixAttrs, r: NixAttrs): NixAttrs {
    const out = NixAttrs.updateEntries(l, r);
    const fallback = r.fallback ?? l.fallback;
    if (fallback === out.fallback) return out;
    const open = new NixAttrs(out.entries);
    open.fallback = fallback;
    open.fallbackOnTest = r.fallback ? r.fallbackOnTest : l.fallbackOnTest;
    return open;
  }

  private static updateEntries(l: NixAttrs, r: NixAttrs): NixAttrs {
    if (r.size === 0) return l;
    if (l.size === 0) return r;
    if (r.size <= 16 && l.size >= 64) {
      const overlay = r.entries;
      const out = new NixAttrs(new Map());
      out.map = undefined;
      out.base = l;
      out.overlay = overlay;
      out.layers = l.layers + 1;
      let added = 0;
      for (const k of overlay.keys()) if (l.ownAttr(k) === undefined) added++;
      out.count = l.size + added;
      // Bounded lookup chains: every 16 layers, flatten (one copy of the base, the overlays applied).
      if (out.layers >= 16) void out.entries;
      return out;
    }
    const m = new Map(l.entries);
    for (const [k, a] of r.entries) m.set(k, a);
    return new NixAttrs(m);
  }

  /** All attributes (insertion order; use `keys()` for Nix's order). */
  get entries(): Map<string, Attr> {
    if (this.map === undefined) {
      // Walk down to the first flat set, copy it once, then apply the overlays bottom-up.
      const overlays: Map<string, Attr>[] = [];
      let cur: NixAttrs = this;
      while (cur.map === undefined) {
        overlays.push(cur.overlay as Map<string, Attr>);
        cur = cur.base as NixAttrs;
      }
      const m = new Map(cur.map);
      for (let i = overlays.length - 1; i >= 0; i--)
        for (const [k, a] of overlays[i] as Map<string, Attr>) m.set(k, a);
      this.map = m;
      this.base = undefined;
      this.overlay = undefined;
      this.layers = 0;
    }
    return this.map;
  }

  get size(): number {
    return this.count;
  }

  /**
   * psl's open sets (`builtins.pslOpenAttrs`, for packages by any name): an attribute the set does not
   * have is made on demand by this function and kept. Listing functions see only the real attributes.
   */
  fallback: ((name: string) => Slot | undefined) | undefined = undefined;
  /** Whether `?`, `or` and `hasAttr` see on-demand attributes too (packages: yes; unknown options: no). */
  fallbackOnTest = true;
  private made: Map<string, Attr> | undefined;

  /** The attribute as `?`, `or` and `builtins.hasAttr` see it. */
  testAttr(name: string): Attr | undefined {
    return this.fallbackOnTest ? this.getAttr(name) : this.ownAttr(name);
  }

  /** The attribute if the set really has it (no on-demand attributes). */
  ownAttr(name: string): Attr | undefined {
    if (this.map !== undefined) return this.map.get(name);
    return (this.overlay as Map<string, Attr>).get(name) ?? (this.base as NixAttrs).ownAttr(name);
  }

  getAttr(name: string): Attr | undefined {
    const found =
      this.map !== undefined
        ? this.map.get(name)
        : ((this.overlay as Map<string, Attr>).get(name) ?? (this.base as NixAttrs).getAttr(name));
    if (found !== undefined || this.fallback === undefined) return found;
    this.made ??= new Map();
    let made = this.made.get(name);
    if (made === undefined) {
      const value = this.fallback(name);
      if (value === undefined) return undefined;
      made = { value, pos: undefined };
      this.made.set(name, made);
    }
    return made;
  }

  get(name: string): Slot | undefined {
    return this.getAttr(name)?.value;
  }

  /** Attribute names in Nix's order (byte order). */
  keys(): readonly string[] {
    if (this.sorted === undefined) {
      this.sorted = [...this.entries.keys()].sort(compareBytes);
    }
    return this.sorted;
  }
}

export const EMPTY_ATTRS = new NixAttrs(new Map());

export class NixLambda {
  constructor(
    readonly expr: LambdaExpr,
    readonly env: Env,
  ) {}
}

/** What a builtin gets: its arguments (the strict ones already forced) and the machine. */
export type PrimOpImpl = (args: Slot[], m: Machine) => Value | Effect<Value>;

export class NixPrimOp {
  constructor(
    readonly name: string,
    readonly arity: number,
    /** Bit i set: argument i is forced to weak head normal form before `impl` runs. */
    readonly strict: number,
    readonly impl: PrimOpImpl,
  ) {}
}

export class NixPrimOpApp {
  constructor(
    readonly primop: NixPrimOp,
    readonly args: readonly Slot[],
  ) {}
}

export type Value =
  | number
  | bigint
  | boolean
  | null
  | string
  | NixFloat
  | NixString
  | NixPath
  | Slot[]
  | NixAttrs
  | NixLambda
  | NixPrimOp
  | NixPrimOpApp;

export type NixList = Slot[];

/** A value, or a thunk that will produce one. */
export type Slot = Value | Thunk;

/** An environment: slots of one scope (lambda, `let`, `rec`, `with`) and the enclosing one. */
export class Env {
  constructor(
    readonly up: Env | null,
    readonly vars: Slot[],
    /** For a `with` environment: levels up to the next enclosing `with`, or -1. */
    readonly prevWith = -1,
  ) {}
}

export const THUNK_EXPR = 0;
export const THUNK_APP = 1;
export const THUNK_NATIVE = 2;

export const PENDING = 0;
export const RUNNING = 1;
export const DONE = 2;
export const FAILED = 3;

/** A lazily computed value produced by TypeScript code (it may run effects through the machine). */
export type NativeThunk = () => Value | Effect<Value>;

export class Thunk {
  /** PENDING, RUNNING (black hole), DONE or FAILED. */
  state: number = PENDING;
  value: Value | undefined = undefined;
  error: unknown = undefined;
  constructor(
    /** THUNK_EXPR (a = expression, b = environment), THUNK_APP (a = function, b = arguments), THUNK_NATIVE. */
    readonly tag: number,
    public a: Expr | Slot | NativeThunk | null,
    public b: Env | Slot[] | null,
  ) {}

  static expr(e: Expr, env: Env): Thunk {
    return new Thunk(THUNK_EXPR, e, env);
  }

  static app(fn: Slot, args: Slot[]): Thunk {
    return new Thunk(THUNK_APP, fn, args);
  }

  static native(f: NativeThunk): Thunk {
    return new Thunk(THUNK_NATIVE, f, null);
  }

  static of(v: Value): Thunk {
    const t = new Thunk(THUNK_EXPR, null, null);
    t.state = DONE;
    t.value = v;
    return t;
  }
}

// ---- effects: how builtins written as generators ask the machine to force and call ----------------

export const REQ_FORCE = 0;
export const REQ_CALL = 1;
/** Force a slot, catching evaluation errors: the answer is the value or `TRY_FAILED`. */
export const REQ_TRY = 2;
/** Force a slot; an error passing through gets the context message `args[0]` (addErrorContext). */
export const REQ_CONTEXT = 3;
/**
 * `foldl'` run by the machine itself: `slot` is the operator, `args` the initial accumulator and the list.
 * The answer is the final accumulator; each step is a frame, not a generator resumption.
 */
export const REQ_FOLD = 4;

export interface Request {
  readonly req: number;
  readonly slot: Slot;
  readonly args: Slot[] | undefined;
}

/** A computation that may need the machine: `yield* force(slot)` and `yield* call(fn, args)` inside. */
export type Effect<T> = Generator<Request, T, Value>;

/** Forces a slot to weak head normal form. */
export function* force(slot: Slot): Effect<Value> {
  if (slot instanceof Thunk) {
    if (slot.state === DONE) return slot.value as Value;
    return yield { req: REQ_FORCE, slot, args: undefined };
  }
  return slot;
}

/** Applies a function value to arguments and forces the result. */
export function* call(fn: Slot, args: Slot[]): Effect<Value> {
  return yield { req: REQ_CALL, slot: fn, args };
}

/** The request `force` yields for a pending thunk (see `callRequest`). */
export function forceRequest(slot: Slot): Request {
  return { req: REQ_FORCE, slot, args: undefined };
}

/**
 * The request `call` yields, for hot loops: `(yield callRequest(f, args)) as Value` saves the generator
 * object that `yield* call(f, args)` creates on every call.
 */
export function callRequest(fn: Slot, args: Slot[]): Request {
  return { req: REQ_CALL, slot: fn, args };
}

/** The request for `foldl' op acc list` (see `REQ_FOLD`); the list must not be empty. */
export function foldRequest(op: Slot, acc: Slot, list: NixList): Request {
  return { req: REQ_FOLD, slot: op, args: [acc, list] };
}

/** The value of an already forced slot, or undefined. */
export function peek(slot: Slot): Value | undefined {
  if (slot instanceof Thunk) return slot.state === DONE ? slot.value : undefined;
  return slot;
}

// ---- constructors and helpers --------------------------------------------------------------------

export function compareBytes(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** An attribute set from names and values (no positions). */
export function attrsOf(record: Readonly<Record<string, Slot>>, pos?: Span): NixAttrs {
  const m = new Map<string, Attr>();
  for (const [k, v] of Object.entries(record)) m.set(k, { value: v, pos });
  return new NixAttrs(m);
}

/** A string value with its context (plain string when the context is empty). */
export function mkString(s: string, context: ReadonlySet<string> | undefined): string | NixString {
  return context === undefined || context.size === 0 ? s : new NixString(s, context);
}

export function isString(v: Value): v is string | NixString {
  return typeof v === "string" || v instanceof NixString;
}

export function stringOf(v: string | NixString): string {
  return typeof v === "string" ? v : v.s;
}

export function contextOf(v: string | NixString): ReadonlySet<string> | undefined {
  return typeof v === "string" ? undefined : v.context;
}

export function isInt(v: Value): v is number | bigint {
  return typeof v === "number" || typeof v === "bigint";
}

export function isFunction(v: Value): v is NixLambda | NixPrimOp | NixPrimOpApp {
  return v instanceof NixLambda || v instanceof NixPrimOp || v instanceof NixPrimOpApp;
}

/** Nix's `builtins.typeOf` names. */
export function typeOf(v: Value): string {
  if (typeof v === "number" || typeof v === "bigint") return "int";
  if (typeof v === "boolean") return "bool";
  if (v === null) return "null";
  if (typeof v === "string" || v instanceof NixString) return "string";
  if (v instanceof NixFloat) return "float";
  if (v instanceof NixPath) return "path";
  if (Array.isArray(v)) return "list";
  if (v instanceof NixAttrs) return "set";
  return "lambda";
}

/** Nix's `showType`: "an integer", "a set", "the built-in function 'map'", … */
export function showType(v: Value): string {
  if (typeof v === "number" || typeof v === "bigint") return "an integer";
  if (typeof v === "boolean") return "a Boolean";
  if (v === null) return "null";
  if (typeof v === "string") return "a string";
  if (v instanceof NixString) return "a string with context";
  if (v instanceof NixFloat) return "a float";
  if (v instanceof NixPath) return "a path";
  if (Array.isArray(v)) return "a list";
  if (v instanceof NixAttrs) return "a set";
  if (v instanceof NixLambda) return "a function";
  if (v instanceof NixPrimOp) return `the built-in function '${v.name}'`;
  return `the partially applied built-in function '${(v as NixPrimOpApp).primop.name}'`;
}

/** Normalises a bigint result to the integer representation (number when safe). */
export function normInt(b: bigint): number | bigint {
  return b >= -9007199254740991n && b <= 9007199254740991n ? Number(b) : b;
}

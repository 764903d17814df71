/**
 * One evaluation's shared state: settings, the host, the source texts (for positions), the base
 * environment with the builtins, the import cache, and where traces and warnings go. Many files can be
 * evaluated in one context (batch mode): each file is parsed and evaluated once, and `import` of the same
 * path returns the same value, as in Nix.
 */
import { diag } from "../diagnostics/diagnostic.js";
import { SourceRegistry, type Span } from "../diagnostics/span.js";
import type { Expr } from "../nix/ast.js";
import { bytesOfArray, bytesToText, textToBytes } from "../nix/bytes.js";
import { baseOfPath, canonPath, dirOfPath } from "../nix/canon-path.js";
import { type NixLints, parseNix } from "../nix/parser.js";
import { resolveScopes, type StaticEnv, staticEnv } from "../nix/scope.js";
import { createBuiltins } from "./builtins/index.js";
import { NixError } from "./errors.js";
import type { EvalHost } from "./host.js";
import { Machine } from "./machine.js";
import { addPathToStore } from "./store/store-paths.js";
import { attrsOf, Env, forceRequest, type NixAttrs, peek, type Slot, Thunk, type Value } from "./value.js";

/** `-I prefix=path` / `NIX_PATH` entries; an empty prefix matches any lookup. */
export interface SearchPathEntry {
  readonly prefix: string;
  readonly path: string;
}

export interface EvalSettings {
  readonly storeDir: string;
  readonly currentSystem: string;
  readonly currentTime: number;
  readonly nixVersion: string;
  readonly nixPath: readonly SearchPathEntry[];
  readonly pureEval: boolean;
  /** Function calls in progress before "stack overflow" (Nix's `max-call-depth`). */
  readonly maxCallDepth: number;
  /** Re-entries of the machine from TypeScript (each uses JavaScript stack). */
  readonly maxNesting: number;
  /** Pending machine frames before "stack overflow". */
  readonly maxStack: number;
  readonly pipeOperators: boolean;
  readonly lints: NixLints;
  readonly home: string | undefined;
  readonly experimentalFeatures: ReadonlySet<string>;
  /** Stop an evaluation (from its outermost entry) after this many milliseconds; 0: no limit. */
  readonly timeLimitMs: number;
}

export const DEFAULT_SETTINGS: EvalSettings = {
  storeDir: "/nix/store",
  currentSystem: "x86_64-linux",
  currentTime: 0,
  nixVersion: "2.36.0",
  nixPath: [],
  pureEval: false,
  maxCallDepth: 1_000_000,
  maxNesting: 400,
  maxStack: 20_000_000,
  pipeOperators: false,
  lints: {},
  home: undefined,
  experimentalFeatures: new Set(),
  timeLimitMs: 0,
};

/** Where traces, warnings and parse diagnostics of imported files go as they happen. */
export interface EvalSink {
  trace(text: string): void;
  warn(text: string, span: Span | undefined): void;
  diagnostic(d: import("../diagnostics/diagnostic.js").Diagnostic): void;
}

export const SILENT_SINK: EvalSink = { trace: () => {}, warn: () => {}, diagnostic: () => {} };

export class EvalContext {
  readonly machine: Machine;
  readonly sources = new SourceRegistry();
  /** psl's isolation: defaults psl supplied for options a module read (`builtins.pslNoteAssumption`). */
  readonly assumptions = new Map<string, Slot>();
  readonly staticBase: StaticEnv;
  readonly baseEnv: Env;
  readonly builtins: NixAttrs;
  readonly importCache = new Map<string, Slot>();
  /** Files written by `toFile` and friends: store path → contents (bytes). */
  readonly storeFiles = new Map<string, string>();
  /** Derivations by `.drv` path: their ATerm text (for hashDerivationModulo of dependents). */
  readonly derivations = new Map<
    string,
    { drv: import("./store/derivation.js").Derivation; modulo: Uint8Array }
  >();

  constructor(
    readonly host: EvalHost,
    readonly settings: EvalSettings,
    readonly sink: EvalSink,
  ) {
    this.machine = new Machine(this);
    const { globals, builtins } = createBuiltins(this);
    this.builtins = builtins;
    const names = [...globals.keys()];
    this.staticBase = staticEnv(names, null);
    this.baseEnv = new Env(
      null,
      names.map((n) => globals.get(n) as Slot),
    );
  }

  /** Parses a text, resolving scopes against the base environment; errors become a `NixError`. */
  parse(text: string, file: string, basePath: string): Expr {
    return this.parseWith(text, file, basePath, this.staticBase);
  }

  /** Parses a text, resolving scopes against `scope` (the base environment or a `scopedImport` one). */
  parseWith(text: string, file: string, basePath: string, scope: StaticEnv): Expr {
    this.sources.add(file, text);
    const r = parseNix(text, {
      file,
      basePath: textToBytes(basePath),
      pipeOperators: this.settings.pipeOperators,
      pureEval: this.settings.pureEval,
      lints: this.settings.lints,
      ...(this.settings.home === undefined ? {} : { home: textToBytes(this.settings.home) }),
    });
    const diagnostics = [...r.diagnostics];
    if (!diagnostics.some((d) => d.severity === "error")) diagnostics.push(...resolveScopes(r.expr, scope));
    const firstError = diagnostics.find((d) => d.severity === "error");
    for (const d of diagnostics) if (d !== firstError && d.severity !== "error") this.sink.diagnostic(d);
    if (firstError) {
      const err = new NixError(firstError.code, { message: firstError.message }, firstError.span);
      err.parseDiagnostics = diagnostics.filter((d) => d.severity === "error");
      throw err;
    }
    return r.expr;
  }

  /** The value of a file, evaluated once per path (the import cache). */
  importFile(path: string, span?: Span): Slot {
    let file = path;
    if (!this.storeFiles.has(path) && this.host.pathType(bytesToText(path)) === "directory") {
      file = `${path === "/" ? "" : path}/default.nix`;
    }
    const cached = this.importCache.get(file);
    if (cached !== undefined) return cached;
    const bytes = this.readFileBytes(file, span);
    const text = bytesToText(bytes);
    const ctx = this;
    const thunk = Thunk.native(function* () {
      const expr = ctx.parse(text, bytesToText(file), bytesToText(dirOfPath(file)));
      return (
        peek(Thunk.expr(expr, ctx.baseEnv)) ?? ((yield forceRequest(Thunk.expr(expr, ctx.baseEnv))) as Value)
      );
    });
    this.importCache.set(file, thunk);
    return thunk;
  }

  /** A file's bytes as a byte string; store files written during evaluation are found too. */
  readFileBytes(path: string, span?: Span): string {
    const stored = this.storeFiles.get(path);
    if (stored !== undefined) return stored;
    const data = this.host.readFile(bytesToText(path));
    if (data === undefined) {
      const what = this.host.pathType(bytesToText(path)) === undefined ? "does not exist" : "cannot be read";
      throw new NixError("PSL2013", { message: `path '${path}' ${what}` }, span);
    }
    return bytesOfArray(data);
  }

  /** `{ column; file; line; }` for a span (`__curPos`, `unsafeGetAttrPos`). */
  positionAttrs(span: Span | undefined): Value {
    if (span === undefined) return null;
    const pos = this.sources.position(span);
    return attrsOf({ column: pos?.column ?? 0, file: textToBytes(span.file), line: pos?.line ?? 0 });
  }

  /** `file:line:column` of a span, for messages. */
  describePos(span: Span | undefined): string {
    if (span === undefined) return "«unknown»";
    const pos = this.sources.position(span);
    return pos ? `${span.file}:${pos.line}:${pos.column}` : span.file;
  }

  /** Copies a path to the (virtual) store as a source, returning the store path and adding it to `context`. */
  copyPathToStore(path: string, context: Set<string>, span: Span | undefined): string {
    if (path.endsWith(".drv"))
      throw new NixError("PSL2017", { message: "file names are not allowed to end in '.drv'" }, span);
    const storePath = addPathToStore(this, canonPath(path), baseOfPath(path), undefined, span);
    context.add(storePath);
    return storePath;
  }

  /** Reports `builtins.warn` (an "evaluation warning"), or with `nix` one of Nix's own warnings. */
  warn(message: string, span: Span | undefined, nix = false): void {
    this.sink.warn(message, span);
    this.sink.diagnostic(diag(nix ? "PSL2019" : "PSL2015", { message }, span ? { span } : {}));
  }
}

/**
 * The Nix parser: hand-written, following Nix's bison grammar production by production (`expr_function`,
 * `expr_if`, pipes, `expr_op`, `expr_app`, `expr_select`, `expr_simple`, binds, formals) with the same
 * precedence and associativity table. Operators are parsed with an explicit operand/operator stack, and
 * chains of `x:`, `assert`, `with`, `let … in` and `else if` in loops, so long chains do not use the
 * JavaScript stack; only real bracket nesting recurses, and past `maxDepth` levels it stops with a
 * diagnostic (Nix itself stops near 10,000 with "memory exhausted").
 *
 * Syntax errors are diagnostics, several per file: a broken binding is skipped up to its `;`, a broken
 * list element up to the `]`, and parsing goes on. Parse-time errors Nix reports (duplicate attributes and
 * formals, dynamic attributes in `let`/`inherit`, invalid literals) are diagnostics too. Relative path
 * literals are resolved against `basePath` here, as in Nix.
 */
import { type Diagnostic, diag } from "../diagnostics/diagnostic.js";
import { LineMap, type Span } from "../diagnostics/span.js";
import {
  AssertExpr,
  type AttrName,
  AttrsExpr,
  attrDef,
  BinaryExpr,
  CallExpr,
  ConcatExpr,
  CurPosExpr,
  ErrorExpr,
  type Expr,
  FloatExpr,
  type Formal,
  type Formals,
  HasAttrExpr,
  IfExpr,
  InheritFromExpr,
  IntExpr,
  LambdaExpr,
  LetExpr,
  ListExpr,
  NotExpr,
  PathExpr,
  SelectExpr,
  StringExpr,
  VarExpr,
  WithExpr,
} from "./ast.js";
import { addAttr, addInheritFrom, addNamedAttr, findDef, finishDefs, pushDef } from "./bindings.js";
import { canonPath } from "./canon-path.js";
import { exact } from "./exact.js";
import { type IndPart, stripIndentation } from "./indented-string.js";
import { type LexProblem, TokenStream } from "./lexer.js";
import { nixSources } from "./source-table.js";
import { P, T, type TokenKind, tokenName } from "./token.js";

export type LintLevel = "ignore" | "warn" | "fatal";

/** Nix's lint settings for literals (`--lint-url-literals` and friends), all "ignore" by default. */
export interface NixLints {
  readonly url?: LintLevel;
  readonly absolutePath?: LintLevel;
  readonly shortPath?: LintLevel;
}

export interface ParseOptions {
  /** The name spans carry (a path, or `«string»`/`«stdin»`). */
  readonly file: string;
  /** The absolute directory relative path literals resolve against. */
  readonly basePath: string;
  readonly pipeOperators?: boolean;
  /** The home directory for `~/…` paths. */
  readonly home?: string;
  /** Pure evaluation: `~/…` paths are an error. */
  readonly pureEval?: boolean;
  readonly lints?: NixLints;
  /** Bracket nesting allowed before giving up with a diagnostic. */
  readonly maxDepth?: number;
  /** Syntax errors reported before giving up. */
  readonly maxErrors?: number;
}

export interface ParseResult {
  readonly expr: Expr;
  readonly diagnostics: readonly Diagnostic[];
}

export const DEFAULT_MAX_DEPTH = 1000;

/** Appends to a lazily created array. */
function push<T>(list: T[] | undefined, item: T): T[] {
  const l = list ?? [];
  l.push(item);
  return l;
}

/** Thrown inside the parser after a syntax error has been reported; caught at a recovery point. */
class SyntaxAbort {}
/** Thrown when nesting or error limits are reached; ends the parse. */
class ParseStop {}

// Binary operator precedence (bison's %left/%right/%nonassoc, 1 = loosest).
const Assoc = { Left: 0, Right: 1, None: 2 } as const;
type Assoc = (typeof Assoc)[keyof typeof Assoc];
const BINARY: ReadonlyMap<TokenKind, readonly [number, Assoc]> = new Map<TokenKind, readonly [number, Assoc]>(
  [
    [T.IMPL, [1, Assoc.Right]],
    [T.OR, [2, Assoc.Left]],
    [T.AND, [3, Assoc.Left]],
    [T.EQ, [4, Assoc.None]],
    [T.NEQ, [4, Assoc.None]],
    [P.LT, [5, Assoc.None]],
    [P.GT, [5, Assoc.None]],
    [T.LEQ, [5, Assoc.None]],
    [T.GEQ, [5, Assoc.None]],
    [T.UPDATE, [6, Assoc.Right]],
    [P.PLUS, [8, Assoc.Left]],
    [P.MINUS, [8, Assoc.Left]],
    [P.STAR, [9, Assoc.Left]],
    [P.SLASH, [9, Assoc.Left]],
    [T.CONCAT, [10, Assoc.Right]],
    [P.QUESTION, [11, Assoc.Left]],
  ],
);
const PREC_NOT = 7;
const PREC_NEGATE = 12;

/** Tokens that can start an `expr_select` (an application argument or a list element): 1 in the table. */
const STARTS_SELECT = new Uint8Array(256);
for (const k of [
  T.ID,
  T.INT,
  T.FLOAT,
  P.QUOTE,
  T.IND_STRING_OPEN,
  T.PATH,
  T.HPATH,
  T.SPATH,
  T.URI,
  P.LPAREN,
  T.LET,
  T.REC,
  P.LBRACE,
  P.LBRACKET,
])
  STARTS_SELECT[k] = 1;

/** The precedence and associativity of each binary operator token (precedence 0: not one). */
const BINARY_PREC = new Uint8Array(256);
const BINARY_ASSOC = new Uint8Array(256);
for (const [k, [prec, assoc]] of BINARY) {
  BINARY_PREC[k] = prec;
  BINARY_ASSOC[k] = assoc;
}

const ATTR_EXPECT = ["identifier", "'or'", "'${'", "'\"'"];

/** Parses one Nix text into an expression and its diagnostics. Never throws on bad input. */
export function parseNix(text: string, options: ParseOptions): ParseResult {
  const tokens = new TokenStream(text, { pipeOperators: options.pipeOperators ?? false });
  const p = new Parser(text, tokens, options);
  const expr = p.parseTop();
  // The lexer's problems come first, from the whole text, as if it had been lexed up front.
  tokens.drain();
  const lexed = p.lexDiagnostics(tokens.problems);
  return { expr, diagnostics: lexed.length === 0 ? p.diagnostics : [...lexed, ...p.diagnostics] };
}

class Parser {
  readonly diagnostics: Diagnostic[] = [];
  private i = 0;
  private depth = 0;
  private errors = 0;
  private lastErrorToken = -1;
  private lineMap: LineMap | undefined;
  /** The token ring (token `n` at `n & mask`) and how many tokens are lexed so far. */
  private readonly kinds: Uint8Array;
  private readonly starts: Int32Array;
  private readonly ends: Int32Array;
  private readonly mask: number;
  private avail = 0;
  private readonly tokens: TokenStream;
  private readonly file: string;
  /** The position of the text's first character (see `source-table.ts`); a node at offset o is at base + o. */
  private readonly base: number;
  private readonly maxDepth: number;
  private readonly maxErrors: number;
  /**
   * The operand and operator stacks of `parseOpStack`, shared by its nested calls (each works above the
   * heights it found): an operator is its token kind (negated for a prefix `!` or `-`) and its start.
   */
  private readonly operandStack: Expr[] = [];
  private readonly opKinds: number[] = [];
  private readonly opStarts: number[] = [];
  /**
   * Where the arguments of a call and the parts of a string gather before they go to an array of their
   * exact length (an array grown by `push` keeps room for 16 more, and the tree keeps every one).
   * Shared by nested calls like the stacks above: each works above the height it found and pops back.
   */
  private readonly exprStack: Expr[] = [];
  /** `f or` calls that still warn if used as an argument, list element or `or` default. */
  private readonly cursedOr = new Map<Expr, Span>();
  /**
   * One array per name for the attribute paths of one static name (`lib.mkIf`, `inherit (lib) mkIf`):
   * the most common paths by far, and the tree never changes a select's path.
   */
  private readonly namePaths = new Map<string, readonly AttrName[]>();
  /** Relative path literals resolved so far (`./default.nix` comes back often in one file). */
  private readonly relativePaths = new Map<string, string>();

  constructor(
    private readonly text: string,
    tokens: TokenStream,
    private readonly options: ParseOptions,
  ) {
    this.kinds = tokens.kinds;
    this.starts = tokens.starts;
    this.ends = tokens.ends;
    this.mask = tokens.mask;
    this.tokens = tokens;
    this.file = options.file;
    this.base = nixSources.add(options.file, text.length);
    this.maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
    this.maxErrors = options.maxErrors ?? 20;
  }

  // ---- plumbing ----------------------------------------------------------------------------------

  private tok(): TokenKind {
    const i = this.i;
    return i < this.avail ? (this.kinds[i & this.mask] as TokenKind) : this.kindAhead(i);
  }

  private peek(n: number): TokenKind {
    const i = this.i + n;
    return i < this.avail ? (this.kinds[i & this.mask] as TokenKind) : this.kindAhead(i);
  }

  /** The kind of token `i`, not lexed yet: lexes on (keeping the previous token); EOF past the end. */
  private kindAhead(i: number): TokenKind {
    this.lexMore();
    return i < this.avail ? (this.kinds[i & this.mask] as TokenKind) : T.EOF;
  }

  private lexMore(): void {
    if (this.tokens.done) return;
    this.tokens.fill(this.i > 0 ? this.i - 1 : 0);
    this.avail = this.tokens.count;
  }

  /** Where token `i` (the current one or one ahead) starts; the text's end past the last token. */
  private startAt(i: number): number {
    if (i >= this.avail) this.lexMore();
    return i < this.avail ? (this.starts[i & this.mask] as number) : this.text.length;
  }

  /** Where token `i` ends; `fallback` past the last token. */
  private endAt(i: number, fallback: number): number {
    if (i >= this.avail) this.lexMore();
    return i < this.avail ? (this.ends[i & this.mask] as number) : fallback;
  }

  private get start(): number {
    return this.startAt(this.i);
  }

  private get prevEnd(): number {
    return this.i > 0 ? (this.ends[(this.i - 1) & this.mask] as number) : 0;
  }

  private span(start: number, end = this.prevEnd): Span {
    return { file: this.file, start, end: Math.max(start, end) };
  }

  /** The position of offset `start` of this text. */
  private at(start: number): number {
    return this.base + start;
  }

  private value(): string {
    return String(this.tokens.value(this.i) ?? "");
  }

  private where(offset: number): string {
    this.lineMap ??= new LineMap(this.text);
    const pos = this.lineMap.position(offset);
    return `${this.file}:${pos.line}:${pos.column}`;
  }

  private report(d: Diagnostic): void {
    this.diagnostics.push(d);
  }

  /** Reports "unexpected X[, expecting …]" at the current token and aborts to the nearest recovery point. */
  private unexpected(expecting: readonly string[] = []): never {
    this.reportUnexpected(expecting);
    throw new SyntaxAbort();
  }

  /** Reports "unexpected X[, expecting …]" at the current token (once per token). */
  private reportUnexpected(expecting: readonly string[]): void {
    if (this.i !== this.lastErrorToken) {
      this.lastErrorToken = this.i;
      const k = this.tok();
      const detail =
        expecting.length > 0 && expecting.length <= 4
          ? `unexpected ${tokenName(k)}, expecting ${expecting.join(" or ")}`
          : `unexpected ${tokenName(k)}`;
      const at = this.start;
      this.report(diag("PSL1001", { detail }, { span: this.span(at, this.endAt(this.i, at)) }));
      if (++this.errors >= this.maxErrors) throw new ParseStop();
    }
  }

  /** Consumes a `kind` token, or reports what was expected (by default that token). */
  private expect(kind: TokenKind, expecting?: readonly string[]): void {
    if (this.tok() !== kind) this.unexpected(expecting ?? [tokenName(kind)]);
    this.i++;
  }

  /** The diagnostics of the lexer's problems. */
  lexDiagnostics(problems: readonly LexProblem[]): Diagnostic[] {
    return problems.map((p) => {
      const span = this.span(p.start, p.end);
      switch (p.kind) {
        case "invalid-integer":
          return diag("PSL1002", { text: p.text }, { span });
        case "invalid-float":
          return diag("PSL1003", { text: p.text }, { span });
        case "trailing-slash":
          return diag("PSL1004", {}, { span });
        case "pipe-operators":
          return diag("PSL1010", {}, { span });
        default:
          return diag("PSL1011", {}, { span }); // "nul-byte"
      }
    });
  }

  parseTop(): Expr {
    const at = this.start;
    try {
      const e = this.parseExpr();
      if (this.tok() !== T.EOF) this.unexpected(["end of file"]);
      return e;
    } catch (x) {
      if (x instanceof SyntaxAbort || x instanceof ParseStop) return this.errorNode(at);
      if (x instanceof RangeError) {
        this.report(diag("PSL1012", { limit: this.maxDepth }, { span: this.span(this.start, this.start) }));
        return this.errorNode(at);
      }
      throw x;
    }
  }

  private errorNode(start: number): Expr {
    return new ErrorExpr(this.at(start));
  }

  /**
   * Skips tokens up to one of `stops` at this nesting level (not consumed). Unbalanced closing brackets
   * other than `closer` (the one that ends the enclosing construct, where skipping stops too) are skipped.
   */
  private recover(stops: readonly TokenKind[], closer: TokenKind): void {
    let level = 0;
    for (;;) {
      const k = this.tok();
      if (k === T.EOF) return;
      if (level === 0 && (stops.includes(k) || k === closer)) return;
      if (k === P.LBRACE || k === P.LPAREN || k === P.LBRACKET || k === T.DOLLAR_CURLY) level++;
      else if ((k === P.RBRACE || k === P.RPAREN || k === P.RBRACKET) && level > 0) level--;
      this.i++;
    }
  }

  // ---- expr_function -----------------------------------------------------------------------------

  /** `expr`: lambdas, `assert`, `with` and `let … in` prefixes (in a loop), then `expr_if`. */
  private parseExpr(): Expr {
    type Prefix =
      | { t: "lambda"; start: number; arg: string | undefined; formals: Formals | undefined }
      | { t: "assert" | "with"; start: number; e: Expr }
      | { t: "let"; start: number; attrs: AttrsExpr };
    let prefixes: Prefix[] | undefined;
    for (;;) {
      const k = this.tok();
      const start = this.start;
      if (k === T.ID && this.peek(1) === P.COLON) {
        const arg = this.value();
        this.i += 2;
        prefixes = push(prefixes, { t: "lambda", start, arg, formals: undefined });
      } else if (k === T.ID && this.peek(1) === P.AT) {
        const arg = this.value();
        const argSpan = this.span(start, this.endAt(this.i, start));
        this.i += 2;
        if (this.tok() !== P.LBRACE) this.unexpected(["'{'"]);
        const formals = this.parseFormals(arg, argSpan);
        this.expect(P.COLON);
        prefixes = push(prefixes, { t: "lambda", start, arg, formals });
      } else if (k === P.LBRACE && this.looksLikeFormals()) {
        let formals = this.parseFormals(undefined, undefined);
        let arg: string | undefined;
        if (this.tok() === P.AT) {
          this.i++;
          if (this.tok() !== T.ID) this.unexpected(["identifier"]);
          arg = this.value();
          const argSpan = this.span(this.start, this.endAt(this.i, this.start));
          this.i++;
          formals = this.checkArgAgainstFormals(formals, arg, argSpan);
          this.expect(P.COLON);
        } else {
          this.expect(P.COLON, ["':'", "'@'"]);
        }
        prefixes = push(prefixes, { t: "lambda", start, arg, formals });
      } else if (k === T.ASSERT || k === T.WITH) {
        this.i++;
        const e = this.parseExpr();
        this.expect(P.SEMI);
        prefixes = push(prefixes, { t: k === T.ASSERT ? "assert" : "with", start, e });
      } else if (k === T.LET && this.peek(1) !== P.LBRACE) {
        this.i++;
        const attrs = new AttrsExpr(this.at(start), false);
        this.parseBinds(attrs, T.IN);
        this.expect(T.IN, ["'in'"]);
        if (attrs.dynamic.length > 0) {
          const d = attrs.dynamic[0];
          this.report(diag("PSL1007", {}, { span: d ? d.span : this.span(start) }));
        }
        prefixes = push(prefixes, { t: "let", start, attrs });
      } else break;
    }
    let body = this.parseIf();
    if (prefixes === undefined) return body;
    for (let j = prefixes.length - 1; j >= 0; j--) {
      const p = prefixes[j] as Prefix;
      const pos = this.at(p.start);
      switch (p.t) {
        case "lambda":
          body = new LambdaExpr(pos, p.arg, p.formals, body);
          break;
        case "assert":
          body = new AssertExpr(pos, p.e, body);
          break;
        case "with":
          body = new WithExpr(pos, p.e, body);
          break;
        case "let":
          p.attrs.pos = pos;
          body = new LetExpr(pos, p.attrs, body);
          break;
      }
    }
    return body;
  }

  /** After `{`: is this a formal parameter set (`{ a, b ? 1, ... }:`) rather than an attribute set? */
  private looksLikeFormals(): boolean {
    const k1 = this.peek(1);
    if (k1 === P.RBRACE) {
      const k2 = this.peek(2);
      return k2 === P.COLON || k2 === P.AT;
    }
    if (k1 === T.ELLIPSIS) return true;
    if (k1 === T.ID) {
      const k2 = this.peek(2);
      return k2 === P.COMMA || k2 === P.QUESTION || k2 === P.RBRACE;
    }
    return false;
  }

  private parseFormals(arg: string | undefined, argSpan: Span | undefined): Formals {
    this.expect(P.LBRACE);
    const entries: Formal[] = [];
    let ellipsis = false;
    for (;;) {
      const k = this.tok();
      if (k === P.RBRACE) break;
      if (k === T.ELLIPSIS) {
        this.i++;
        ellipsis = true;
        if (this.tok() !== P.RBRACE) this.unexpected(["'}'"]);
        break;
      }
      if (k !== T.ID) this.unexpected(entries.length === 0 ? ["'}'", "identifier", "'...'"] : ["identifier"]);
      const start = this.start;
      const name = this.value();
      this.i++;
      let def: Expr | undefined;
      if (this.tok() === P.QUESTION) {
        this.i++;
        def = this.parseExpr();
      }
      entries.push({ name, def, span: this.span(start) });
      if (this.tok() === P.COMMA) {
        this.i++;
        continue;
      }
      if (this.tok() !== P.RBRACE) this.unexpected(["'}'", "','"]);
    }
    this.i++;
    const formals: Formals = { entries, ellipsis };
    this.checkDuplicateFormals(formals);
    return arg !== undefined && argSpan ? this.checkArgAgainstFormals(formals, arg, argSpan) : formals;
  }

  private checkDuplicateFormals(formals: Formals): void {
    const sorted = [...formals.entries].sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : a.span.start - b.span.start,
    );
    let dup: Formal | undefined;
    for (let j = 0; j + 1 < sorted.length; j++) {
      const a = sorted[j] as Formal;
      const b = sorted[j + 1] as Formal;
      if (a.name !== b.name) continue;
      if (!dup || b.name < dup.name || (b.name === dup.name && b.span.start < dup.span.start)) dup = b;
    }
    if (dup) this.report(diag("PSL1006", { name: dup.name }, { span: dup.span }));
  }

  private checkArgAgainstFormals(formals: Formals, arg: string, argSpan: Span): Formals {
    if (formals.entries.some((f) => f.name === arg))
      this.report(diag("PSL1006", { name: arg }, { span: argSpan }));
    return formals;
  }

  // ---- expr_if, pipes ----------------------------------------------------------------------------

  private parseIf(): Expr {
    if (this.tok() !== T.IF) return this.parsePipe();
    // `if … else if … else …` chains are read in a loop (no recursion per link); a lone `if` needs no list.
    let heads: { start: number; cond: Expr; thenExpr: Expr }[] | undefined;
    let start = -1;
    let cond: Expr | undefined;
    let thenExpr: Expr | undefined;
    while (this.tok() === T.IF) {
      if (cond !== undefined && thenExpr !== undefined) {
        heads ??= [];
        heads.push({ start, cond, thenExpr });
      }
      start = this.start;
      this.i++;
      cond = this.parseExpr();
      this.expect(T.THEN);
      thenExpr = this.parseExpr();
      this.expect(T.ELSE);
    }
    let e = new IfExpr(this.at(start), cond as Expr, thenExpr as Expr, this.parseExpr());
    if (heads === undefined) return e;
    for (let j = heads.length - 1; j >= 0; j--) {
      const h = heads[j] as { start: number; cond: Expr; thenExpr: Expr };
      e = new IfExpr(this.at(h.start), h.cond, h.thenExpr, e);
    }
    return e;
  }

  private parsePipe(): Expr {
    const first = this.parseOp();
    if (this.tok() === T.PIPE_INTO) {
      let left = first;
      while (this.tok() === T.PIPE_INTO) {
        const opStart = this.start;
        this.i++;
        const right = this.parseOp();
        left = this.makeCall(right, [left], this.at(opStart));
      }
      if (this.tok() === T.PIPE_FROM) this.unexpected();
      return left;
    }
    if (this.tok() === T.PIPE_FROM) {
      const operands: Expr[] = [first];
      const ops: number[] = [];
      while (this.tok() === T.PIPE_FROM) {
        ops.push(this.start);
        this.i++;
        operands.push(this.parseOp());
      }
      if (this.tok() === T.PIPE_INTO) this.unexpected();
      let right = operands[operands.length - 1] as Expr;
      for (let j = operands.length - 2; j >= 0; j--) {
        right = this.makeCall(operands[j] as Expr, [right], this.at(ops[j] ?? 0));
      }
      return right;
    }
    return first;
  }

  // ---- expr_op: an operand/operator stack --------------------------------------------------------

  private parseOp(): Expr {
    // The common case: one operand and no operator (no stacks needed).
    const k0 = this.tok();
    if (k0 !== P.BANG && k0 !== P.MINUS) {
      const first = this.parseApp();
      if (BINARY_PREC[this.tok()] === 0) return first;
      return this.parseOpStack(first);
    }
    return this.parseOpStack(undefined);
  }

  private parseOpStack(first: Expr | undefined): Expr {
    const operands = this.operandStack;
    const opKinds = this.opKinds;
    const opStarts = this.opStarts;
    const operandBase = operands.length;
    const opBase = opKinds.length;
    try {
      for (;;) {
        // An operand, with its prefix operators.
        for (; first === undefined; ) {
          const k = this.tok();
          if (k !== P.BANG && k !== P.MINUS) break;
          opKinds.push(-k);
          opStarts.push(this.start);
          this.i++;
        }
        if (first !== undefined) {
          operands.push(first);
          first = undefined;
        } else operands.push(this.parseApp());
        // Binary operators (and `?`, whose right side is an attribute path).
        for (;;) {
          const k = this.tok();
          const prec = BINARY_PREC[k] as number;
          if (prec === 0) {
            while (opKinds.length > opBase) this.reduceOp();
            return operands[operandBase] as Expr;
          }
          while (opKinds.length > opBase) {
            const top = opKinds[opKinds.length - 1] as number;
            if (top < 0) {
              if ((top === -P.BANG ? PREC_NOT : PREC_NEGATE) >= prec) {
                this.reduceOp();
                continue;
              }
              break;
            }
            const topPrec = BINARY_PREC[top] as number;
            const topAssoc = BINARY_ASSOC[top] as number;
            if (topPrec > prec || (topPrec === prec && topAssoc === Assoc.Left)) {
              this.reduceOp();
              continue;
            }
            if (topPrec === prec && topAssoc === Assoc.None) this.unexpected();
            break;
          }
          const start = this.start;
          this.i++;
          if (k === P.QUESTION) {
            const e = operands.pop() as Expr;
            const path = this.parseAttrPath();
            operands.push(new HasAttrExpr(e.pos, e, this.shared(path)));
            continue;
          }
          opKinds.push(k);
          opStarts.push(start);
          break;
        }
      }
    } finally {
      // Popped, not cut with `length =`: setting a length of 0 drops the array's storage, and the next
      // expression would allocate it again.
      while (operands.length > operandBase) operands.pop();
      while (opKinds.length > opBase) opKinds.pop();
      while (opStarts.length > opBase) opStarts.pop();
    }
  }

  /** Applies the operator on top of the stack to its operands (a prefix operator's kind is negated). */
  private reduceOp(): void {
    const k = this.opKinds.pop() as number;
    const start = this.opStarts.pop() as number;
    const operands = this.operandStack;
    if (k < 0) {
      const e = operands.pop() as Expr;
      operands.push(this.makePrefix(-k, start, e));
    } else {
      const r = operands.pop() as Expr;
      const l = operands.pop() as Expr;
      operands.push(this.makeBinary(k, start, l, r));
    }
  }

  private variable(name: string, start: number): VarExpr {
    return new VarExpr(this.at(start), name);
  }

  private makePrefix(kind: number, start: number, e: Expr): Expr {
    const pos = this.at(start);
    if (kind === P.BANG) return new NotExpr(pos, e);
    return new CallExpr(pos, new VarExpr(pos, "__sub"), [new IntExpr(pos, 0), e]);
  }

  /** A desugared operator: `__name a b` at the left operand, the operator's place on the variable. */
  private opCall(opStart: number, name: string, a: Expr, b: Expr, pos: number): CallExpr {
    return new CallExpr(pos, new VarExpr(this.at(opStart), name), [a, b]);
  }

  private makeBinary(kind: number, opStart: number, l: Expr, r: Expr): Expr {
    const pos = l.pos;
    switch (kind) {
      case T.EQ:
        return new BinaryExpr(pos, "==", l, r);
      case T.NEQ:
        return new BinaryExpr(pos, "!=", l, r);
      case T.AND:
        return new BinaryExpr(pos, "&&", l, r);
      case T.OR:
        return new BinaryExpr(pos, "||", l, r);
      case T.IMPL:
        return new BinaryExpr(pos, "->", l, r);
      case T.UPDATE:
        return new BinaryExpr(pos, "//", l, r);
      case T.CONCAT:
        return new BinaryExpr(pos, "++", l, r);
      case P.PLUS:
        return new ConcatExpr(pos, [l, r], false);
      case P.MINUS:
        return this.opCall(opStart, "__sub", l, r, pos);
      case P.STAR:
        return this.opCall(opStart, "__mul", l, r, pos);
      case P.SLASH:
        return this.opCall(opStart, "__div", l, r, pos);
      case P.LT:
        return this.opCall(opStart, "__lessThan", l, r, pos);
      case P.GT:
        return this.opCall(opStart, "__lessThan", r, l, pos);
      case T.LEQ:
        return new NotExpr(pos, this.opCall(opStart, "__lessThan", r, l, pos));
      default:
        return new NotExpr(pos, this.opCall(opStart, "__lessThan", l, r, pos));
    }
  }

  /**
   * Nix's `makeCall`: `fn` applied to `args` (an array of their exact length, kept by the new call), at
   * `pos` or `fn`'s position if earlier; applying a call to more arguments extends that call.
   */
  private makeCall(fn: Expr, args: Expr[], pos: number): Expr {
    if (fn.kind === "call") {
      fn.args = fn.args.concat(args);
      return fn;
    }
    return new CallExpr(Math.min(pos, fn.pos), fn, args);
  }

  // ---- expr_app, expr_select ---------------------------------------------------------------------

  private parseApp(): Expr {
    const fn = this.parseSelect();
    this.cursedOr.delete(fn);
    if (STARTS_SELECT[this.tok()] !== 1) return fn;
    // The arguments gather on a stack shared by nested calls, then go to an array of their exact length.
    const args = this.exprStack;
    const base = args.length;
    try {
      do {
        const arg = this.parseSelect();
        this.warnIfCursedOr(arg);
        args.push(arg);
      } while (STARTS_SELECT[this.tok()] === 1);
      return this.makeCall(fn, args.slice(base), fn.pos);
    } finally {
      while (args.length > base) args.pop();
    }
  }

  private warnIfCursedOr(e: Expr): void {
    const span = this.cursedOr.get(e);
    if (span === undefined) return;
    this.cursedOr.delete(e);
    const text = `(${this.text.slice(span.start, span.end)})`;
    this.report(diag("PSL1013", { text }, { span }));
  }

  private parseSelect(): Expr {
    const start = this.start;
    const e = this.parseSimple();
    if (this.tok() === P.DOT) {
      this.i++;
      const path = this.parseAttrPath();
      let def: Expr | undefined;
      if (this.tok() === T.OR_KW) {
        this.i++;
        def = this.parseSelect();
        this.warnIfCursedOr(def);
      }
      return new SelectExpr(e.pos, e, this.shared(path), def);
    }
    if (this.tok() === T.OR_KW) {
      const orVar = this.variable("or", this.start);
      this.i++;
      const call = new CallExpr(this.at(start), e, [orVar]);
      this.cursedOr.set(call, this.span(start));
      return call;
    }
    return e;
  }

  // ---- expr_simple -------------------------------------------------------------------------------

  private parseSimple(): Expr {
    if (++this.depth > this.maxDepth) {
      this.report(diag("PSL1012", { limit: this.maxDepth }, { span: this.span(this.start, this.start) }));
      throw new ParseStop();
    }
    try {
      return this.parseSimpleInner();
    } finally {
      this.depth--;
    }
  }

  private parseSimpleInner(): Expr {
    const k = this.tok();
    const start = this.start;
    const end = this.endAt(this.i, start);
    switch (k) {
      case T.ID: {
        const name = this.value();
        this.i++;
        if (name === "__curPos") return new CurPosExpr(this.at(start));
        return this.variable(name, start);
      }
      case T.INT: {
        const v = this.tokens.intValue(this.i);
        this.i++;
        return new IntExpr(this.at(start), v);
      }
      case T.FLOAT: {
        const v = Number(this.tokens.value(this.i) ?? 0);
        this.i++;
        return new FloatExpr(this.at(start), v);
      }
      case P.QUOTE:
        return this.parseString();
      case T.IND_STRING_OPEN:
        return this.parseIndString();
      case T.PATH:
      case T.HPATH:
        return this.parsePath();
      case T.SPATH: {
        const raw = this.value();
        this.i++;
        const pos = this.at(start);
        return new CallExpr(pos, new VarExpr(pos, "__findFile"), [
          new VarExpr(pos, "__nixPath"),
          new StringExpr(pos, raw.slice(1, -1)),
        ]);
      }
      case T.URI: {
        const raw = this.value();
        this.i++;
        this.lint(this.options.lints?.url, "PSL1015", { text: raw }, this.span(start, end));
        return new StringExpr(this.at(start), raw);
      }
      case P.LPAREN: {
        this.i++;
        const e = this.parseExpr();
        this.expect(P.RPAREN);
        return e;
      }
      case T.LET: {
        // `let { …; body = e; }` is `(rec { … }).body`.
        this.i++;
        this.expect(P.LBRACE);
        const attrs = new AttrsExpr(this.at(start), true);
        this.parseBinds(attrs, P.RBRACE);
        this.expect(P.RBRACE);
        return new SelectExpr(attrs.pos, attrs, this.namePath("body"), undefined);
      }
      case T.REC:
      case P.LBRACE: {
        if (k === T.REC) {
          this.i++;
          if (this.tok() !== P.LBRACE) this.unexpected(["'{'"]);
        }
        this.i++;
        const attrs = new AttrsExpr(this.at(start), k === T.REC);
        this.parseBinds(attrs, P.RBRACE);
        this.expect(P.RBRACE);
        return attrs;
      }
      case P.LBRACKET: {
        this.i++;
        const elems: Expr[] = [];
        while (this.tok() !== P.RBRACKET) {
          if (STARTS_SELECT[this.tok()] !== 1) {
            if (this.tok() === T.EOF || this.tok() === P.RBRACE || this.tok() === P.RPAREN)
              this.unexpected(["']'"]);
            this.reportUnexpected([]);
            this.i++;
            continue;
          }
          try {
            const el = this.parseSelect();
            this.warnIfCursedOr(el);
            elems.push(el);
          } catch (x) {
            if (!(x instanceof SyntaxAbort)) throw x;
            this.recover([], P.RBRACKET);
            if (this.tok() !== P.RBRACKET) throw x;
          }
        }
        this.i++;
        return new ListExpr(this.at(start), exact(elems));
      }
      default:
        return this.unexpected();
    }
  }

  private lint(
    level: LintLevel | undefined,
    code: "PSL1015" | "PSL1016" | "PSL1017" | "PSL1018",
    args: Record<string, string>,
    span: Span,
  ): void {
    if (level === undefined || level === "ignore") return;
    const fatal = level === "fatal";
    const fullArgs = code === "PSL1015" ? { ...args, how: fatal ? "disallowed" : "discouraged" } : args;
    this.report(diag(code, fullArgs, { span, severity: fatal ? "error" : "warning" }));
  }

  // ---- strings and paths -------------------------------------------------------------------------

  /** `"…"`: a plain string, or a concatenation when it interpolates. */
  private parseString(): Expr {
    const start = this.start;
    const parts = this.parseStringParts();
    const pos = this.at(start);
    if (parts === undefined) return new StringExpr(pos, "");
    if (typeof parts === "string") return new StringExpr(pos, parts);
    return new ConcatExpr(pos, parts, true);
  }

  /** Consumes `"…"`; a string when it has no interpolation, else the parts (undefined when empty). */
  private parseStringParts(): string | Expr[] | undefined {
    this.expect(P.QUOTE);
    // The common case, `"text"`: no parts to build.
    if (this.tok() === T.STR && this.peek(1) === P.QUOTE) {
      const v = this.value();
      this.i += 2;
      return v;
    }
    if (this.tok() === P.QUOTE) {
      this.i++;
      return undefined;
    }
    const parts = this.exprStack;
    const base = parts.length;
    try {
      const interpolated = this.readParts(P.QUOTE, ["'\"'"]);
      if (!interpolated) return parts.length === base ? undefined : (parts[base] as StringExpr).value;
      return parts.slice(base);
    } finally {
      while (parts.length > base) parts.pop();
    }
  }

  /**
   * Reads literal pieces (STR tokens) and `${…}` interpolations up to and including `close`, onto
   * `exprStack`; whether there was an interpolation. The caller takes them off the stack.
   */
  private readParts(close: TokenKind, expecting: readonly string[]): boolean {
    const parts = this.exprStack;
    let interpolated = false;
    for (;;) {
      const k = this.tok();
      if (k === close) break;
      if (k === T.STR) {
        parts.push(new StringExpr(this.at(this.start), this.value()));
        this.i++;
      } else if (k === T.DOLLAR_CURLY) {
        this.i++;
        interpolated = true;
        parts.push(this.parseExpr());
        this.expect(P.RBRACE);
      } else this.unexpected(expecting);
    }
    this.i++;
    return interpolated;
  }

  private parseIndString(): Expr {
    const start = this.start;
    this.i++;
    const parts: IndPart[] = [];
    for (;;) {
      const k = this.tok();
      if (k === T.IND_STRING_CLOSE) break;
      if (k === T.IND_STR || k === T.IND_STR_LIT) {
        const s = this.start;
        parts.push({ kind: "text", bytes: this.value(), indent: k === T.IND_STR, pos: this.at(s) });
        this.i++;
      } else if (k === T.DOLLAR_CURLY) {
        this.i++;
        parts.push({ kind: "expr", expr: this.parseExpr() });
        this.expect(P.RBRACE);
      } else this.unexpected(["end of an indented string"]);
    }
    this.i++;
    return stripIndentation(parts, this.at(start));
  }

  private parsePath(): Expr {
    const k = this.tok();
    const start = this.start;
    const literal = this.value();
    const litSpan = this.span(start, this.endAt(this.i, start));
    this.i++;
    let value: string;
    if (k === T.HPATH) {
      if (this.options.pureEval) this.report(diag("PSL1014", { path: literal }, { span: litSpan }));
      this.lint(this.options.lints?.absolutePath, "PSL1018", { text: literal }, litSpan);
      value = (this.options.home ?? "") + literal.slice(1);
    } else if (literal.startsWith("/")) {
      this.lint(this.options.lints?.absolutePath, "PSL1016", { text: literal }, litSpan);
      value = canonPath(literal);
      if (literal.length > 1 && literal.endsWith("/")) value += "/";
    } else {
      if (!literal.startsWith("."))
        this.lint(this.options.lints?.shortPath, "PSL1017", { text: literal }, litSpan);
      value = this.relativePath(literal);
      if (literal.length > 1 && literal.endsWith("/")) value += "/";
    }
    const head: Expr = new PathExpr(this.at(start), value);
    if (this.tok() === T.PATH_END) {
      this.i++;
      return head;
    }
    const parts = this.exprStack;
    const base = parts.length;
    try {
      parts.push(head);
      this.readParts(T.PATH_END, []);
      return new ConcatExpr(this.at(start), parts.slice(base), false);
    } finally {
      while (parts.length > base) parts.pop();
    }
  }

  // ---- bindings ----------------------------------------------------------------------------------

  /** `binds`: bindings until `end` (`}` or `in`), recovering from a broken binding at its `;`. */
  private parseBinds(attrs: AttrsExpr, end: TokenKind): void {
    for (;;) {
      const k = this.tok();
      if (k === end || k === T.EOF) {
        finishDefs(attrs);
        return;
      }
      const before = this.i;
      try {
        if (k === T.INHERIT) this.parseInherit(attrs);
        else if (k === T.ID || k === T.OR_KW || k === P.QUOTE || k === T.DOLLAR_CURLY)
          this.parseBinding(attrs);
        else this.unexpected(end === T.IN ? ["'in'", "'inherit'"] : ["'}'", "'inherit'"]);
      } catch (x) {
        if (!(x instanceof SyntaxAbort)) throw x;
        if (this.tok() !== P.SEMI) this.recover([P.SEMI, T.IN], end === T.IN ? P.RBRACE : end);
        if (this.tok() === P.SEMI) this.i++;
        else if (this.i === before) this.i++;
        if (this.tok() === P.RBRACE && end === T.IN) return;
      }
    }
  }

  private parseBinding(attrs: AttrsExpr): void {
    const start = this.start;
    if (this.tok() === T.ID && this.peek(1) === P.ASSIGN) {
      // `name = value;`
      const name = this.value();
      this.i += 2;
      const value = this.parseExpr();
      this.expect(P.SEMI);
      addNamedAttr(attrs, attrDef(this.at(start), "plain", name, value), this.reportDuplicate);
      return;
    }
    const path = this.parseAttrPath();
    const pathSpan = this.span(start);
    this.expect(P.ASSIGN, ["'.'", "'='"]);
    const value = this.parseExpr();
    this.expect(P.SEMI);
    addAttr(attrs, path, pathSpan, this.at(start), value, this.reportDuplicate);
  }

  /** "attribute 'x' already defined at …" (one function for every binding). */
  private readonly reportDuplicate = (name: string, span: Span, previous: Span): void => {
    this.report(diag("PSL1005", { name, where: this.where(previous.start) }, { span }));
  };

  private parseInherit(attrs: AttrsExpr): void {
    this.i++;
    let from: InheritFromExpr | undefined;
    if (this.tok() === P.LPAREN) {
      const s = this.start;
      this.i++;
      const src = this.parseExpr();
      this.expect(P.RPAREN);
      addInheritFrom(attrs, src);
      from = new InheritFromExpr(this.at(s), src);
    }
    for (;;) {
      const k = this.tok();
      if (k === P.SEMI) break;
      const start = this.start;
      let name: string;
      if (k === T.ID || k === T.OR_KW) {
        name = k === T.OR_KW ? "or" : this.value();
        this.i++;
      } else if (k === P.QUOTE) {
        const parts = this.parseStringParts();
        if (parts !== undefined && typeof parts !== "string") {
          this.report(diag("PSL1008", {}, { span: this.span(start) }));
          continue;
        }
        name = parts ?? "";
      } else if (k === T.DOLLAR_CURLY) {
        this.i++;
        const e = this.parseExpr();
        this.expect(P.RBRACE);
        if (e.kind !== "string") {
          this.report(diag("PSL1008", {}, { span: this.span(start) }));
          continue;
        }
        name = e.value;
      } else this.unexpected(["';'", ...ATTR_EXPECT.slice(0, 2)]);
      const span = this.span(start);
      const value: Expr = from
        ? new SelectExpr(this.at(start), from, this.namePath(name), undefined)
        : this.variable(name, start);
      const existing = findDef(attrs, name);
      if (existing) {
        this.report(diag("PSL1005", { name, where: this.where(existing.start) }, { span }));
        continue;
      }
      const kind = from ? "inheritedFrom" : "inherited";
      pushDef(attrs, attrDef(this.at(start), kind, name, value));
    }
    this.i++;
  }

  /** A relative path literal resolved against the file's directory, once per literal. */
  private relativePath(literal: string): string {
    let value = this.relativePaths.get(literal);
    if (value === undefined) {
      value = canonPath(literal, this.options.basePath);
      this.relativePaths.set(literal, value);
    }
    return value;
  }

  /** The shared path of the one static name `name`. */
  private namePath(name: string): readonly AttrName[] {
    let path = this.namePaths.get(name);
    if (path === undefined) {
      path = [name];
      this.namePaths.set(name, path);
    }
    return path;
  }

  /** `path`, or the shared array for it when it is one static name. */
  private shared(path: AttrName[]): readonly AttrName[] {
    const only = path[0];
    return path.length === 1 && typeof only === "string" ? this.namePath(only) : path;
  }

  /** `attrpath`: `a.b."c".${d}`. */
  private parseAttrPath(): AttrName[] {
    const path: AttrName[] = [this.parseAttrName()];
    while (this.tok() === P.DOT) {
      this.i++;
      path.push(this.parseAttrName());
    }
    return path;
  }

  private parseAttrName(): AttrName {
    const k = this.tok();
    if (k === T.ID) {
      const v = this.value();
      this.i++;
      return v;
    }
    if (k === T.OR_KW) {
      this.i++;
      return "or";
    }
    if (k === P.QUOTE) {
      const start = this.start;
      const parts = this.parseStringParts();
      if (parts === undefined) return "";
      if (typeof parts === "string") return parts;
      return new ConcatExpr(this.at(start), parts, true);
    }
    if (k === T.DOLLAR_CURLY) {
      this.i++;
      const e = this.parseExpr();
      this.expect(P.RBRACE);
      // `${"a"}` names a static attribute (allowed in `let` and `inherit`, as in Nix).
      return e.kind === "string" ? e.value : e;
    }
    return this.unexpected(ATTR_EXPECT);
  }
}

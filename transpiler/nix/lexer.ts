/**
 * The Nix lexer. It follows the flex scanner of Nix rule by rule: at each position every rule that can
 * start there is tried, the longest match wins and ties go to the rule listed first (keywords before
 * identifiers, `x:y` is a URI, `a/b` a path, `1.0/3` a path too). A state stack drives strings: `"`,
 * `''`, `${`, `{` push and `}` and closing quotes pop, so interpolation nests; paths have their own
 * states so that `./a/${b}/c` lexes as PATH, `${`, …, STR, PATH_END.
 *
 * Tokens go into parallel arrays (kind, start, end, value) that form a ring the lexer fills as the parser
 * reads on (`TokenStream`): the parser needs two tokens of lookahead, to tell `{ a, b }:` from
 * `{ a = b; }`, and one behind, and a whole large file's token arrays would cost fresh memory for every
 * page of them. Offsets are UTF-16 offsets into the source text. Identifiers are interned: each distinct
 * name is one string, found again by a hash of its characters without slicing the text, so a large
 * file allocates one string per name, not per use (and the maps that later key on names hash each name
 * once). String values are Nix byte strings (see `bytes.ts`). Problems (an integer that does not fit, a
 * path with a trailing slash, a disabled pipe operator) are recorded with their span and lexing goes on.
 */
import { textToBytes } from "./bytes.js";
import { KEYWORDS, T, type TokenKind } from "./token.js";

export type LexProblemKind =
  | "invalid-integer"
  | "invalid-float"
  | "trailing-slash"
  | "pipe-operators"
  | "nul-byte";

export interface LexProblem {
  readonly kind: LexProblemKind;
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

export interface LexOptions {
  /** Accept `|>` and `<|` (Nix's experimental feature `pipe-operators`). */
  readonly pipeOperators?: boolean;
}

// Lexer states (flex start conditions).
const S_DEFAULT = 0;
const S_STRING = 1;
const S_IND_STRING = 2;
const S_INPATH = 3;
const S_INPATH_SLASH = 4;

// Character classes as bit flags over ASCII.
const C_ID_START = 1;
const C_ID = 2;
const C_PATH = 4;
const C_DIGIT = 8;
const C_URI_SCHEME = 16;
const C_URI = 32;
const CLASS = new Uint8Array(128);
{
  const set = (chars: string, flag: number) => {
    for (const ch of chars) CLASS[ch.charCodeAt(0)] = (CLASS[ch.charCodeAt(0)] ?? 0) | flag;
  };
  const lower = "abcdefghijklmnopqrstuvwxyz";
  const letters = lower + lower.toUpperCase();
  const digits = "0123456789";
  set(`${letters}_`, C_ID_START);
  set(`${letters}${digits}_'-`, C_ID);
  set(`${letters}${digits}._-+`, C_PATH);
  set(digits, C_DIGIT);
  set(`${letters}${digits}+-.`, C_URI_SCHEME);
  set(`${letters}${digits}%/?:@&=+$,-_.!~*'`, C_URI);
}

function cls(code: number): number {
  return code < 128 ? (CLASS[code] ?? 0) : 0;
}

const TWO_CHAR_OPS: ReadonlyMap<number, TokenKind> = new Map(
  (
    [
      ["==", T.EQ],
      ["!=", T.NEQ],
      ["<=", T.LEQ],
      [">=", T.GEQ],
      ["&&", T.AND],
      ["||", T.OR],
      ["->", T.IMPL],
      ["//", T.UPDATE],
      ["++", T.CONCAT],
      ["<|", T.PIPE_FROM],
      ["|>", T.PIPE_INTO],
    ] as const
  ).map(([op, kind]) => [op.charCodeAt(0) * 256 + op.charCodeAt(1), kind]),
);

/** Punctuation that never starts a longer token. */
const SIMPLE_PUNCT = new Uint8Array(128);
for (const ch of ";,()[]@?:") SIMPLE_PUNCT[ch.charCodeAt(0)] = 1;

const OP_START: ReadonlySet<number> = new Set([..."=!<>&|-/+"].map((ch) => ch.charCodeAt(0)));

const INT64_MAX = 9223372036854775807n;

/**
 * The identifiers of one text, each stored once: an open-addressing table keyed by a hash of the
 * characters, compared against the text in place, so a name seen before costs no allocation.
 */
class NameTable {
  readonly names: string[] = [];
  /** The keyword token of each name (`names[i]`), or -1 when it is an identifier: found once per name. */
  readonly keywords: number[] = [];
  /** Slot → index in `names` + 1 (0: empty). */
  private slots = new Int32Array(1024);
  private hashes = new Int32Array(1024);

  constructor(private readonly text: string) {}

  /** The index of the name `text[start, end)`, adding it when new. */
  intern(start: number, end: number): number {
    const text = this.text;
    let h = 0;
    for (let i = start; i < end; i++) h = (Math.imul(h, 31) + text.charCodeAt(i)) | 0;
    const len = end - start;
    const mask = this.slots.length - 1;
    for (let j = h & mask; ; j = (j + 1) & mask) {
      const at = this.slots[j] ?? 0;
      if (at === 0) return this.add(j, h, start, end);
      if (this.hashes[j] !== h) continue;
      const name = this.names[at - 1] as string;
      if (name.length !== len) continue;
      let k = 0;
      while (k < len && name.charCodeAt(k) === text.charCodeAt(start + k)) k++;
      if (k === len) return at - 1;
    }
  }

  private add(slot: number, h: number, start: number, end: number): number {
    const index = this.names.length;
    const name = this.text.slice(start, end);
    this.names.push(name);
    this.keywords.push(KEYWORDS.get(name) ?? -1);
    this.slots[slot] = index + 1;
    this.hashes[slot] = h;
    if (this.names.length * 2 > this.slots.length) this.grow();
    return index;
  }

  private grow(): void {
    const oldSlots = this.slots;
    const oldHashes = this.hashes;
    this.slots = new Int32Array(oldSlots.length * 2);
    this.hashes = new Int32Array(oldSlots.length * 2);
    const mask = this.slots.length - 1;
    for (let i = 0; i < oldSlots.length; i++) {
      const at = oldSlots[i] ?? 0;
      if (at === 0) continue;
      const h = oldHashes[i] ?? 0;
      let j = h & mask;
      while ((this.slots[j] ?? 0) !== 0) j = (j + 1) & mask;
      this.slots[j] = at;
      this.hashes[j] = h;
    }
  }
}

/** Where the lexer puts tokens: a ring of a power-of-two size; token `n` is at `n & mask`. */
class TokenSink {
  count = 0;
  readonly kinds: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  /**
   * An identifier's index in the name table; 0 for another token whose value is not just its text (the
   * value is then at the same place in `values`); else -1.
   */
  readonly aux: Int32Array;
  /** STR/IND_STR bytes, long INT values. */
  /**
   * STR/IND_STR bytes, long INT values, at their token's place in the ring. A ring, not a list of every
   * value: a list as long as the file's strings grows in old space, and each young string stored into it
   * is a slot the next scavenge must visit.
   */
  readonly values: (string | number | bigint | undefined)[];
  readonly mask: number;

  constructor(capacity: number) {
    this.kinds = new Uint8Array(capacity);
    this.starts = new Int32Array(capacity);
    this.ends = new Int32Array(capacity);
    this.aux = new Int32Array(capacity);
    this.values = new Array(capacity).fill(undefined);
    this.mask = capacity - 1;
  }

  /** An identifier token; `name` is its index in the name table. */
  pushName(start: number, end: number, name: number): void {
    const i = this.count++ & this.mask;
    this.kinds[i] = T.ID;
    this.starts[i] = start;
    this.ends[i] = end;
    this.aux[i] = name;
  }

  push(kind: TokenKind, start: number, end: number, value?: string | number | bigint): void {
    const i = this.count++ & this.mask;
    this.kinds[i] = kind;
    this.starts[i] = start;
    this.ends[i] = end;
    if (value === undefined) this.aux[i] = -1;
    else {
      this.aux[i] = 0;
      this.values[i] = value;
    }
  }
}

/**
 * The ring's size for a long text: 16,384 tokens (about 340 kB), far more than the parser looks back or
 * ahead. A short text's ring is as long as the text, at least 256 tokens.
 */
const RING_BITS = 14;
/** Tokens of the ring kept free below the oldest one the reader may still read. */
const RING_SLACK = 8;

/**
 * The tokens of a text, lexed into a ring as the reader asks for them. Token `n` is at `n & mask`; `count` tokens are lexed so far, and `done` once the last (EOF) is among them.
 * `fill(oldest)` lexes ahead as far as the ring allows while keeping tokens from `oldest` on.
 */
export class TokenStream {
  readonly kinds: Uint8Array;
  readonly starts: Int32Array;
  readonly ends: Int32Array;
  readonly aux: Int32Array;
  readonly mask: number;
  private readonly lexer: Lexer;

  constructor(text: string, options: LexOptions = {}) {
    // A text has fewer tokens than characters (plus the final ones): a short text gets a short ring.
    const bits = Math.min(RING_BITS, Math.max(8, Math.ceil(Math.log2(text.length + 16))));
    const sink = new TokenSink(1 << bits);
    this.lexer = new Lexer(text, options, sink);
    this.kinds = sink.kinds;
    this.starts = sink.starts;
    this.ends = sink.ends;
    this.aux = sink.aux;
    this.mask = sink.mask;
  }

  get count(): number {
    return this.lexer.sink.count;
  }

  get done(): boolean {
    return this.lexer.done;
  }

  /** Lexes on, keeping every token from `oldest` (which must be at most `count`). */
  fill(oldest: number): void {
    this.lexer.run(oldest + this.mask + 1 - RING_SLACK);
  }

  /** Lexes the rest of the text (its tokens are overwritten), for the problems. */
  drain(): void {
    while (!this.lexer.done) this.lexer.run(this.lexer.sink.count + this.mask + 1 - RING_SLACK);
  }

  /**
   * Token `i`'s value: ID/URI/PATH/SPATH text, STR/IND_STR bytes, INT (number or bigint), FLOAT (number).
   * Values that are the token's own text are sliced when asked for, so lexing makes no strings for them.
   */
  value(i: number): string | number | bigint | undefined {
    const j = i & this.mask;
    const a = this.aux[j] ?? -1;
    const k = this.kinds[j];
    if (a >= 0) return k === T.ID ? this.lexer.names.names[a] : this.lexer.sink.values[j];
    const slice = this.lexer.text.slice(this.starts[j], this.ends[j]);
    if (k === T.INT || k === T.FLOAT) return Number(slice);
    if (k === T.ID || k === T.URI || k === T.PATH || k === T.HPATH || k === T.SPATH || k === T.STR)
      return slice;
    return undefined;
  }

  /** The value of INT token `i`; a short one is read from its digits (no string is made for it). */
  intValue(i: number): number | bigint {
    const j = i & this.mask;
    const a = this.aux[j] ?? -1;
    if (a >= 0) return this.lexer.sink.values[j] as number | bigint;
    const text = this.lexer.text;
    const end = this.ends[j] ?? 0;
    let v = 0;
    for (let k = this.starts[j] ?? 0; k < end; k++) v = v * 10 + (text.charCodeAt(k) - 48);
    return v;
  }

  get problems(): readonly LexProblem[] {
    return this.lexer.problems;
  }
}

class Lexer {
  readonly names: NameTable;
  readonly problems: LexProblem[] = [];
  /** Set once the final EOF token is pushed. */
  done = false;
  private readonly stack: number[] = [];
  private pos = 0;

  constructor(
    readonly text: string,
    private readonly options: LexOptions,
    readonly sink: TokenSink,
  ) {
    this.names = new NameTable(text);
  }

  /** An identifier or keyword token for `text[start, end)`. */
  private pushWord(start: number, end: number): void {
    const index = this.names.intern(start, end);
    const kw = this.names.keywords[index] ?? -1;
    if (kw >= 0) this.sink.push(kw as TokenKind, start, end);
    else this.sink.pushName(start, end, index);
  }

  private bestLen = 0;
  private bestRank = 99;
  private bestKind: TokenKind = T.INVALID;
  /** Records a candidate match: the longest wins; on a tie the earlier rule (lower rank). */
  private readonly offerFn = (len: number, rank: number, kind: TokenKind): void => {
    if (len > this.bestLen || (len === this.bestLen && len > 0 && rank < this.bestRank)) {
      this.bestLen = len;
      this.bestRank = rank;
      this.bestKind = kind;
    }
  };

  /**
   * The common tokens without trying every rule: an identifier or keyword, or a decimal integer, not
   * followed by a character that could make a longer path or URI; punctuation that starts nothing longer.
   */
  private fastToken(c: number, k: number, p: number): boolean {
    const text = this.text;
    if (k & C_ID_START) {
      let i = p + 1;
      let d = i < text.length ? text.charCodeAt(i) : -1;
      while (d >= 0 && cls(d) & C_ID) d = ++i < text.length ? text.charCodeAt(i) : -1;
      if (d === 47 || d === 46 || d === 43 || d === 58) return false;
      this.pushWord(p, i);
      this.pos = i;
      return true;
    }
    if (k & C_DIGIT) {
      let i = p + 1;
      let d = i < text.length ? text.charCodeAt(i) : -1;
      while (d >= 0 && cls(d) & C_DIGIT) d = ++i < text.length ? text.charCodeAt(i) : -1;
      if (d >= 0 && cls(d) & (C_PATH | C_ID)) return false;
      if (d === 47) return false;
      this.pushInt(p, i);
      this.pos = i;
      return true;
    }
    if (SIMPLE_PUNCT[c] === 1) {
      this.sink.push(c, p, p + 1);
      this.pos = p + 1;
      return true;
    }
    const n = p + 1 < text.length ? text.charCodeAt(p + 1) : -1;
    // `{`, `}`, `"` start nothing longer (but change the state); `=` unless `==`; `.` that is not `...`,
    // a float or a path (no `/` after its path characters).
    if (c === 123 || c === 125 || c === 34 || (c === 61 && n !== 61)) {
      this.pos = p + 1;
      this.single(c, p);
      return true;
    }
    if (c === 46 && n !== 46 && !(cls(n) & C_DIGIT)) {
      let i = p + 1;
      while (i < text.length && cls(text.charCodeAt(i)) & C_PATH) i++;
      if (text.charCodeAt(i) === 47) return false;
      this.sink.push(46, p, p + 1);
      this.pos = p + 1;
      return true;
    }
    return false;
  }

  private get state(): number {
    return this.stack.length === 0 ? S_DEFAULT : (this.stack[this.stack.length - 1] ?? S_DEFAULT);
  }

  private push(state: number): void {
    this.stack.push(state);
  }

  private pop(): void {
    this.stack.pop();
  }

  private code(i: number): number {
    return i < this.text.length ? this.text.charCodeAt(i) : -1;
  }

  /** Lexes until `target` tokens are pushed or the text ends (then the final tokens are pushed too). */
  run(target: number): void {
    if (this.done) return;
    const n = this.text.length;
    const sink = this.sink;
    while (this.pos < n) {
      if (sink.count >= target) return;
      switch (this.state) {
        case S_DEFAULT:
          this.lexDefault();
          break;
        case S_STRING:
          if (!this.lexString()) {
            this.finish();
            return;
          }
          break;
        case S_IND_STRING:
          if (!this.lexIndString()) {
            this.finish();
            return;
          }
          break;
        case S_INPATH:
        case S_INPATH_SLASH:
          this.lexInPath();
          break;
      }
    }
    // At the end of input a path still open ends (or, after a slash, is an error).
    const st = this.state;
    if (st === S_INPATH) this.sink.push(T.PATH_END, n, n);
    else if (st === S_INPATH_SLASH) {
      this.problem("trailing-slash", n, n);
      this.sink.push(T.PATH_END, n, n);
    }
    this.finish();
  }

  private finish(): void {
    const n = this.text.length;
    this.sink.push(T.EOF, n, n);
    this.done = true;
  }

  private problem(kind: LexProblemKind, start: number, end: number): void {
    this.problems.push({ kind, start, end, text: this.text.slice(start, end) });
  }

  // ---- DEFAULT state -------------------------------------------------------------------------------

  private lexDefault(): void {
    const text = this.text;
    const n = text.length;
    let p = this.pos;
    // Trivia first (whitespace and comments cannot tie with a token of the same length), then the token.
    let c = text.charCodeAt(p);
    for (;;) {
      if (c === 32 || c === 9 || c === 10 || c === 13) {
        c = text.charCodeAt(++p);
      } else if (c === 35 /* # */) {
        do c = text.charCodeAt(++p);
        while (p < n && c !== 10 && c !== 13);
      } else if (c === 47 /* / */ && text.charCodeAt(p + 1) === 42 /* * */) {
        const end = text.indexOf("*/", p + 2);
        // Unterminated: flex's comment rule does not match; `/` is lexed as a token.
        if (end < 0) break;
        p = end + 2;
        c = text.charCodeAt(p);
      } else break;
    }
    this.pos = p;
    if (p >= n) return;

    const k = cls(c);
    if (this.fastToken(c, k, p)) return;

    // Candidates: the longest match wins; on a tie the earlier rule (lower rank) wins.
    this.bestLen = 0;
    this.bestRank = 99;
    this.bestKind = T.INVALID;
    const offer = this.offerFn;

    // rank 0: keywords; rank 4: identifiers.
    if (k & C_ID_START) {
      let i = p + 1;
      while (i < text.length && cls(text.charCodeAt(i)) & C_ID) i++;
      const word = text.slice(p, i);
      const kw = KEYWORDS.get(word);
      offer(i - p, kw === undefined ? 4 : 0, kw ?? T.ID);
    }
    // rank 1: `...`; rank 2: two-character operators.
    if (c === 46 && this.code(p + 1) === 46 && this.code(p + 2) === 46) offer(3, 1, T.ELLIPSIS);
    if (OP_START.has(c)) {
      const op = TWO_CHAR_OPS.get(c * 256 + this.code(p + 1));
      if (op !== undefined) offer(2, 2, op);
    }
    // rank 5: integers; rank 6: floats.
    if (k & C_DIGIT) {
      let i = p + 1;
      while (i < text.length && cls(text.charCodeAt(i)) & C_DIGIT) i++;
      offer(i - p, 5, T.INT);
    }
    if (k & C_DIGIT || c === 46) offer(this.matchFloat(p), 6, T.FLOAT);
    // rank 7: `${`
    if (c === 36 && this.code(p + 1) === 123) offer(2, 7, T.DOLLAR_CURLY);
    // rank 10: `''`
    if (c === 39 && this.code(p + 1) === 39) offer(2, 10, T.IND_STRING_OPEN);
    // rank 11: PATH_SEG followed by `${`; rank 12: PATH.
    let pathSegLen = 0;
    if (k & C_PATH || c === 47) {
      let i = p;
      while (i < text.length && cls(text.charCodeAt(i)) & C_PATH) i++;
      if (this.code(i) === 47 && this.code(i + 1) === 36 && this.code(i + 2) === 123) {
        pathSegLen = i + 1 - p;
        offer(i + 3 - p, 11, T.PATH);
      }
      offer(this.matchPath(p), 12, T.PATH);
    }
    // rank 11: `~/` followed by `${`; rank 13: HPATH.
    if (c === 126 /* ~ */) {
      if (this.code(p + 1) === 47 && this.code(p + 2) === 36 && this.code(p + 3) === 123) {
        pathSegLen = 2;
        offer(4, 11, T.HPATH);
      }
      if (this.code(p + 1) === 47) {
        const len = this.matchPath(p + 1);
        if (len > 0) offer(len + 1, 13, T.HPATH);
      }
    }
    // rank 14: SPATH
    if (c === 60 /* < */) offer(this.matchSpath(p), 14, T.SPATH);
    // rank 15: URI
    if (k & C_ID_START && c !== 95) offer(this.matchUri(p), 15, T.URI);
    // rank 20: any single character (punctuation is its own kind).
    const bestLen = this.bestLen;
    const bestRank = this.bestRank;
    const bestKind = this.bestKind;
    if (bestLen === 0) {
      this.pos = p + 1;
      this.single(c, p);
      return;
    }

    const end = p + bestLen;
    if (bestRank === 11) {
      // `{PATH_SEG}${`: the path token is only the segment; `${` is lexed in the path state.
      const segEnd = p + pathSegLen;
      this.sink.push(bestKind, p, segEnd);
      this.push(S_INPATH_SLASH);
      this.pos = segEnd;
      return;
    }
    this.pos = end;
    switch (bestKind) {
      case T.ID:
        this.pushWord(p, end);
        return;
      case T.URI:
      case T.SPATH:
        this.sink.push(bestKind, p, end);
        return;
      case T.PATH:
      case T.HPATH:
        this.sink.push(bestKind, p, end);
        this.push(text.charCodeAt(end - 1) === 47 ? S_INPATH_SLASH : S_INPATH);
        return;
      case T.INT:
        this.pushInt(p, end);
        return;
      case T.FLOAT: {
        const v = Number(text.slice(p, end));
        if (!Number.isFinite(v)) this.problem("invalid-float", p, end);
        this.sink.push(T.FLOAT, p, end);
        return;
      }
      case T.DOLLAR_CURLY:
        this.sink.push(T.DOLLAR_CURLY, p, end);
        this.push(S_DEFAULT);
        return;
      case T.IND_STRING_OPEN: {
        // `''` followed by spaces and a newline swallows them.
        let i = end;
        while (this.code(i) === 32) i++;
        if (this.code(i) === 10) this.pos = i + 1;
        this.sink.push(T.IND_STRING_OPEN, p, this.pos);
        this.push(S_IND_STRING);
        return;
      }
      case T.PIPE_FROM:
      case T.PIPE_INTO:
        if (!this.options.pipeOperators) this.problem("pipe-operators", p, end);
        this.sink.push(bestKind, p, end);
        return;
      default:
        this.sink.push(bestKind, p, end);
    }
  }

  private single(c: number, p: number): void {
    if (c === 123 /* { */) {
      this.push(S_DEFAULT);
      this.sink.push(c, p, p + 1);
    } else if (c === 125 /* } */) {
      if (this.stack.length > 0) this.pop();
      this.sink.push(c, p, p + 1);
    } else if (c === 34 /* " */) {
      this.push(S_STRING);
      this.sink.push(c, p, p + 1);
    } else if (c < 128) {
      this.sink.push(c === 0 ? T.INVALID : c, p, p + 1);
    } else {
      // A non-ASCII character outside a string: bison sees a byte it has no token for.
      const cp = this.text.codePointAt(p) ?? c;
      this.pos = p + (cp > 0xffff ? 2 : 1);
      this.sink.push(T.INVALID, p, this.pos);
    }
  }

  /** An integer token; short ones are parsed when the parser asks, long ones checked here. */
  private pushInt(start: number, end: number): void {
    if (end - start < 16) this.sink.push(T.INT, start, end);
    else this.sink.push(T.INT, start, end, this.intValue(start, end));
  }

  private intValue(start: number, end: number): number | bigint {
    const s = this.text.slice(start, end);
    if (s.length < 16) return Number(s);
    const b = BigInt(s);
    if (b > INT64_MAX) {
      this.problem("invalid-integer", start, end);
      return 0;
    }
    return b <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(b) : b;
  }

  /** `(([1-9][0-9]*\.[0-9]*)|(0?\.[0-9]+))([Ee][+-]?[0-9]+)?` at `p`: its length, or 0. */
  private matchFloat(p: number): number {
    const digitsFrom = (i: number) => {
      while (cls(this.code(i)) & C_DIGIT) i++;
      return i;
    };
    let best = -1;
    const c = this.code(p);
    if (c >= 49 && c <= 57) {
      const i = digitsFrom(p + 1);
      if (this.code(i) === 46) best = Math.max(best, digitsFrom(i + 1));
    }
    {
      let i = p;
      if (c === 48) i++;
      if (this.code(i) === 46) {
        const j = digitsFrom(i + 1);
        if (j > i + 1) best = Math.max(best, j);
      }
    }
    if (best < 0) return 0;
    const e = this.code(best);
    if (e === 69 || e === 101) {
      let i = best + 1;
      const s = this.code(i);
      if (s === 43 || s === 45) i++;
      const j = digitsFrom(i);
      if (j > i) best = j;
    }
    return best - p;
  }

  /** `{PATH_CHAR}*(\/{PATH_CHAR}+)+\/?` at `p`: its length, or 0. */
  private matchPath(p: number): number {
    let i = p;
    while (cls(this.code(i)) & C_PATH) i++;
    let segments = 0;
    while (this.code(i) === 47 && cls(this.code(i + 1)) & C_PATH) {
      i += 2;
      while (cls(this.code(i)) & C_PATH) i++;
      segments++;
    }
    if (segments === 0) return 0;
    if (this.code(i) === 47) i++;
    return i - p;
  }

  /** `<{PATH_CHAR}+(\/{PATH_CHAR}+)*>` at `p`: its length, or 0. */
  private matchSpath(p: number): number {
    let i = p + 1;
    if (!(cls(this.code(i)) & C_PATH)) return 0;
    while (cls(this.code(i)) & C_PATH) i++;
    while (this.code(i) === 47 && cls(this.code(i + 1)) & C_PATH) {
      i += 2;
      while (cls(this.code(i)) & C_PATH) i++;
    }
    return this.code(i) === 62 ? i + 1 - p : 0;
  }

  /** `[a-zA-Z][a-zA-Z0-9\+\-\.]*\:[uri chars]+` at `p`: its length, or 0. */
  private matchUri(p: number): number {
    let i = p + 1;
    while (cls(this.code(i)) & C_URI_SCHEME) i++;
    if (this.code(i) !== 58) return 0;
    const j = ++i;
    while (cls(this.code(i)) & C_URI) i++;
    return i > j ? i - p : 0;
  }

  // ---- STRING state --------------------------------------------------------------------------------

  /** Lexes one token inside `"…"`; false when the input ends inside the string. */
  private lexString(): boolean {
    const text = this.text;
    const p = this.pos;
    const c = text.charCodeAt(p);
    if (c === 34) {
      this.pop();
      this.sink.push(34, p, p + 1);
      this.pos = p + 1;
      return true;
    }
    if (c === 36 && this.code(p + 1) === 123) {
      this.push(S_DEFAULT);
      this.sink.push(T.DOLLAR_CURLY, p, p + 2);
      this.pos = p + 2;
      return true;
    }
    // A run of string characters: plain chars, `\x` escapes, `$` not starting `${`.
    let i = p;
    let out = "";
    let runStart = p;
    let nul = false;
    const n = text.length;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d === 34) break;
      if (d === 92 /* \ */) {
        if (i + 1 >= n) break;
        out += text.slice(runStart, i);
        const e = text.charCodeAt(i + 1);
        out += e === 110 ? "\n" : e === 114 ? "\r" : e === 116 ? "\t" : text[i + 1];
        i += 2;
        runStart = i;
        continue;
      }
      if (d === 36 /* $ */) {
        const e = this.code(i + 1);
        if (e === 123) break;
        if (e === 34) {
          i++;
          break;
        }
        if (e === -1) break;
        if (e === 92) {
          // `$\x`: a dollar, then an escape.
          if (i + 2 >= n) break;
          out += text.slice(runStart, i + 1);
          const f = text.charCodeAt(i + 2);
          out += f === 110 ? "\n" : f === 114 ? "\r" : f === 116 ? "\t" : text[i + 2];
          i += 3;
          runStart = i;
          continue;
        }
        i += 2;
        continue;
      }
      if (d === 13) {
        out += `${text.slice(runStart, i)}\n`;
        i += this.code(i + 1) === 10 ? 2 : 1;
        runStart = i;
        continue;
      }
      if (d === 0) nul = true;
      i++;
    }
    if (i === p) {
      // A lone `$` or `\` right before the end of input: the parser reports the end of file.
      this.pos = n;
      return false;
    }
    out += text.slice(runStart, i);
    if (nul) this.problem("nul-byte", p, i);
    this.sink.push(T.STR, p, i, textToBytes(out));
    this.pos = i;
    return true;
  }

  // ---- IND_STRING state ----------------------------------------------------------------------------

  /** Lexes one token inside `''…''`; false when the input ends inside the string. */
  private lexIndString(): boolean {
    const text = this.text;
    const p = this.pos;
    const c = text.charCodeAt(p);
    const c1 = this.code(p + 1);
    if (c === 39 && c1 === 39) {
      const c2 = this.code(p + 2);
      if (c2 === 39) return this.indLit(p, 3, "''");
      if (c2 === 36) return this.indLit(p, 3, "$");
      if (c2 === 92 && p + 3 < text.length) {
        const e = text.charCodeAt(p + 3);
        const v = e === 110 ? "\n" : e === 114 ? "\r" : e === 116 ? "\t" : (text[p + 3] ?? "");
        return this.indLit(p, 4, v);
      }
      this.pop();
      this.sink.push(T.IND_STRING_CLOSE, p, p + 2);
      this.pos = p + 2;
      return true;
    }
    if (c === 36 && c1 === 123) {
      this.push(S_DEFAULT);
      this.sink.push(T.DOLLAR_CURLY, p, p + 2);
      this.pos = p + 2;
      return true;
    }
    let i = p;
    const n = text.length;
    while (i < n) {
      const d = text.charCodeAt(i);
      if (d === 36) {
        const e = this.code(i + 1);
        if (e === 123 || e === 39 || e === -1) break;
        i += 2;
        continue;
      }
      if (d === 39) {
        const e = this.code(i + 1);
        if (e === 39 || e === 36 || e === -1) break;
        i += 2;
        continue;
      }
      i++;
    }
    if (i > p) {
      const raw = text.slice(p, i);
      if (raw.includes("\0")) this.problem("nul-byte", p, i);
      this.sink.push(T.IND_STR, p, i, textToBytes(raw));
      this.pos = i;
      return true;
    }
    if (c === 36) return this.indLit(p, 1, "$");
    if (c === 39) {
      if (c1 === -1) {
        this.sink.push(T.IND_STR_LIT, p, p + 1, "'");
        this.pos = n;
        return false;
      }
      return this.indLit(p, 1, "'");
    }
    this.pos = n;
    return false;
  }

  private indLit(p: number, len: number, value: string): boolean {
    this.sink.push(T.IND_STR_LIT, p, p + len, textToBytes(value));
    this.pos = p + len;
    return true;
  }

  // ---- INPATH states -------------------------------------------------------------------------------

  private lexInPath(): void {
    const text = this.text;
    const p = this.pos;
    const c = text.charCodeAt(p);
    if (c === 36 && this.code(p + 1) === 123) {
      this.pop();
      this.push(S_INPATH);
      this.push(S_DEFAULT);
      this.sink.push(T.DOLLAR_CURLY, p, p + 2);
      this.pos = p + 2;
      return;
    }
    // `{PATH}|{PATH_SEG}|{PATH_CHAR}+`, longest.
    let len = this.matchPath(p);
    let i = p;
    while (cls(this.code(i)) & C_PATH) i++;
    const chars = i - p;
    const seg = this.code(i) === 47 ? chars + 1 : 0;
    len = Math.max(len, seg, chars);
    if (len > 0) {
      const end = p + len;
      this.pop();
      this.push(text.charCodeAt(end - 1) === 47 ? S_INPATH_SLASH : S_INPATH);
      this.sink.push(T.STR, p, end);
      this.pos = end;
      return;
    }
    if (this.state === S_INPATH_SLASH) this.problem("trailing-slash", p, p);
    this.pop();
    this.sink.push(T.PATH_END, p, p);
  }
}

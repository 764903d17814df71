/**
 * systemd's word splitting (`extract_first_word` with UNQUOTE and CUNESCAPE): words are separated by
 * whitespace; `'…'` and `"…"` quote anywhere inside a word; backslash escapes are C escapes inside and
 * outside quotes (`\n`, `\t`, `\xNN`, `\NNN`, `\uNNNN`, `\s` for space, …). `relax` keeps an unknown escape
 * as written (arguments of Exec lines); otherwise it is an error. And the inverse: quoting a word so that
 * systemd reads it back unchanged.
 */

export type WordsResult = { ok: true; words: string[] } | { ok: false; error: string };

const WHITESPACE = " \t\n\r";

const SIMPLE_ESCAPES: Record<string, string> = {
  a: "\x07",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
  v: "\v",
  "\\": "\\",
  '"': '"',
  "'": "'",
  s: " ",
};

/** Decodes one C escape starting after the backslash; returns the text and how many chars it used. */
export function cunescapeOne(s: string, i: number): { text: string; length: number } | undefined {
  const c = s[i];
  if (c === undefined) return undefined;
  const simple = SIMPLE_ESCAPES[c];
  if (simple !== undefined) return { text: simple, length: 1 };
  const hex = (n: number) => {
    const digits = s.slice(i + 1, i + 1 + n);
    return digits.length === n && /^[0-9a-fA-F]+$/.test(digits) ? Number.parseInt(digits, 16) : undefined;
  };
  if (c === "x") {
    const v = hex(2);
    if (v === undefined || v === 0) return undefined;
    return { text: String.fromCharCode(v), length: 3 };
  }
  if (c === "u" || c === "U") {
    const n = c === "u" ? 4 : 8;
    const v = hex(n);
    if (v === undefined || v === 0 || v > 0x10ffff || (v >= 0xd800 && v <= 0xdfff)) return undefined;
    return { text: String.fromCodePoint(v), length: n + 1 };
  }
  if (c >= "0" && c <= "3") {
    const digits = s.slice(i, i + 3);
    if (!/^[0-7]{3}$/.test(digits)) return undefined;
    const v = Number.parseInt(digits, 8);
    if (v === 0) return undefined;
    return { text: String.fromCharCode(v), length: 3 };
  }
  return undefined;
}

export interface SplitOptions {
  /** Keep unknown escapes as `\c` instead of failing (Exec arguments). */
  readonly relax?: boolean;
}

/**
 * Splits `s` into words. Errors (unbalanced quotes, a trailing backslash, an unknown escape without
 * `relax`) are returned, not thrown.
 */
export function splitWords(s: string, options: SplitOptions = {}): WordsResult {
  const words: string[] = [];
  let i = 0;
  const n = s.length;
  while (true) {
    while (i < n && WHITESPACE.includes(s[i] as string)) i++;
    if (i >= n) return { ok: true, words };
    const r = extractWord(s, i, options);
    if (!r.ok) return r;
    words.push(r.word);
    i = r.next;
  }
}

/** Extracts one word starting at `i` (not at whitespace). */
export function extractWord(
  s: string,
  i: number,
  options: SplitOptions = {},
): { ok: true; word: string; next: number } | { ok: false; error: string } {
  let word = "";
  let quote: string | undefined;
  const n = s.length;
  while (i < n) {
    const c = s[i] as string;
    if (c === "\\") {
      if (i + 1 >= n) return { ok: false, error: "a trailing backslash" };
      const esc = cunescapeOne(s, i + 1);
      if (esc) {
        word += esc.text;
        i += 1 + esc.length;
      } else if (options.relax) {
        word += `\\${s[i + 1]}`;
        i += 2;
      } else {
        return { ok: false, error: `an invalid escape \`\\${s[i + 1]}\`` };
      }
      continue;
    }
    if (quote) {
      if (c === quote) quote = undefined;
      else word += c;
      i++;
      continue;
    }
    if (c === "'" || c === '"') {
      quote = c;
      i++;
      continue;
    }
    if (WHITESPACE.includes(c)) break;
    word += c;
    i++;
  }
  if (quote) return { ok: false, error: "unbalanced quoting" };
  return { ok: true, word, next: i };
}

const BARE = /^[A-Za-z0-9_+=:,./@%$~^{}[\]-]+$/;

/** Quotes a word so that {@link splitWords} returns it unchanged (C escapes inside double quotes). */
export function quoteWord(word: string): string {
  if (word.length > 0 && BARE.test(word)) return word;
  let out = '"';
  for (const ch of word) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === "\\") out += "\\\\";
    else if (ch === '"') out += '\\"';
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (ch === "\r") out += "\\r";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += ch;
  }
  return `${out}"`;
}

/** Joins words with single spaces, quoting each as needed. */
export function joinWords(words: readonly string[]): string {
  return words.map(quoteWord).join(" ");
}

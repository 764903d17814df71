/**
 * POSIX extended regular expressions (what `builtins.match` and `builtins.split` take, through C++
 * `std::regex::extended`) translated to JavaScript regular expressions over byte strings: bracket
 * expressions keep backslashes literal and a leading `]` literal, character classes (`[:alpha:]` …)
 * become ranges, `.` matches any byte. Matching then happens byte by byte as in Nix. Compiled
 * expressions are cached.
 */

const CLASSES: Readonly<Record<string, string>> = {
  alpha: "a-zA-Z",
  digit: "0-9",
  alnum: "a-zA-Z0-9",
  upper: "A-Z",
  lower: "a-z",
  space: " \\t\\n\\r\\f\\v",
  blank: " \\t",
  punct: "!-\\/:-@\\[-`{-~",
  xdigit: "0-9A-Fa-f",
  cntrl: "\\x00-\\x1f\\x7f",
  print: "\\x20-\\x7e",
  graph: "\\x21-\\x7e",
  word: "a-zA-Z0-9_",
};

const cache = new Map<string, RegExp | string>();

/** Translates an ERE; returns a message when it is not a valid expression. */
export function translateEre(re: string): string | { source: string; groups: number } {
  let out = "";
  let groups = 0;
  let i = 0;
  let depth = 0;
  while (i < re.length) {
    const c = re[i] as string;
    if (c === "\\") {
      const n = re[i + 1];
      if (n === undefined) return "trailing backslash";
      out += /[a-zA-Z0-9]/.test(n) ? n : `\\${n}`;
      i += 2;
      continue;
    }
    if (c === "[") {
      let j = i + 1;
      let cls = "[";
      if (re[j] === "^") {
        cls += "^";
        j++;
      }
      if (re[j] === "]") {
        cls += "\\]";
        j++;
      }
      let closed = false;
      while (j < re.length) {
        const d = re[j] as string;
        if (d === "]") {
          closed = true;
          j++;
          break;
        }
        if (d === "[" && (re[j + 1] === ":" || re[j + 1] === "." || re[j + 1] === "=")) {
          const kind = re[j + 1];
          const end = re.indexOf(`${kind}]`, j + 2);
          if (end < 0) return "unterminated bracket class";
          const name = re.slice(j + 2, end);
          if (kind === ":") {
            const r = CLASSES[name];
            if (r === undefined) return `unknown character class '${name}'`;
            cls += r;
          } else cls += name.replace(/[\\\]^-]/g, (x) => `\\${x}`);
          j = end + 2;
          continue;
        }
        cls += d === "\\" || d === "[" ? `\\${d}` : d;
        j++;
      }
      if (!closed) return "unterminated bracket expression";
      out += `${cls}]`;
      i = j;
      continue;
    }
    if (c === "(") {
      if (re[i + 1] === ")") {
        out += "()";
        groups++;
        i += 2;
        continue;
      }
      groups++;
      depth++;
      out += "(";
      i++;
      continue;
    }
    if (c === ")") {
      if (depth === 0) return "unmatched ')'";
      depth--;
      out += ")";
      i++;
      continue;
    }
    if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(re.slice(i));
      if (!m) return "invalid repetition count";
      out += m[0];
      i += m[0].length;
      continue;
    }
    if (c === "*" || c === "+" || c === "?") {
      const prev = out[out.length - 1];
      if (out.length === 0 || prev === "(" || prev === "|") return "invalid repetition";
      out += c;
      i++;
      continue;
    }
    if (c === ".") {
      out += "[^]";
      i++;
      continue;
    }
    if (c === "/") {
      out += "\\/";
      i++;
      continue;
    }
    out += c;
    i++;
  }
  if (depth !== 0) return "unmatched '('";
  return { source: out, groups };
}

/** A compiled expression for a whole-string match (`match`) or a search (`split`), or an error message. */
export function compileEre(re: string, whole: boolean): RegExp | string {
  const key = `${whole ? "m" : "s"}${re}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const t = translateEre(re);
  let r: RegExp | string;
  if (typeof t === "string") r = t;
  else {
    try {
      r = new RegExp(whole ? `^(?:${t.source})$` : t.source, whole ? "" : "g");
    } catch (e) {
      r = e instanceof Error ? e.message : String(e);
    }
  }
  if (cache.size > 1000) cache.clear();
  cache.set(key, r);
  return r;
}

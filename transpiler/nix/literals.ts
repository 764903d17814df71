/**
 * How Nix prints literals, shared by the syntax printer (`--parse`) and the value printer (`--eval`):
 * strings in double quotes with `\" \\ \n \r \t \${` escaped, attribute names bare when they are
 * identifiers and not reserved words, floats the way C++ `ostream <<` prints a double (six significant
 * digits, `%g` style: `0.1`, `1e+06`, `1.23457e+08`, `inf`).
 */

/** The escape Nix prints for the byte at `i` of `s` (`\" \\ \n \r \t \${`), or undefined: printed as is. */
function escapeAt(s: string, i: number): string | undefined {
  const c = s.charCodeAt(i);
  if (c === 34) return '\\"';
  if (c === 92) return "\\\\";
  if (c === 10) return "\\n";
  if (c === 13) return "\\r";
  if (c === 9) return "\\t";
  if (c === 36 && s.charCodeAt(i + 1) === 123) return "\\$";
  return undefined;
}

/** Whether `printLiteralString` changes anything in `s` but the quotes. */
export function needsEscape(s: string): boolean {
  for (let i = 0; i < s.length; i++) if (escapeAt(s, i) !== undefined) return true;
  return false;
}

/** A string literal, escaped as Nix prints it. Input and output are byte strings. */
export function printLiteralString(s: string): string {
  let out = '"';
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    const esc = escapeAt(s, i);
    if (esc !== undefined) {
      out += s.slice(run, i) + esc;
      run = i + 1;
    }
  }
  return `${out}${s.slice(run)}"`;
}

const RESERVED: ReadonlySet<string> = new Set([
  "if",
  "then",
  "else",
  "assert",
  "with",
  "let",
  "in",
  "rec",
  "inherit",
]);

/** An attribute name: bare when it lexes as an identifier and is not reserved, else a string literal. */
export function printIdentifier(name: string): string {
  if (name === "") return '""';
  if (isIdentifier(name)) return name.length <= 7 && RESERVED.has(name) ? `"${name}"` : name;
  return printLiteralString(name);
}

/** `[a-zA-Z_][a-zA-Z0-9_'-]*`, without a regular expression (names are printed by the million). */
function isIdentifier(name: string): boolean {
  const c0 = name.charCodeAt(0);
  if (!((c0 >= 97 && c0 <= 122) || (c0 >= 65 && c0 <= 90) || c0 === 95)) return false;
  for (let i = 1; i < name.length; i++) {
    const c = name.charCodeAt(i);
    const ok =
      (c >= 97 && c <= 122) ||
      (c >= 65 && c <= 90) ||
      (c >= 48 && c <= 57) ||
      c === 95 ||
      c === 39 ||
      c === 45;
    if (!ok) return false;
  }
  return true;
}

/** A double as C++ `std::ostream << double` prints it with the default precision (6). */
export function formatNixFloat(v: number): string {
  if (Number.isNaN(v)) return "nan";
  if (v === Number.POSITIVE_INFINITY) return "inf";
  if (v === Number.NEGATIVE_INFINITY) return "-inf";
  if (v === 0) return Object.is(v, -0) ? "-0" : "0";
  const [mant = "0", expText = "0"] = v.toExponential(5).split("e");
  const exp = Number(expText);
  if (exp < -4 || exp >= 6) {
    const m = stripZeros(mant);
    const sign = exp < 0 ? "-" : "+";
    const digits = String(Math.abs(exp)).padStart(2, "0");
    return `${m}e${sign}${digits}`;
  }
  return stripZeros(v.toFixed(5 - exp));
}

function stripZeros(s: string): string {
  if (!s.includes(".")) return s;
  return s.replace(/0+$/, "").replace(/\.$/, "");
}

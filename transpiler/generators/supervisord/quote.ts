/**
 * supervisord's configuration syntax, as its own parser reads it: an INI value (Python's configparser, with
 * `;` and `#` starting an inline comment after whitespace, and `%` interpolation, so `%` is written `%%`);
 * `command=` is split by shlex in POSIX mode; `environment=` is read by a non-POSIX shlex lexer whose values
 * lose surrounding quotes. A value that this syntax cannot hold comes back as undefined, and the generator
 * takes another route (psl's launcher script, psl-run's environment).
 */

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters an INI line cannot hold
const CONTROL = /[\n\r\u000b\f\u0000]/;

/** One shlex (POSIX) word that survives configparser: `;`/`#` never follow whitespace, `%` doubled. */
export function supervisordWord(word: string): string {
  if (word !== "" && /^[A-Za-z0-9_/.,:=@+-]+$/.test(word)) return word;
  let out = "";
  let quoted = "";
  const flush = () => {
    if (quoted !== "") out += `'${quoted}'`;
    quoted = "";
  };
  for (const ch of word) {
    if (ch === "'") {
      flush();
      out += "\\'";
    } else if (ch === ";" || ch === "#") {
      flush();
      out += `\\${ch}`;
    } else quoted += ch === "%" ? "%%" : ch;
  }
  flush();
  return out === "" ? "''" : out;
}

/** A `command=` value, or undefined when an argument holds a line break. */
export function supervisordCommand(argv: readonly string[]): string | undefined {
  if (argv.some((a) => CONTROL.test(a))) return undefined;
  return argv.map(supervisordWord).join(" ");
}

/** An `environment=` value, or undefined when a variable cannot be written there. */
export function supervisordEnvironment(env: Readonly<Record<string, string>>): string | undefined {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(env)) {
    if (CONTROL.test(v) || /[;#]/.test(v) || v.includes("\\")) return undefined;
    if (/^['"]|['"]$/.test(v)) return undefined;
    const q = v.includes('"') ? (v.includes("'") ? undefined : "'") : '"';
    if (!q) return undefined;
    parts.push(`${k}=${q}${v.replaceAll("%", "%%")}${q}`);
  }
  return parts.join(",");
}

/** A plain single-line setting value (paths, user names), or undefined when it cannot be written. */
export function supervisordValue(v: string): string | undefined {
  if (CONTROL.test(v) || /\s[;#]/.test(v) || v !== v.trim() || v === "") return undefined;
  return v.replaceAll("%", "%%");
}

/**
 * dinit's service-file value syntax (dinit-service(5), load-service.h): whitespace separates tokens, double
 * quotes keep them together, a backslash escapes the next character (also inside quotes), `#` after
 * whitespace starts a comment, and `$NAME` is substituted when the service loads, with `$$` for `$`.
 * A line break cannot be written: such values come back as undefined.
 */

/** One token, quoted for dinit. */
export function dinitWord(word: string): string | undefined {
  if (/[\n\r]/.test(word)) return undefined;
  const escaped = word.replaceAll("\\", "\\\\").replaceAll('"', '\\"').replaceAll("$", "$$$$");
  return `"${escaped}"`;
}

/** A command setting (`command = …`), or undefined. */
export function dinitCommand(argv: readonly string[]): string | undefined {
  const words = argv.map(dinitWord);
  return words.some((w) => w === undefined) ? undefined : words.join(" ");
}

/** Reads a value back as dinit does (for tests): tokens after quotes, escapes and `$$`. */
export function parseDinitCommand(value: string): string[] {
  const out: string[] = [];
  let cur = "";
  let inToken = false;
  for (let i = 0; i < value.length; i++) {
    const c = value[i] as string;
    if (c === '"') {
      inToken = true;
      for (i++; i < value.length && value[i] !== '"'; i++) {
        if (value[i] === "\\") i++;
        cur += value[i] ?? "";
      }
    } else if (c === "\\") {
      inToken = true;
      i++;
      cur += value[i] ?? "";
    } else if (/\s/.test(c)) {
      if (inToken) out.push(cur);
      cur = "";
      inToken = false;
    } else {
      inToken = true;
      cur += c;
    }
  }
  if (inToken) out.push(cur);
  return out.map((t) => t.replaceAll("$$", "$"));
}

/**
 * tmpfiles.d(5) lines: `Type Path Mode User Group Age Argument`, whitespace-separated, `-` for "default",
 * fields quoted with systemd's word rules, trailing fields optional. Comments and blank lines are skipped.
 */
import { splitWords } from "../systemd/words.js";

export type TmpfilesParse =
  | { ok: true; rule: { type: string; path: string } & Record<string, string> }
  | { ok: false; error?: string };

const FIELDS = ["mode", "user", "group", "age"] as const;

/** Parses one tmpfiles.d line; blank lines and comments give `{ ok: false }` without an error. */
export function parseTmpfilesLine(line: string): TmpfilesParse {
  const t = line.trim();
  if (t === "" || t.startsWith("#")) return { ok: false };
  const words: string[] = [];
  let rest = t;
  for (let i = 0; i < 6 && rest.length > 0; i++) {
    const m = /^(\S+)\s*/.exec(rest);
    if (!m) break;
    words.push(m[1] as string);
    rest = rest.slice(m[0].length);
  }
  const [type, rawPath] = words;
  if (!type || !rawPath) return { ok: false, error: `\`${line}\` needs at least a type and a path` };
  const path = splitWords(rawPath);
  if (!path.ok || path.words.length !== 1) return { ok: false, error: `bad path in \`${line}\`` };
  const rule: { type: string; path: string } & Record<string, string> = {
    type,
    path: path.words[0] as string,
  };
  FIELDS.forEach((f, i) => {
    const v = words[i + 2];
    if (v !== undefined && v !== "-") rule[f] = v;
  });
  if (rest.length > 0 && rest !== "-") rule.argument = rest;
  return { ok: true, rule };
}

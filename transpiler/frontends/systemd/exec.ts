/**
 * Exec lines (`ExecStart=` and friends, systemd.service(5) "Command lines"): prefixes `-@:+!!!|` on the first
 * word, `@` taking the next word as argv[0], a lone `;` separating commands and `\;` meaning a literal `;`,
 * quoting and C escapes per word, then `%` specifiers per word. `$VAR` stays in the spec (see schema.ts).
 */
import type { Command } from "../../spec/schema.js";
import {
  escapeSpecifiers,
  expandSpecifiers,
  type SpecifierContext,
  type SpecifierProblem,
} from "./specifiers.js";
import { extractWord, quoteWord } from "./words.js";

export type ExecParse =
  | { ok: true; commands: Command[]; problems: SpecifierProblem[] }
  | { ok: false; error: string };

const WS = " \t\n\r";
const isSep = (c: string | undefined) => c === undefined || WS.includes(c);

/** Parses one raw Exec value into its commands. */
export function parseExecValue(raw: string, ctx: SpecifierContext): ExecParse {
  const commands: Command[] = [];
  const problems: SpecifierProblem[] = [];
  const expand = (s: string) => {
    const r = expandSpecifiers(s, ctx);
    problems.push(...r.problems);
    return r.value;
  };
  let i = 0;
  const n = raw.length;
  const skipWs = () => {
    while (i < n && WS.includes(raw[i] as string)) i++;
  };
  while (true) {
    skipWs();
    if (i >= n) break;
    const first = extractWord(raw, i);
    if (!first.ok) return { ok: false, error: first.error };
    i = first.next;
    const cmd: {
      argv: string[];
      ignoreFailure?: boolean;
      privileged?: Command["privileged"];
      expandEnvironment?: boolean;
      argv0?: string;
      viaShell?: boolean;
    } = { argv: [] };
    let f = first.word;
    let separateArgv0 = false;
    for (;;) {
      const c = f[0];
      if (c === "-" && !cmd.ignoreFailure) cmd.ignoreFailure = true;
      else if (c === "@" && !separateArgv0) separateArgv0 = true;
      else if (c === ":" && cmd.expandEnvironment === undefined) cmd.expandEnvironment = false;
      else if (c === "|" && !cmd.viaShell) cmd.viaShell = true;
      else if (c === "+" && cmd.privileged === undefined) cmd.privileged = "full";
      else if (c === "!" && cmd.privileged === undefined) cmd.privileged = "skip-credentials";
      else if (c === "!" && cmd.privileged === "skip-credentials")
        cmd.privileged = "skip-credentials-if-no-ambient";
      else break;
      f = f.slice(1);
    }
    if (f.length === 0) return { ok: false, error: "empty executable path" };
    cmd.argv.push(expand(f));
    if (separateArgv0) {
      skipWs();
      if (i >= n) return { ok: false, error: "`@` needs a word for argv[0]" };
      const w = extractWord(raw, i, { relax: true });
      if (!w.ok) return { ok: false, error: w.error };
      i = w.next;
      cmd.argv0 = expand(w.word);
    }
    let separated = false;
    while (true) {
      skipWs();
      if (i >= n) break;
      if (raw[i] === ";" && isSep(raw[i + 1])) {
        i++;
        separated = true;
        break;
      }
      if (raw[i] === "\\" && raw[i + 1] === ";" && isSep(raw[i + 2])) {
        cmd.argv.push(";");
        i += 2;
        continue;
      }
      const w = extractWord(raw, i, { relax: true });
      if (!w.ok) return { ok: false, error: w.error };
      i = w.next;
      cmd.argv.push(expand(w.word));
    }
    commands.push(cmd as Command);
    if (!separated) break;
  }
  return { ok: true, commands, problems };
}

/** Prints a command as an Exec value that {@link parseExecValue} reads back to the same command. */
export function printExecCommand(cmd: Command): string {
  let prefix = "";
  if (cmd.ignoreFailure) prefix += "-";
  if (cmd.argv0 !== undefined) prefix += "@";
  if (cmd.expandEnvironment === false) prefix += ":";
  if (cmd.viaShell) prefix += "|";
  if (cmd.privileged === "full") prefix += "+";
  else if (cmd.privileged === "skip-credentials") prefix += "!";
  else if (cmd.privileged === "skip-credentials-if-no-ambient") prefix += "!!";
  const [program, ...args] = cmd.argv;
  const words = [prefix + quoteWord(escapeSpecifiers(program ?? ""))];
  if (cmd.argv0 !== undefined) words.push(quoteWord(escapeSpecifiers(cmd.argv0)));
  for (const a of args) words.push(quoteWord(escapeSpecifiers(a)));
  return words.join(" ");
}

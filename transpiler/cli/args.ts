/**
 * A small, strict argument parser. Each command declares its options as data; unknown options and missing
 * values become diagnostics (exit 2), never guesses. `--name=value` and `--name value` both work; `--` ends
 * options.
 */
import { type Diagnostic, diag } from "../diagnostics/index.js";

export type OptionSpec =
  | { readonly kind: "flag"; readonly short?: string; readonly help: string }
  | { readonly kind: "string"; readonly short?: string; readonly help: string; readonly value: string }
  | { readonly kind: "list"; readonly short?: string; readonly help: string; readonly value: string };

export type OptionTable = Readonly<Record<string, OptionSpec>>;

export interface ParsedArgs {
  readonly flags: ReadonlySet<string>;
  readonly strings: ReadonlyMap<string, string>;
  readonly lists: ReadonlyMap<string, readonly string[]>;
  readonly positionals: readonly string[];
}

/** Options every command accepts. */
export const COMMON_OPTIONS: OptionTable = {
  help: { kind: "flag", short: "h", help: "show this help" },
  json: { kind: "flag", help: "print machine-readable JSON on stdout" },
};

export function parseArgs(
  argv: readonly string[],
  table: OptionTable,
): { args: ParsedArgs; diagnostics: Diagnostic[] } {
  const all: OptionTable = { ...COMMON_OPTIONS, ...table };
  const byShort = new Map<string, string>();
  for (const [name, spec] of Object.entries(all)) if (spec.short) byShort.set(spec.short, name);
  const flags = new Set<string>();
  const strings = new Map<string, string>();
  const lists = new Map<string, string[]>();
  const positionals: string[] = [];
  const diagnostics: Diagnostic[] = [];
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i] as string;
    if (a === "--") {
      positionals.push(...argv.slice(i + 1));
      break;
    }
    let name: string | undefined;
    let inline: string | undefined;
    if (a.startsWith("--")) {
      const eq = a.indexOf("=");
      name = eq < 0 ? a.slice(2) : a.slice(2, eq);
      inline = eq < 0 ? undefined : a.slice(eq + 1);
    } else if (a.startsWith("-") && a.length === 2) {
      name = byShort.get(a.slice(1));
      if (!name) {
        diagnostics.push(diag("PSL7002", { option: a }));
        continue;
      }
    } else {
      positionals.push(a);
      continue;
    }
    const spec = all[name];
    if (!spec) {
      diagnostics.push(diag("PSL7002", { option: a }));
      continue;
    }
    if (spec.kind === "flag") {
      if (inline !== undefined)
        diagnostics.push(
          diag("PSL7008", { value: inline, option: `--${name}`, reason: "it takes no value" }),
        );
      flags.add(name);
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) {
      diagnostics.push(diag("PSL7003", { option: `--${name}` }));
      continue;
    }
    if (spec.kind === "string") strings.set(name, value);
    else lists.set(name, [...(lists.get(name) ?? []), value]);
  }
  return { args: { flags, strings, lists, positionals }, diagnostics };
}

/** Renders the OPTIONS part of a command's help. */
export function formatOptions(table: OptionTable): string {
  const rows = Object.entries({ ...table, ...COMMON_OPTIONS }).map(([name, spec]) => {
    const short = spec.short ? `-${spec.short}, ` : "    ";
    const value = spec.kind === "flag" ? "" : ` ${spec.value}`;
    const repeat = spec.kind === "list" ? " (repeatable)" : "";
    return [`  ${short}--${name}${value}`, `${spec.help}${repeat}`] as const;
  });
  const width = Math.max(...rows.map(([l]) => l.length)) + 2;
  return rows.map(([l, r]) => `${l.padEnd(width)}${r}`).join("\n");
}

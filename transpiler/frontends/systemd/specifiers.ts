/**
 * `%` specifiers (systemd.unit(5)) for units run by the system manager. Everything that depends only on
 * the unit's name, or on fixed system-manager paths, is resolved here; specifiers whose value depends on
 * the machine (`%H`, `%m`, …) or on an instance a template does not have are kept literally and reported.
 */

export interface SpecifierContext {
  /** Full unit name, e.g. `getty@tty1.service`. */
  readonly unitName: string;
}

export interface SpecifierProblem {
  readonly kind: "host" | "instance" | "unknown";
  readonly specifier: string;
}

/** Specifiers with a fixed value for system units. */
const FIXED: Record<string, string> = {
  C: "/var/cache",
  D: "/usr/share",
  E: "/etc",
  L: "/var/log",
  S: "/var/lib",
  t: "/run",
  T: "/tmp",
  V: "/var/tmp",
  g: "root",
  G: "0",
  h: "/root",
  s: "/bin/sh",
  u: "root",
  U: "0",
};

/** Specifiers whose value is a property of the host the unit runs on. */
const HOST = new Set(["a", "A", "b", "B", "H", "l", "m", "M", "o", "q", "v", "w", "W", "y", "Y"]);

/** systemd's unit-name unescaping: `-` → `/`, `\xNN` → byte. */
export function unescapeUnitName(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c === "-") out += "/";
    else if (c === "\\" && s[i + 1] === "x" && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 2, i + 4))) {
      out += String.fromCharCode(Number.parseInt(s.slice(i + 2, i + 4), 16));
      i += 3;
    } else out += c;
  }
  return out;
}

function splitName(unitName: string): { prefix: string; instance: string | undefined; stem: string } {
  const dot = unitName.lastIndexOf(".");
  const stem = dot > 0 ? unitName.slice(0, dot) : unitName;
  const at = stem.indexOf("@");
  if (at < 0) return { prefix: stem, instance: undefined, stem };
  const instance = stem.slice(at + 1);
  return { prefix: stem.slice(0, at), instance: instance.length > 0 ? instance : undefined, stem };
}

/** The value of one specifier letter, `undefined` with a problem when it cannot be resolved here. */
function resolveOne(
  letter: string,
  ctx: SpecifierContext,
): { value: string } | { problem: SpecifierProblem["kind"] } {
  const fixed = FIXED[letter];
  if (fixed !== undefined) return { value: fixed };
  if (HOST.has(letter)) return { problem: "host" };
  const { prefix, instance, stem } = splitName(ctx.unitName);
  const lastDash = prefix.lastIndexOf("-");
  switch (letter) {
    case "n":
      return { value: ctx.unitName };
    case "N":
      return { value: stem };
    case "p":
      return { value: prefix };
    case "P":
      return { value: unescapeUnitName(prefix) };
    case "j":
      return { value: lastDash >= 0 ? prefix.slice(lastDash + 1) : prefix };
    case "J":
      return { value: unescapeUnitName(lastDash >= 0 ? prefix.slice(lastDash + 1) : prefix) };
    case "d":
      return { value: `/run/credentials/${ctx.unitName}` };
    case "i":
      return instance === undefined ? { problem: "instance" } : { value: instance };
    case "I":
      return instance === undefined ? { problem: "instance" } : { value: unescapeUnitName(instance) };
    case "f": {
      if (instance !== undefined) return { value: `/${unescapeUnitName(instance)}` };
      if (ctx.unitName.includes("@")) return { problem: "instance" };
      return { value: `/${unescapeUnitName(prefix)}` };
    }
    default:
      return { problem: "unknown" };
  }
}

/** Expands specifiers in `s`. Unresolvable ones stay as written (`%H`) and are listed as problems. */
export function expandSpecifiers(
  s: string,
  ctx: SpecifierContext,
): { value: string; problems: SpecifierProblem[] } {
  if (!s.includes("%")) return { value: s, problems: [] };
  let out = "";
  const problems: SpecifierProblem[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== "%") {
      out += c;
      continue;
    }
    const next = s[i + 1];
    if (next === undefined) {
      problems.push({ kind: "unknown", specifier: "" });
      out += "%";
      continue;
    }
    i++;
    if (next === "%") {
      out += "%";
      continue;
    }
    const r = resolveOne(next, ctx);
    if ("value" in r) out += r.value;
    else {
      problems.push({ kind: r.problem, specifier: next });
      out += `%${next}`;
    }
  }
  return { value: out, problems };
}

/** Escapes literal text for a directive that expands specifiers. */
export function escapeSpecifiers(s: string): string {
  return s.replaceAll("%", "%%");
}

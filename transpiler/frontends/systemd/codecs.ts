/**
 * Directive codecs: how one systemd directive's raw values fold into a spec field, and how the field prints
 * back. A codec is pure; the registry (`directives.ts`) says which directive uses which codec on which field.
 *
 * `assign` receives the field's current value and one raw assignment; an empty assignment means "reset" for
 * list-like directives and "unset" for scalars, as in systemd.
 */
import { isEnvName } from "../../spec/names.js";
import type { Command, Seconds } from "../../spec/schema.js";
import { parseExecValue, printExecCommand } from "./exec.js";
import { escapeSpecifiers, type SpecifierProblem } from "./specifiers.js";
import {
  formatTimespan,
  normalizeSignal,
  parseBoolean,
  parseExitStatus,
  parseSize,
  parseTimespan,
} from "./units.js";
import { joinWords, quoteWord, splitWords } from "./words.js";

export interface AssignContext {
  /** Expands `%` specifiers, collecting problems. */
  expand(s: string): string;
  /** Records a specifier that could not be resolved. */
  problem(p: SpecifierProblem): void;
  readonly unitName: string;
}

export type AssignResult = { ok: true; value: unknown } | { ok: false; error: string };

export interface Codec {
  assign(current: unknown, raw: string, ctx: AssignContext): AssignResult;
  /** Raw values for the field, one per line; empty when the field prints nothing. */
  print(value: unknown): string[];
}

const ok = (value: unknown): AssignResult => ({ ok: true, value });
const fail = (error: string): AssignResult => ({ ok: false, error });
const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A single string; `spec` expands specifiers. Empty unsets. */
export function str(options: { spec?: boolean } = {}): Codec {
  return {
    assign: (_c, raw, ctx) => ok(raw === "" ? undefined : options.spec ? ctx.expand(raw) : raw),
    print: (v) => (typeof v === "string" ? [options.spec ? escapeSpecifiers(v) : v] : []),
  };
}

/** A string that must be one of `values` (lower-case systemd enums). */
export function oneOf(values: readonly string[]): Codec {
  return {
    assign: (_c, raw) =>
      raw === ""
        ? ok(undefined)
        : values.includes(raw)
          ? ok(raw)
          : fail(`expected one of ${values.join(", ")}`),
    print: (v) => (typeof v === "string" ? [v] : []),
  };
}

export const bool: Codec = {
  assign: (_c, raw) => {
    if (raw === "") return ok(undefined);
    const b = parseBoolean(raw);
    return b === undefined ? fail("expected a boolean") : ok(b);
  },
  print: (v) => (typeof v === "boolean" ? [v ? "yes" : "no"] : []),
};

/** A boolean or one of some words (`ProtectSystem=strict`). */
export function boolOr(words: readonly string[]): Codec {
  return {
    assign: (_c, raw) => {
      if (raw === "") return ok(undefined);
      if (words.includes(raw)) return ok(raw);
      const b = parseBoolean(raw);
      return b === undefined ? fail(`expected a boolean or one of ${words.join(", ")}`) : ok(b);
    },
    print: (v) => (typeof v === "boolean" ? [v ? "yes" : "no"] : typeof v === "string" ? [v] : []),
  };
}

/** A boolean or free text (`RestrictNamespaces=cgroup ipc`). */
export const boolOrText: Codec = {
  assign: (_c, raw) => {
    if (raw === "") return ok(undefined);
    const b = parseBoolean(raw);
    return ok(b ?? raw.trim().split(/\s+/).join(" "));
  },
  print: (v) => (typeof v === "boolean" ? [v ? "yes" : "no"] : typeof v === "string" ? [v] : []),
};

export function int(min = Number.MIN_SAFE_INTEGER, max = Number.MAX_SAFE_INTEGER): Codec {
  return {
    assign: (_c, raw) => {
      if (raw === "") return ok(undefined);
      if (!/^[+-]?\d+$/.test(raw.trim())) return fail("expected an integer");
      const n = Number(raw);
      return n < min || n > max ? fail(`expected an integer from ${min} to ${max}`) : ok(n);
    },
    print: (v) => (typeof v === "number" ? [String(v)] : []),
  };
}

/** A duration; `defaultUnit` is the unit of a bare number (seconds for most, µs for a few). */
export function seconds(defaultUnit = 1): Codec {
  return {
    assign: (_c, raw) => {
      if (raw === "") return ok(undefined);
      const v = parseTimespan(raw, defaultUnit);
      return v === undefined ? fail("expected a time span such as `5s` or `2min`") : ok(v);
    },
    print: (v) => (typeof v === "number" || v === "infinity" ? [formatTimespan(v as Seconds)] : []),
  };
}

/** A list of durations, one per assignment; empty resets. */
export const secondsList: Codec = {
  assign: (c, raw) => {
    if (raw === "") return ok(undefined);
    const v = parseTimespan(raw);
    return v === undefined ? fail("expected a time span") : ok([...asArray(c), v]);
  },
  print: (v) => asArray(v).map((x) => formatTimespan(x as Seconds)),
};

export const signal: Codec = {
  assign: (_c, raw) => {
    if (raw === "") return ok(undefined);
    const s = normalizeSignal(raw);
    return s === undefined ? fail("expected a signal name such as SIGTERM") : ok(s);
  },
  print: (v) => (typeof v === "string" ? [v] : []),
};

/** An octal file mode, normalised to four digits. */
export const mode: Codec = {
  assign: (_c, raw) => {
    if (raw === "") return ok(undefined);
    if (!/^[0-7]{1,4}$/.test(raw)) return fail("expected an octal mode such as 0750");
    return ok(raw.padStart(4, "0"));
  },
  print: (v) => (typeof v === "string" ? [v] : []),
};

/** Words (quotes allowed) accumulating into a list; empty resets. `spec` expands specifiers per word. */
export function words(options: { spec?: boolean } = {}): Codec {
  return {
    assign: (c, raw, ctx) => {
      if (raw === "") return ok(undefined);
      const r = splitWords(raw);
      if (!r.ok) return fail(r.error);
      return ok([...asArray(c), ...r.words.map((w) => (options.spec ? ctx.expand(w) : w))]);
    },
    print: (v) => {
      const list = asArray(v) as string[];
      return list.length === 0 ? [] : [joinWords(list.map((w) => (options.spec ? escapeSpecifiers(w) : w)))];
    },
  };
}

/** One element per assignment, whitespace folded (SystemCallFilter=, CapabilityBoundingSet=). Empty resets. */
export const assignments: Codec = {
  assign: (c, raw) => (raw === "" ? ok(undefined) : ok([...asArray(c), raw.trim().split(/\s+/).join(" ")])),
  print: (v) => asArray(v) as string[],
};

/**
 * Like {@link assignments}, but an empty assignment is itself a value: `CapabilityBoundingSet=` empties
 * the set (drops every capability), which differs from not setting it. Stored as `[""]`.
 */
export const assignmentsWithReset: Codec = {
  assign: (c, raw) => {
    if (raw === "") return ok([""]);
    const cur = asArray(c).filter((x) => x !== "");
    return ok([...cur, raw.trim().split(/\s+/).join(" ")]);
  },
  print: (v) => asArray(v) as string[],
};

/** Exec lines: a list of commands; empty resets. */
export const exec: Codec = {
  assign: (c, raw, ctx) => {
    if (raw === "") return ok(undefined);
    const r = parseExecValue(raw, { unitName: ctx.unitName });
    if (!r.ok) return fail(r.error);
    for (const p of r.problems) ctx.problem(p);
    return ok([...asArray(c), ...r.commands]);
  },
  print: (v) => (asArray(v) as Command[]).map(printExecCommand),
};

/** `Environment=`: quoted `NAME=value` words into an ordered record; empty resets. */
export const environment: Codec = {
  assign: (c, raw, ctx) => {
    if (raw === "") return ok(undefined);
    const r = splitWords(raw);
    if (!r.ok) return fail(r.error);
    const env: Record<string, string> = { ...((c as Record<string, string> | undefined) ?? {}) };
    for (const w of r.words) {
      const eq = w.indexOf("=");
      if (eq <= 0) return fail(`\`${w}\` is not NAME=value`);
      const name = w.slice(0, eq);
      if (!isEnvName(name)) return fail(`\`${name}\` is not a valid environment variable name`);
      delete env[name];
      env[name] = ctx.expand(w.slice(eq + 1));
    }
    return ok(env);
  },
  print: (v) =>
    Object.entries((v as Record<string, string> | undefined) ?? {}).map(([k, val]) =>
      quoteWord(`${k}=${escapeSpecifiers(val)}`),
    ),
};

/** `EnvironmentFile=[-]path`, one per assignment; empty resets. */
export const environmentFile: Codec = {
  assign: (c, raw, ctx) => {
    if (raw === "") return ok(undefined);
    const optional = raw.startsWith("-");
    const path = ctx.expand(optional ? raw.slice(1) : raw);
    return ok([...asArray(c), optional ? { path, optional: true } : { path }]);
  },
  print: (v) =>
    (asArray(v) as { path: string; optional?: boolean }[]).map(
      (f) => `${f.optional ? "-" : ""}${escapeSpecifiers(f.path)}`,
    ),
};

/** `WorkingDirectory=[-]path|~`. */
export const workingDirectory: Codec = {
  assign: (_c, raw, ctx) => {
    if (raw === "") return ok(undefined);
    const optional = raw.startsWith("-");
    const path = ctx.expand(optional ? raw.slice(1) : raw);
    return ok(optional ? { path, optional: true } : { path });
  },
  print: (v) => {
    const w = v as { path: string; optional?: boolean } | undefined;
    return w ? [`${w.optional ? "-" : ""}${escapeSpecifiers(w.path)}`] : [];
  },
};

/** Exit status sets (`SuccessExitStatus=`); assignments accumulate, empty resets. */
export const exitStatus: Codec = {
  assign: (c, raw) => {
    if (raw === "") return ok(undefined);
    const r = parseExitStatus(raw);
    if (typeof r === "string") return fail(r);
    const cur = (c as { codes?: number[]; signals?: string[] } | undefined) ?? {};
    return ok({ codes: [...(cur.codes ?? []), ...r.codes], signals: [...(cur.signals ?? []), ...r.signals] });
  },
  print: (v) => {
    const s = v as { codes?: number[]; signals?: string[] } | undefined;
    const all = [...(s?.codes ?? []).map(String), ...(s?.signals ?? [])];
    return all.length > 0 ? [all.join(" ")] : [];
  },
};

type LimitKind = "bytes" | "count" | "seconds" | "usec" | "nice";

function parseLimitPart(s: string, kind: LimitKind): number | "infinity" | undefined {
  if (s === "infinity") return "infinity";
  switch (kind) {
    case "bytes":
      return parseSize(s);
    case "count":
      return /^\d+$/.test(s) ? Number(s) : undefined;
    case "seconds": {
      const v = parseTimespan(s);
      return v === "infinity" ? "infinity" : v;
    }
    case "usec": {
      const v = parseTimespan(s, 1e-6);
      return v === "infinity" ? "infinity" : v === undefined ? undefined : Math.round(v * 1e6);
    }
    case "nice":
      return /^[+-]?\d+$/.test(s) ? Number(s) : undefined;
  }
}

/** `LimitX=soft[:hard]` in the limit's natural unit. */
export function limit(kind: LimitKind): Codec {
  return {
    assign: (_c, raw) => {
      if (raw === "") return ok(undefined);
      const [a, b, extra] = raw.split(":");
      if (extra !== undefined || a === undefined) return fail("expected soft[:hard]");
      const soft = parseLimitPart(a.trim(), kind);
      const hard = b === undefined ? soft : parseLimitPart(b.trim(), kind);
      if (soft === undefined || hard === undefined) return fail(`expected a ${kind} value or infinity`);
      return ok({ soft, hard });
    },
    print: (v) => {
      const l = v as { soft: number | "infinity"; hard: number | "infinity" } | undefined;
      if (!l) return [];
      const f = (x: number | "infinity") =>
        x === "infinity"
          ? "infinity"
          : kind === "seconds"
            ? formatTimespan(x)
            : kind === "usec"
              ? `${x}us`
              : String(x);
      return [l.soft === l.hard ? f(l.soft) : `${f(l.soft)}:${f(l.hard)}`];
    },
  };
}

/** `Condition*=` / `Assert*=`: `[|][!]value` appended to the shared list; empty resets that kind. */
export function condition(kind: "condition" | "assert", check: string): Codec {
  return {
    assign: (c, raw, ctx) => {
      const list = asArray(c) as { kind: string }[];
      if (raw === "") return ok(list.filter((x) => x.kind !== kind));
      let rest = raw;
      let trigger = false;
      let negate = false;
      if (rest.startsWith("|")) {
        trigger = true;
        rest = rest.slice(1).trimStart();
      }
      if (rest.startsWith("!")) {
        negate = true;
        rest = rest.slice(1).trimStart();
      }
      const item: Record<string, unknown> = { kind, check, value: ctx.expand(rest) };
      if (negate) item.negate = true;
      if (trigger) item.trigger = true;
      return ok([...list, item]);
    },
    print: () => [],
  };
}

/** `LoadCredential=id[:path]`, one per assignment; empty resets. */
export const loadCredential: Codec = {
  assign: (c, raw, ctx) => {
    if (raw === "") return ok(undefined);
    const colon = raw.indexOf(":");
    const id = colon < 0 ? raw : raw.slice(0, colon);
    const item = colon < 0 ? { id } : { id, path: ctx.expand(raw.slice(colon + 1)) };
    return ok([...asArray(c), item]);
  },
  print: (v) =>
    (asArray(v) as { id: string; path?: string }[]).map((x) =>
      x.path === undefined ? x.id : `${x.id}:${escapeSpecifiers(x.path)}`,
    ),
};

/** `ListenStream=` and friends: one listener per assignment into the socket's `listen` list; empty resets all. */
export function listen(kind: string): Codec {
  return {
    assign: (c, raw, ctx) => {
      if (raw === "") return ok(undefined);
      return ok([...asArray(c), { kind, address: ctx.expand(raw) }]);
    },
    print: () => [],
  };
}

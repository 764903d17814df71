/**
 * ServiceSpec → systemd unit text, through the unit-key registry's print side, so that a unit read by the
 * unit-file frontend prints back to a unit that reads to the same spec. Directives marked read-only
 * (legacy spellings) never print; conditions and socket listeners, which their codecs do not print, are
 * printed here; verbatim keys (`spec.systemd[Section][Key]`) follow the typed ones of their section.
 */
import {
  DIRECTIVES,
  LISTEN_KEYS,
  type SectionName,
  type UnitKind,
} from "../../frontends/systemd/directives.js";
import { getField } from "../../frontends/systemd/field-path.js";
import { escapeSpecifiers } from "../../frontends/systemd/specifiers.js";
import { quoteWord } from "../../frontends/systemd/words.js";
import { printUnitText, unprintableValue } from "../../frontends/unit-file/syntax.js";
import type { RawSystemdSections, ServiceSpec, Socket, Timer } from "../../spec/schema.js";
import { pathFromPackages } from "../exec-line.js";

interface Entry {
  key: string;
  value: string;
}

export interface PrintedUnit {
  readonly text: string;
  /** Values a unit file cannot hold (a newline in a Description=, …): `Key=`: reason. */
  readonly problems: readonly string[];
}

const ORDER: Record<UnitKind, readonly string[]> = {
  service: ["Unit", "Service", "Install"],
  socket: ["Unit", "Socket", "Install"],
  timer: ["Unit", "Timer", "Install"],
};

function typedEntries(kind: UnitKind, value: Record<string, unknown>): Map<string, Entry[]> {
  const bySection = new Map<string, Entry[]>();
  const push = (section: SectionName | string, key: string, v: string) => {
    const list = bySection.get(section) ?? [];
    list.push({ key, value: v });
    bySection.set(section, list);
  };
  for (const d of DIRECTIVES) {
    if (d.kind !== kind || d.readOnly) continue;
    for (const field of d.fields) {
      let v = getField(value, field);
      if (kind === "service" && d.key === "Environment") v = withPath(value, v);
      for (const line of d.codec.print(v)) push(d.section, d.key, line);
    }
  }
  if (kind === "service") {
    for (const c of (value as ServiceSpec).conditions ?? []) {
      const key = `${c.kind === "assert" ? "Assert" : "Condition"}${c.check}`;
      push("Unit", key, `${c.trigger ? "|" : ""}${c.negate ? "!" : ""}${escapeSpecifiers(c.value)}`);
    }
  }
  if (kind === "socket") {
    for (const l of (value as Socket).listen)
      push("Socket", LISTEN_KEYS[l.kind], escapeSpecifiers(l.address));
  }
  return bySection;
}

/** NixOS `path` prints back as the Environment="PATH=…" it came from. */
function withPath(spec: Record<string, unknown>, env: unknown): unknown {
  const path = (spec as ServiceSpec).process?.path;
  if (!path) return env;
  return { PATH: pathFromPackages(path), ...((env as Record<string, string> | undefined) ?? {}) };
}

function print(
  kind: UnitKind,
  value: Record<string, unknown>,
  raw: RawSystemdSections | undefined,
): PrintedUnit {
  const typed = typedEntries(kind, value);
  const names = [...ORDER[kind]];
  for (const s of Object.keys(raw ?? {})) if (!names.includes(s)) names.push(s);
  const problems: string[] = [];
  const sections = names
    .map((name) => {
      const entries = [...(typed.get(name) ?? [])];
      for (const [key, values] of Object.entries(raw?.[name] ?? {})) {
        for (const v of values) entries.push({ key, value: v });
      }
      const printable = entries.filter((e) => {
        const why = unprintableValue(e.value);
        if (why) problems.push(`${e.key}=: ${why}`);
        return !why;
      });
      return { name, entries: printable };
    })
    .filter((s) => s.entries.length > 0);
  return { text: printUnitText(sections), problems };
}

/** The `.service` unit of `spec`. */
export function printServiceUnit(spec: ServiceSpec): PrintedUnit {
  return print("service", spec as unknown as Record<string, unknown>, spec.systemd);
}

/** A `.socket` unit. */
export function printSocketUnit(socket: Socket): PrintedUnit {
  return print("socket", socket as unknown as Record<string, unknown>, socket.systemd);
}

/** A `.timer` unit. */
export function printTimerUnit(timer: Timer): PrintedUnit {
  return print("timer", timer as unknown as Record<string, unknown>, timer.systemd);
}

/** A tmpfiles.d line for one rule of the spec. */
export function tmpfilesLine(rule: NonNullable<ServiceSpec["tmpfiles"]>[number]): string {
  const f = (s: string | undefined) => (s === undefined || s === "" ? "-" : quoteWord(s));
  return [rule.type, f(rule.path), f(rule.mode), f(rule.user), f(rule.group), f(rule.age), f(rule.argument)]
    .join(" ")
    .replace(/( -)+$/, "");
}

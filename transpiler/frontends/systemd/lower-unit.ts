/**
 * Lowering: the parsed text of one unit (its fragment, then its drop-ins, in order) becomes a loose spec
 * object: a ServiceSpec for `.service`, a socket or timer entry otherwise. Every directive goes through the
 * registry; what the registry does not model is kept verbatim under `systemd[Section][Key]`. Each field that
 * gets a value also gets provenance: the line it came from, per list element.
 *
 * This is shared by the unit-file frontend and the JSON frontend (which synthesises unit text the way NixOS
 * renders it), so a service reads the same whichever way it arrived.
 */
import { type Diagnostic, diag, type Span } from "../../diagnostics/index.js";
import type { Provenance } from "../../spec/schema.js";
import type { UnitEntry, UnitText } from "../unit-file/syntax.js";
import type { AssignContext } from "./codecs.js";
import { findDirective, SECTIONS_BY_KIND, type UnitKind } from "./directives.js";
import { getField, pointerOf, setField } from "./field-path.js";
import { isKnownDirective } from "./known-directives.js";
import { expandSpecifiers, type SpecifierProblem } from "./specifiers.js";

export interface LowerInput {
  readonly unitName: string;
  readonly kind: UnitKind;
  /** The unit's fragment first, then its drop-ins in the order systemd applies them. */
  readonly texts: readonly UnitText[];
}

export interface LowerOptions {
  /** Turns an entry into provenance (line and column need the source text, which the caller has). */
  readonly locate: (entry: UnitEntry) => Provenance;
}

export interface Lowered {
  readonly value: Record<string, unknown>;
  readonly provenance: Record<string, Provenance>;
  readonly diagnostics: Diagnostic[];
}

type ProvSlot = Provenance | Provenance[] | Record<string, Provenance>;

/** Lowers one unit. Never throws on bad input; problems become diagnostics and the entry is skipped. */
export function lowerUnit(input: LowerInput, options: LowerOptions): Lowered {
  const value: Record<string, unknown> = {};
  const prov = new Map<string, ProvSlot>();
  const diagnostics: Diagnostic[] = [];
  const sections = SECTIONS_BY_KIND[input.kind];

  for (const text of input.texts) {
    for (const section of text.sections) {
      const known = (sections as readonly string[]).includes(section.name);
      if (!known && !section.name.startsWith("X-")) {
        diagnostics.push(
          diag("PSL4006", { section: section.name, unit: input.unitName }, { span: section.span }),
        );
      }
      for (const entry of section.entries) {
        const p = options.locate(entry);
        const directive = known ? findDirective(input.kind, section.name, entry.key) : undefined;
        if (!directive) {
          if (known && !isKnownDirective(section.name, entry.key)) {
            diagnostics.push(
              diag("PSL4007", { key: entry.key, section: section.name }, { span: entry.span }),
            );
          }
          keepRaw(value, prov, section.name, entry.key, entry.value, p);
          continue;
        }
        const problems: SpecifierProblem[] = [];
        const ctx: AssignContext = {
          unitName: input.unitName,
          expand: (s) => {
            const r = expandSpecifiers(s, { unitName: input.unitName });
            problems.push(...r.problems);
            return r.value;
          },
          problem: (pr) => problems.push(pr),
        };
        for (const field of directive.fields) {
          const before = getField(value, field);
          const r = directive.codec.assign(before, entry.value, ctx);
          if (!r.ok) {
            diagnostics.push(diag("PSL4008", { key: entry.key, detail: r.error }, { span: entry.span }));
            break;
          }
          setField(value, field, r.value);
          trackProvenance(prov, field, before, r.value, p);
        }
        reportSpecifierProblems(problems, input.unitName, entry.span, diagnostics);
      }
    }
  }
  return { value, provenance: flattenProvenance(prov), diagnostics };
}

function keepRaw(
  value: Record<string, unknown>,
  prov: Map<string, ProvSlot>,
  section: string,
  key: string,
  raw: string,
  p: Provenance,
): void {
  if (value.systemd === undefined) value.systemd = {};
  const systemd = value.systemd as Record<string, Record<string, string[]>>;
  const sec = systemd[section] ?? {};
  systemd[section] = sec;
  const list = sec[key] ?? [];
  sec[key] = list;
  list.push(raw);
  const slotKey = `systemd\u0000${section}\u0000${key}`;
  const slot = (prov.get(slotKey) as Provenance[] | undefined) ?? [];
  slot.push(p);
  prov.set(slotKey, slot);
}

function reportSpecifierProblems(
  problems: SpecifierProblem[],
  unit: string,
  span: Span,
  out: Diagnostic[],
): void {
  const seen = new Set<string>();
  for (const pr of problems) {
    if (seen.has(pr.specifier)) continue;
    seen.add(pr.specifier);
    if (pr.kind === "host") out.push(diag("PSL4011", { specifier: pr.specifier }, { span }));
    else if (pr.kind === "instance")
      out.push(diag("PSL4013", { name: unit, specifier: pr.specifier }, { span }));
    else out.push(diag("PSL4012", { specifier: pr.specifier }, { span }));
  }
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/** Keeps provenance parallel to the value: per element for lists, per key for environment-like records. */
function trackProvenance(
  prov: Map<string, ProvSlot>,
  field: string,
  before: unknown,
  after: unknown,
  p: Provenance,
): void {
  if (after === undefined) {
    prov.delete(field);
    return;
  }
  if (Array.isArray(after)) {
    const old = Array.isArray(before) ? before : [];
    const oldProv = Array.isArray(prov.get(field)) ? (prov.get(field) as Provenance[]) : [];
    const next = after.map((el) => {
      const i = old.indexOf(el);
      return i >= 0 && oldProv[i] ? oldProv[i] : p;
    });
    prov.set(field, next);
    return;
  }
  if (field === "process.environment" && isRecord(after)) {
    const old = isRecord(before) ? before : {};
    const oldProv = (prov.get(field) as Record<string, Provenance> | undefined) ?? {};
    const next: Record<string, Provenance> = {};
    for (const [k, v] of Object.entries(after)) {
      const kept = oldProv[k];
      next[k] = old[k] === v && kept ? kept : p;
    }
    prov.set(field, next);
    return;
  }
  prov.set(field, p);
}

function flattenProvenance(prov: Map<string, ProvSlot>): Record<string, Provenance> {
  const out: Record<string, Provenance> = {};
  for (const [field, slot] of prov) {
    if (field.startsWith("systemd\u0000")) {
      const [, section, key] = field.split("\u0000") as [string, string, string];
      (slot as Provenance[]).forEach((p, i) => {
        out[`/systemd/${section}/${key.replaceAll("~", "~0").replaceAll("/", "~1")}/${i}`] = p;
      });
      continue;
    }
    if (Array.isArray(slot)) {
      slot.forEach((p, i) => {
        out[pointerOf(field, i)] = p;
      });
    } else if ("file" in slot && typeof slot.file === "string") out[pointerOf(field)] = slot as Provenance;
    else
      for (const [k, p] of Object.entries(slot as Record<string, Provenance>)) out[pointerOf(field, k)] = p;
  }
  return out;
}

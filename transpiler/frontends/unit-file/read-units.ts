/**
 * The unit-file frontend: `.service`, `.socket` and `.timer` files with their drop-ins become ServiceSpecs.
 * Drop-ins are found the way systemd finds them (`service.d/`, `a-.service.d/` for `a-b.service`, the
 * template's `x@.service.d/` for an instance, then the unit's own directory), applied in file-name order.
 * Sockets and timers are attached to the service they activate (`Service=`/`Unit=`, or the same name; a
 * socket with `Accept=yes` activates the template `x@.service`). Templates are instantiated on request.
 *
 * Pure: the CLI reads the files and hands their text in.
 */
import { type Diagnostic, diag, LineMap, type SourceRegistry } from "../../diagnostics/index.js";
import { canonicalizeSpec } from "../../spec/canonical.js";
import { checkServiceName } from "../../spec/names.js";
import type { Provenance, ServiceSpec } from "../../spec/schema.js";
import { validateSpec } from "../../spec/validate.js";
import type { UnitKind } from "../systemd/directives.js";
import { type Lowered, lowerUnit } from "../systemd/lower-unit.js";
import { normalizeService } from "../systemd/normalize.js";
import { parseUnitText, type UnitEntry, type UnitText } from "./syntax.js";

export interface UnitFileInput {
  /** Path as the user gave it; used in diagnostics and provenance. */
  readonly path: string;
  /** The unit's file name, e.g. `web.service`. */
  readonly name: string;
  readonly text: string;
}

export interface DropinInput {
  /** The drop-in directory's name, e.g. `web.service.d`. */
  readonly dir: string;
  readonly path: string;
  /** The drop-in's file name, e.g. `10-limits.conf`. */
  readonly name: string;
  readonly text: string;
}

export interface UnitFileSet {
  readonly units: readonly UnitFileInput[];
  readonly dropins: readonly DropinInput[];
  /** Instances to make of templates, e.g. `getty@tty1`. */
  readonly instances?: readonly string[];
}

export interface UnitFilesResult {
  readonly specs: ServiceSpec[];
  readonly diagnostics: Diagnostic[];
}

const KINDS: Record<string, UnitKind> = { service: "service", socket: "socket", timer: "timer" };

/** `web.service` → { stem: "web", kind: "service" }; undefined for other unit types. */
export function splitUnitName(name: string): { stem: string; suffix: string; kind: UnitKind | undefined } {
  const dot = name.lastIndexOf(".");
  const suffix = dot > 0 ? name.slice(dot + 1) : "";
  return { stem: dot > 0 ? name.slice(0, dot) : name, suffix, kind: KINDS[suffix] };
}

/** The drop-in directories systemd reads for `unitName`, least specific first. */
export function dropinDirsFor(unitName: string): string[] {
  const { stem, suffix } = splitUnitName(unitName);
  const dirs = [`${suffix}.d`];
  const at = stem.indexOf("@");
  const base = at >= 0 ? stem.slice(0, at) : stem;
  const parts = base.split("-");
  for (let i = 1; i < parts.length; i++) dirs.push(`${parts.slice(0, i).join("-")}-.${suffix}.d`);
  if (at >= 0 && at < stem.length - 1) dirs.push(`${stem.slice(0, at + 1)}.${suffix}.d`);
  dirs.push(`${unitName}.d`);
  return [...new Set(dirs)];
}

interface Parsed {
  readonly unitName: string;
  readonly kind: UnitKind;
  readonly path: string;
  readonly lowered: Lowered;
}

/** Reads a set of unit files into specs, one per service (instance). */
export function readUnitFiles(input: UnitFileSet, sources: SourceRegistry): UnitFilesResult {
  const diagnostics: Diagnostic[] = [];
  const parsedTexts = new Map<string, UnitText>();
  const lineMaps = new Map<string, LineMap>();
  const parse = (path: string, text: string): UnitText => {
    const cached = parsedTexts.get(path);
    if (cached) return cached;
    sources.add(path, text);
    lineMaps.set(path, new LineMap(text));
    const r = parseUnitText(path, text);
    diagnostics.push(...r.diagnostics);
    parsedTexts.set(path, r.unit);
    return r.unit;
  };
  const locate = (entry: UnitEntry): Provenance => {
    const pos = lineMaps.get(entry.span.file)?.position(entry.span.start);
    const p: { file: string; line?: number; column?: number; pointer?: string; via?: string } = {
      file: entry.span.file,
    };
    if (pos) {
      p.line = pos.line;
      p.column = pos.column;
    }
    if (entry.origin?.pointer) p.pointer = entry.origin.pointer;
    if (entry.origin?.via) p.via = entry.origin.via;
    return p;
  };

  const byName = new Map<string, UnitFileInput>();
  for (const u of input.units) {
    const prev = byName.get(u.name);
    if (prev) {
      diagnostics.push(
        diag("PSL4009", { name: u.name, first: prev.path, second: u.path }, { position: { file: u.path } }),
      );
      continue;
    }
    byName.set(u.name, u);
  }
  const dropinsByDir = new Map<string, DropinInput[]>();
  for (const d of input.dropins) {
    const list = dropinsByDir.get(d.dir) ?? [];
    list.push(d);
    dropinsByDir.set(d.dir, list);
  }

  const lowerOne = (unitName: string, fragment: UnitFileInput, kind: UnitKind): Parsed => {
    const chosen = new Map<string, DropinInput>();
    for (const dir of dropinDirsFor(unitName)) {
      for (const d of dropinsByDir.get(dir) ?? []) {
        if (d.name.endsWith(".conf")) chosen.set(d.name, d);
      }
    }
    const ordered = [...chosen.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const texts = [parse(fragment.path, fragment.text), ...ordered.map((d) => parse(d.path, d.text))];
    const lowered = lowerUnit({ unitName, kind, texts }, { locate });
    diagnostics.push(...lowered.diagnostics);
    return { unitName, kind, path: fragment.path, lowered };
  };

  const services: Parsed[] = [];
  const others: Parsed[] = [];
  const requestedByTemplate = new Map<string, string[]>();
  for (const inst of input.instances ?? []) {
    const at = inst.indexOf("@");
    const template = `${inst.slice(0, at + 1)}.service`;
    if (at <= 0 || at === inst.length - 1) {
      diagnostics.push(diag("PSL4010", { name: inst, reason: "an instance looks like `name@instance`" }));
      continue;
    }
    const list = requestedByTemplate.get(template) ?? [];
    list.push(`${inst}.service`);
    requestedByTemplate.set(template, list);
  }

  for (const [name, u] of byName) {
    const { stem, kind } = splitUnitName(name);
    if (!kind) {
      diagnostics.push(diag("PSL4017", { what: "unit", name }, { position: { file: u.path } }));
      continue;
    }
    const problem = checkServiceName(stem);
    if (problem) {
      diagnostics.push(diag("PSL4010", { name: stem, reason: problem }, { position: { file: u.path } }));
      continue;
    }
    const instances = kind === "service" ? requestedByTemplate.get(name) : undefined;
    if (instances) {
      requestedByTemplate.delete(name);
      for (const inst of instances) services.push(lowerOne(inst, u, kind));
      continue;
    }
    (kind === "service" ? services : others).push(lowerOne(name, u, kind));
  }
  for (const [template, insts] of requestedByTemplate) {
    diagnostics.push(diag("PSL4018", { unit: `--instance ${insts.join(", ")}`, target: template }));
  }

  const attached = new Map<string, { sockets: Parsed[]; timers: Parsed[] }>();
  for (const o of others) {
    const target = activatedService(o);
    const svc = services.find((s) => s.unitName === target);
    if (!svc) {
      diagnostics.push(diag("PSL4019", { name: o.unitName, kind: o.kind }, { position: { file: o.path } }));
      continue;
    }
    const slot = attached.get(svc.unitName) ?? { sockets: [], timers: [] };
    (o.kind === "socket" ? slot.sockets : slot.timers).push(o);
    attached.set(svc.unitName, slot);
  }

  const specs: ServiceSpec[] = [];
  for (const s of services) {
    const slot = attached.get(s.unitName) ?? { sockets: [], timers: [] };
    const r = assembleServiceSpec(s.unitName, s.path, s.lowered, slot.sockets, slot.timers);
    diagnostics.push(...r.diagnostics);
    if (r.spec) specs.push(r.spec);
  }
  return { specs, diagnostics };
}

/** Which service a socket or timer unit activates. */
function activatedService(o: Parsed): string {
  const raw = o.lowered.value.systemd as Record<string, Record<string, string[]>> | undefined;
  const explicit = o.kind === "socket" ? raw?.Socket?.Service : raw?.Timer?.Unit;
  const last = explicit?.[explicit.length - 1];
  if (last) return last;
  const { stem } = splitUnitName(o.unitName);
  if (o.kind === "socket" && o.lowered.value.accept === true) return `${stem}@.service`;
  return `${stem}.service`;
}

/**
 * Puts a lowered service, its sockets and its timers together into one canonical, validated spec.
 * Shared with the JSON frontend, which passes what only NixOS knows (accounts, files, `enable`) as `extra`.
 */
export function assembleServiceSpec(
  unitName: string,
  file: string,
  service: Lowered,
  sockets: readonly { unitName: string; lowered: Lowered }[],
  timers: readonly { unitName: string; lowered: Lowered }[],
  extra: { value?: Record<string, unknown>; provenance?: Record<string, Provenance> } = {},
): { spec: ServiceSpec | undefined; diagnostics: Diagnostic[] } {
  const name = splitUnitName(unitName).stem;
  const value: Record<string, unknown> = { name, ...structuredClone(service.value) };
  const provenance: Record<string, Provenance> = { ...service.provenance };
  const diagnostics = normalizeService(value, provenance, file);
  const attach = (key: "sockets" | "timers", list: readonly { unitName: string; lowered: Lowered }[]) => {
    if (list.length === 0) return;
    value[key] = list.map((u, i) => {
      for (const [ptr, p] of Object.entries(u.lowered.provenance)) provenance[`/${key}/${i}${ptr}`] = p;
      return { name: u.unitName, ...structuredClone(u.lowered.value) };
    });
  };
  attach("sockets", sockets);
  attach("timers", timers);
  if (extra.value) deepMerge(value, extra.value);
  if (extra.provenance) Object.assign(provenance, extra.provenance);
  value.provenance = provenance;
  const v = validateSpec(value, { file });
  diagnostics.push(...v.diagnostics);
  return { spec: v.spec ? canonicalizeSpec(v.spec) : undefined, diagnostics };
}

/** Merges `b` into `a`: objects recursively, lists concatenated, scalars from `b`. */
export function deepMerge(a: Record<string, unknown>, b: Record<string, unknown>): void {
  for (const [k, v] of Object.entries(b)) {
    const cur = a[k];
    if (Array.isArray(cur) && Array.isArray(v)) a[k] = [...cur, ...v];
    else if (isPlain(cur) && isPlain(v)) deepMerge(cur, v);
    else if (v !== undefined) a[k] = v;
  }
}

function isPlain(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Which features a spec uses, and where: one `FeatureUse` per feature with the JSON pointers of the values
 * that use it (their provenance is `spec.provenance[pointer]`). Implied systemd defaults that a target must
 * still honour (the service type, `Restart=no`) are listed too, with `implied: true` and no pointer, so the
 * report says how they are carried. Shared by the generators' plans and the report.
 */
import type { Command, ServiceSpec } from "../spec/schema.js";
import { directiveFeatures, VARIANT_FIELDS } from "./features.js";

export interface FeatureUse {
  readonly feature: string;
  /** JSON pointers into the spec; empty for an implied default. */
  readonly pointers: readonly string[];
  readonly implied?: true;
}

type Loose = Record<string, unknown>;
const isObject = (v: unknown): v is Loose => typeof v === "object" && v !== null && !Array.isArray(v);
const seg = (s: string) => s.replaceAll("~", "~0").replaceAll("/", "~1");

/** Spec fields walked as one feature even though their value is an object. */
const LEAF_OBJECTS = new Set([
  "process.workingDirectory",
  "process.successExitStatus",
  "restart.preventExitStatus",
  "restart.forceExitStatus",
  "process.environment",
]);
const COMMAND_LISTS = [
  "process.start",
  "lifecycle.condition",
  "lifecycle.startPre",
  "lifecycle.startPost",
  "lifecycle.reload",
  "lifecycle.stop",
  "lifecycle.stopPost",
];
const SKIP = new Set(["name", "provenance", "systemd", "conditions", "sockets", "timers"]);

class Collector {
  readonly uses = new Map<string, string[]>();
  add(feature: string, pointer: string | undefined): void {
    const list = this.uses.get(feature) ?? [];
    if (pointer !== undefined && !list.includes(pointer)) list.push(pointer);
    this.uses.set(feature, list);
  }
}

function walk(value: unknown, path: string, pointer: string, out: Collector, prefix = ""): void {
  const isLimit = path.startsWith("process.limits.");
  if (isObject(value) && !LEAF_OBJECTS.has(path) && !isLimit) {
    for (const [k, v] of Object.entries(value)) {
      const p = path ? `${path}.${k}` : k;
      if (!path && SKIP.has(k)) continue;
      walk(v, p, `${pointer}/${seg(k)}`, out, prefix);
    }
    return;
  }
  const feature = `${prefix}${path}`;
  const variants = VARIANT_FIELDS[feature];
  if (variants && typeof value === "string") out.add(`${feature}=${value}`, pointer);
  else out.add(feature, pointer);
}

function commandAspects(cmd: Command, pointer: string, out: Collector): void {
  if (cmd.ignoreFailure) out.add("commands.ignoreFailure", pointer);
  if (cmd.privileged) out.add("commands.privileged", pointer);
  if (cmd.expandEnvironment === false) out.add("commands.expandEnvironment", pointer);
  if (cmd.argv0 !== undefined) out.add("commands.argv0", pointer);
  if (cmd.viaShell) out.add("commands.viaShell", pointer);
  if (cmd.script) out.add("commands.script", pointer);
  if (cmd.expandEnvironment !== false && cmd.argv.some((a) => /^\$[^{$]/.test(a) || /\$\{|\$\$/.test(a))) {
    out.add("commands.environmentExpansion", pointer);
  }
}

function rawSections(raw: unknown, pointer: string, out: Collector, kind: "service" | "socket" | "timer") {
  if (!isObject(raw)) return;
  for (const [section, keys] of Object.entries(raw)) {
    if (!isObject(keys)) continue;
    for (const key of Object.keys(keys)) {
      for (const f of directiveFeatures(section, key, kind))
        out.add(f, `${pointer}/${seg(section)}/${seg(key)}`);
    }
  }
}

/** The features `spec` uses, in a stable order (first use first). */
export function featureUses(spec: ServiceSpec): FeatureUse[] {
  const out = new Collector();
  out.add("name", "/name");
  walk(spec, "", "", out);
  for (const list of COMMAND_LISTS) {
    const [a, b] = list.split(".") as [string, string];
    const group = (spec as unknown as Record<string, Record<string, Command[]> | undefined>)[a];
    const cmds = group?.[b] ?? [];
    cmds.forEach((cmd, i) => {
      commandAspects(cmd, `/${a}/${b}/${i}`, out);
    });
  }
  (spec.conditions ?? []).forEach((c, i) => {
    out.add(`conditions.${c.check}`, `/conditions/${i}`);
  });
  rawSections(spec.systemd, "/systemd", out, "service");
  (spec.sockets ?? []).forEach((s, i) => {
    const { name: _n, systemd, ...rest } = s;
    walk(rest, "", `/sockets/${i}`, out, "sockets.");
    rawSections(systemd, `/sockets/${i}/systemd`, out, "socket");
  });
  (spec.timers ?? []).forEach((t, i) => {
    const { name: _n, systemd, ...rest } = t;
    walk(rest, "", `/timers/${i}`, out, "timers.");
    rawSections(systemd, `/timers/${i}/systemd`, out, "timer");
  });
  const uses: FeatureUse[] = [...out.uses].map(([feature, pointers]) => ({ feature, pointers }));
  const has = (prefix: string) => uses.some((u) => u.feature.startsWith(prefix));
  if (!has("process.type=")) {
    const type = spec.process?.start ? "simple" : "oneshot";
    uses.push({ feature: `process.type=${type}`, pointers: [], implied: true });
  }
  if (!has("restart.policy=")) uses.push({ feature: "restart.policy=no", pointers: [], implied: true });
  return uses;
}

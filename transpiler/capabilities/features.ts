/**
 * The feature catalogue: every name the capability table must classify, derived from the ServiceSpec
 * schema and the directive registry so that a new spec field or directive cannot go unclassified.
 *
 * Feature names (what `capabilityOf(feature, target)` takes):
 * - a spec field path, dotted, list indices left out: `name`, `identity.user`, `process.limits.nofile`,
 *   `directories.state.mode`, `sockets.listen`, `timers.onCalendar`, `accounts.users`;
 * - `<field>=<value>` for the enum fields whose values port differently: `process.type=notify`,
 *   `restart.policy=on-failure`, `stop.killMode=mixed` (the bare field is not a feature);
 * - `conditions.<Check>` for `Condition<Check>=` and `Assert<Check>=`: `conditions.PathExists`;
 * - `commands.<aspect>` for what any exec line may carry: `commands.ignoreFailure` (`-`),
 *   `commands.privileged` (`+`, `!`, `!!`), `commands.expandEnvironment` (`:`), `commands.argv0` (`@`),
 *   `commands.viaShell` (`|`), `commands.script` (a NixOS job script), and
 *   `commands.environmentExpansion` (`$VAR`/`${VAR}` in arguments);
 * - `systemd.<Section>.<Key>` for a directive psl keeps verbatim (no typed home): `systemd.Service.CPUAccounting`.
 */
import type { TSchema } from "@sinclair/typebox";
import { CONDITION_CHECKS, findDirective, type UnitKind } from "../frontends/systemd/directives.js";
import { KNOWN_DIRECTIVES } from "../frontends/systemd/known-directives.js";
import { KILL_MODES, RESTART_POLICIES, SERVICE_TYPES, ServiceSpec } from "../spec/schema.js";

/** Enum fields split into one feature per value. */
export const VARIANT_FIELDS: Readonly<Record<string, readonly string[]>> = {
  "process.type": SERVICE_TYPES,
  "restart.policy": RESTART_POLICIES,
  "stop.killMode": KILL_MODES,
};

export const COMMAND_ASPECTS = [
  "commands.ignoreFailure",
  "commands.privileged",
  "commands.expandEnvironment",
  "commands.argv0",
  "commands.viaShell",
  "commands.script",
  "commands.environmentExpansion",
] as const;

/** Object fields that are one feature, not a family. */
const LEAF_OBJECTS = new Set([
  "process.workingDirectory",
  "process.successExitStatus",
  "restart.preventExitStatus",
  "restart.forceExitStatus",
]);
/** Lists of objects whose fields are features of their own (`sockets.listen`). */
const ITEM_OBJECTS = new Set(["sockets", "timers"]);
/** Spec fields that are identity or bookkeeping, not behaviour. */
const NOT_FEATURES = new Set([
  "provenance",
  "systemd",
  "conditions",
  "sockets.name",
  "sockets.systemd",
  "timers.name",
  "timers.systemd",
]);

interface SchemaNode {
  type?: string;
  properties?: Record<string, TSchema>;
  items?: TSchema;
}

function walk(schema: SchemaNode, prefix: string, out: string[]): void {
  if (NOT_FEATURES.has(prefix)) return;
  const isLimit = prefix.startsWith("process.limits.");
  if (schema.type === "object" && schema.properties && !LEAF_OBJECTS.has(prefix) && !isLimit) {
    for (const [k, child] of Object.entries(schema.properties)) {
      walk(child as SchemaNode, prefix ? `${prefix}.${k}` : k, out);
    }
    return;
  }
  if (schema.type === "array" && ITEM_OBJECTS.has(prefix) && schema.items) {
    walk(schema.items as SchemaNode, prefix, out);
    return;
  }
  const variants = VARIANT_FIELDS[prefix];
  if (variants) for (const v of variants) out.push(`${prefix}=${v}`);
  else out.push(prefix);
}

/** `systemd.<Section>.<Key>`: the feature of a directive psl keeps verbatim. */
export function rawFeature(section: string, key: string): string {
  return `systemd.${section}.${key}`;
}

const KIND_OF_SECTION: Record<string, UnitKind> = {
  Unit: "service",
  Service: "service",
  Install: "service",
  Socket: "socket",
  Timer: "timer",
};

/**
 * The features a directive sets, in a unit of `kind` (default: the kind its section belongs to).
 * A typed directive maps through its registry fields; any other directive is `systemd.<Section>.<Key>`.
 */
export function directiveFeatures(section: string, key: string, kind?: UnitKind): string[] {
  const k = kind ?? KIND_OF_SECTION[section] ?? "service";
  const d = findDirective(k, section, key);
  if (!d) return [rawFeature(section, key)];
  const prefix = k === "socket" ? "sockets." : k === "timer" ? "timers." : "";
  const out: string[] = [];
  for (const field of d.fields) {
    if (field === "conditions") {
      out.push(`conditions.${key.replace(/^(Condition|Assert)/, "")}`);
      continue;
    }
    const full = `${prefix}${field}`;
    const variants = VARIANT_FIELDS[full];
    if (variants) out.push(...variants.map((v) => `${full}=${v}`));
    else out.push(full);
  }
  return out;
}

function buildCatalogue(): readonly string[] {
  const out: string[] = [];
  walk(ServiceSpec as SchemaNode, "", out);
  for (const check of CONDITION_CHECKS) out.push(`conditions.${check}`);
  out.push(...COMMAND_ASPECTS);
  for (const [section, keys] of Object.entries(KNOWN_DIRECTIVES)) {
    for (const key of keys) {
      for (const f of directiveFeatures(section, key)) if (f.startsWith("systemd.")) out.push(f);
    }
  }
  return [...new Set(out)];
}

/** Every feature the capability table classifies. */
export const FEATURES: readonly string[] = buildCatalogue();

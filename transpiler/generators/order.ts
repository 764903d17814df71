/**
 * Ordering among the services generated together. systemd orders by After=/Before= only (Requires= alone
 * does not order); targets without ordering of their own get this generated start order: install.sh starts
 * services in it, supervisord gets `priority=`, busybox's inittab gets its line order. Cycles are broken
 * deterministically and reported.
 */
import type { ServiceSpec } from "../spec/schema.js";

/** `web.service` → `web` when `web` is in `names`; otherwise undefined. */
export function localName(unit: string, names: ReadonlySet<string>): string | undefined {
  if (!unit.endsWith(".service")) return undefined;
  const stem = unit.slice(0, -".service".length);
  return names.has(stem) ? stem : undefined;
}

/** For each service, the generated services it is ordered after (After= here, Before= there). */
export function orderingEdges(specs: readonly ServiceSpec[]): Map<string, Set<string>> {
  const names = new Set(specs.map((s) => s.name));
  const after = new Map<string, Set<string>>(specs.map((s) => [s.name, new Set<string>()]));
  for (const s of specs) {
    for (const u of s.dependencies?.after ?? []) {
      const n = localName(u, names);
      if (n && n !== s.name) after.get(s.name)?.add(n);
    }
    for (const u of s.dependencies?.before ?? []) {
      const n = localName(u, names);
      if (n && n !== s.name) after.get(n)?.add(s.name);
    }
  }
  return after;
}

export interface StartOrder {
  readonly order: readonly string[];
  /** Services that sat on a cycle, when there were any. */
  readonly cycles: readonly string[];
}

/** A topological order (input order among equals); cycles broken by input order. */
export function startOrder(specs: readonly ServiceSpec[]): StartOrder {
  const edges = orderingEdges(specs);
  const done = new Set<string>();
  const order: string[] = [];
  const cycles: string[] = [];
  const remaining = specs.map((s) => s.name);
  while (remaining.length > 0) {
    const ready = remaining.find((n) => [...(edges.get(n) ?? [])].every((d) => done.has(d)));
    const next = ready ?? (remaining[0] as string);
    if (!ready) cycles.push(next);
    done.add(next);
    order.push(next);
    remaining.splice(remaining.indexOf(next), 1);
  }
  return { order, cycles };
}

/** The generated services a service pulls in when it starts (Requires=/BindsTo= must come up; Wants= may fail). */
export interface PulledIn {
  readonly required: readonly string[];
  readonly wanted: readonly string[];
}

/**
 * What starting `spec` starts first, among the services generated together: for targets whose start of
 * one service does not start another (sysvinit, runit, s6, daemontools), the start path does it.
 */
export function pulledIn(spec: ServiceSpec, local: (unit: string) => string | undefined): PulledIn {
  const d = spec.dependencies;
  const pick = (units: readonly string[], not: readonly string[]) => {
    const out: string[] = [];
    for (const u of units) {
      const n = local(u);
      if (n && n !== spec.name && !out.includes(n) && !not.includes(n)) out.push(n);
    }
    return out;
  };
  const required = pick([...(d?.requires ?? []), ...(d?.bindsTo ?? [])], []);
  return { required, wanted: pick(d?.wants ?? [], required) };
}

/** How one target's start path pulls in other services: a note on each group and its sh lines per service. */
export interface PullInSteps {
  /** What the Requires= lines do, for the comment above them. */
  readonly requiredNote: string;
  readonly required: (service: string) => readonly string[];
  /** What the Wants= lines do (default: they start them too, and their failure does not matter). */
  readonly wantedNote?: string;
  readonly wanted: (service: string) => string;
}

/** The sh lines that start what a service pulls in, each group under its comment (none when empty). */
export function pullInLines(pulled: PulledIn, steps: PullInSteps): string[] {
  return [
    ...(pulled.required.length > 0 ? [`# Requires=: ${steps.requiredNote}`] : []),
    ...pulled.required.flatMap(steps.required),
    ...(pulled.wanted.length > 0
      ? [`# Wants=: ${steps.wantedNote ?? "start these too (their failure does not matter)"}`]
      : []),
    ...pulled.wanted.map(steps.wanted),
  ];
}

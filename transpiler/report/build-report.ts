/**
 * Builds the portability report: for each service, the features it uses (with provenance) and, per target,
 * what the target's plan does with each — the same plans the generators render from. Pure: specs in,
 * canonical report out.
 */

import { GENERATORS } from "../generators/index.js";
import type { PlannedUse } from "../generators/plan.js";
import type { GenerateOptions, TargetName } from "../generators/types.js";
import type { ServiceSpec } from "../spec/schema.js";
import { directiveLabel } from "./directive-label.js";
import type {
  AspectPlace,
  Assumption,
  Counts,
  PortabilityReport,
  ReportCell,
  ReportEntry,
  ReportService,
} from "./schema.js";

export interface ReportInput {
  /** Where the specs came from (a unit file, a JSON export, a `.ts` spec). */
  readonly source: string;
  readonly specs: readonly ServiceSpec[];
  /** For NixOS modules: options set that psl does not carry over, and undeclared options read. */
  readonly systemAspects?: readonly AspectPlace[];
  readonly assumptions?: readonly Assumption[];
}

const zero = (): Counts => ({ native: 0, emulated: 0, dropped: { benign: 0, behaviour: 0, security: 0 } });

function count(c: Counts, cell: ReportCell): void {
  if (cell.status === "dropped") c.dropped[cell.severity ?? "behaviour"]++;
  else c[cell.status]++;
}

function cellOf(use: PlannedUse): ReportCell {
  const c = use.capability;
  const base: ReportCell =
    c.status === "dropped"
      ? { status: "dropped", severity: c.severity, how: c.why, ...(c.instead ? { instead: c.instead } : {}) }
      : { status: c.status, how: c.how ?? "" };
  return use.override ? { ...base, override: use.override } : base;
}

function serviceReport(
  spec: ServiceSpec,
  targets: readonly TargetName[],
  options: GenerateOptions,
): ReportService {
  const entries = new Map<string, ReportEntry>();
  const summary: Record<string, Counts> = {};
  for (const t of targets) {
    summary[t] = zero();
    const plan = GENERATORS[t].plan?.(spec, options);
    if (!plan) continue;
    for (const use of plan.uses) {
      let e = entries.get(use.feature);
      if (!e) {
        const seen = new Set<string>();
        const prov = spec.provenance ?? {};
        const places = use.pointers.flatMap((p) => {
          const own = prov[p];
          if (own) return [own];
          return Object.entries(prov)
            .filter(([k]) => k.startsWith(`${p}/`))
            .map(([, v]) => v);
        });
        const provenance = places.flatMap((place) => {
          const key = `${place.file}:${place.line ?? ""}:${place.via ?? ""}`;
          if (seen.has(key)) return [];
          seen.add(key);
          return [
            {
              file: place.file,
              ...(place.line !== undefined ? { line: place.line } : {}),
              ...(place.column !== undefined ? { column: place.column } : {}),
              ...(place.via !== undefined ? { via: place.via } : {}),
            },
          ];
        });
        e = {
          feature: use.feature,
          directive: directiveLabel(use.feature),
          provenance,
          ...(use.implied ? { implied: true } : {}),
          targets: {},
        };
        entries.set(use.feature, e);
      }
      const cell = cellOf(use);
      e.targets[t] = cell;
      count(summary[t] as Counts, cell);
    }
  }
  return { name: spec.name, summary, entries: [...entries.values()] };
}

/** The report for `inputs` on `targets`. */
export function buildReport(
  inputs: readonly ReportInput[],
  targets: readonly TargetName[],
  options: GenerateOptions = { storeMode: "host" },
): PortabilityReport {
  const summary: Record<string, Counts> = Object.fromEntries(targets.map((t) => [t, zero()]));
  const out = inputs.map((input) => ({
    source: input.source,
    services: input.specs.map((s) => {
      const r = serviceReport(s, targets, options);
      for (const t of targets) {
        const c = r.summary[t] as Counts;
        const all = summary[t] as Counts;
        all.native += c.native;
        all.emulated += c.emulated;
        all.dropped.benign += c.dropped.benign;
        all.dropped.behaviour += c.dropped.behaviour;
        all.dropped.security += c.dropped.security;
      }
      return r;
    }),
    ...(input.systemAspects?.length ? { systemAspects: [...input.systemAspects] } : {}),
    ...(input.assumptions?.length ? { assumptions: [...input.assumptions] } : {}),
  }));
  return { schemaVersion: 1, targets: [...targets], inputs: out, summary };
}

/** Every (service, feature, target) dropped with `security` severity. */
export function securityLosses(
  report: PortabilityReport,
): { service: string; feature: string; target: string }[] {
  return report.inputs.flatMap((i) =>
    i.services.flatMap((s) =>
      s.entries.flatMap((e) =>
        Object.entries(e.targets)
          .filter(([, c]) => c.status === "dropped" && c.severity === "security")
          .map(([target]) => ({ service: s.name, feature: e.feature, target })),
      ),
    ),
  );
}

/**
 * A service's plan for one target: which features the spec uses and what the target does with each — the
 * capability table's cell, or an override this file states as a rule when the spec's shape forces another
 * route (a target's native user switch cannot be kept when psl-run must first do root-only work). Generators
 * render from the plan and the report prints it, so the two cannot disagree.
 */

import { type FeatureUse, featureUses } from "../capabilities/extract.js";
import { LINUX_HELPER_TARGETS } from "../capabilities/row.js";
import { capabilityOf } from "../capabilities/table.js";
import type { Capability, CapabilityStatus } from "../capabilities/types.js";
import type { RestartPolicy, ServiceSpec, ServiceType } from "../spec/schema.js";
import { type Layout, layoutOf } from "./layout.js";
import type { TargetName } from "./types.js";

export interface PlannedUse extends FeatureUse {
  readonly capability: Capability;
  /** Why the plan departs from the table's cell, when it does. */
  readonly override?: string;
}

export interface ServicePlan {
  readonly spec: ServiceSpec;
  readonly target: TargetName;
  readonly layout: Layout;
  readonly uses: readonly PlannedUse[];
  /** The effective service type (systemd's default when absent). */
  readonly type: ServiceType;
  readonly restartPolicy: RestartPolicy;
  /** psl's directory for this service on the target. */
  readonly dir: string;
  /** The status of `feature` for this service (the table's for a feature it does not use). */
  status(feature: string): CapabilityStatus | undefined;
  /** True when the spec uses `feature` and the target carries it natively. */
  native(feature: string): boolean;
  /** True when the spec uses `feature` and psl emulates it on this target. */
  emulated(feature: string): boolean;
  uses_(feature: string): boolean;
}

/** Targets whose own user switch gives way to psl-run's when psl-run must do root-only work first. */
const IDENTITY_FEATURES = ["identity.user", "identity.group"];

/** Whether psl-run has work that needs root before the command runs (so it must switch users itself). */
export function needsRootHelper(spec: ServiceSpec): boolean {
  const p = spec.process;
  const s = spec.sandboxing;
  const anyCommand = [
    ...(p?.start ?? []),
    ...(spec.lifecycle?.startPre ?? []),
    ...(spec.lifecycle?.startPost ?? []),
    ...(spec.lifecycle?.stopPost ?? []),
  ];
  return Boolean(
    spec.directories ||
      s?.loadCredential ||
      s?.capabilityBoundingSet ||
      s?.ambientCapabilities ||
      s?.secureBits ||
      p?.limits ||
      p?.nice !== undefined ||
      p?.oomScoreAdjust !== undefined ||
      spec.identity?.supplementaryGroups ||
      spec.resources?.cpuSchedulingPolicy ||
      spec.resources?.ioSchedulingClass ||
      anyCommand.some((c) => c.privileged),
  );
}

function effective(spec: ServiceSpec, target: TargetName, use: FeatureUse): PlannedUse {
  const cell = capabilityOf(use.feature, target);
  if (!cell) throw new Error(`capability table: no cell for ${use.feature} on ${target}`);
  if (
    IDENTITY_FEATURES.includes(use.feature) &&
    cell.status === "native" &&
    LINUX_HELPER_TARGETS.includes(target) &&
    needsRootHelper(spec)
  ) {
    return {
      ...use,
      capability: { status: "emulated", how: "psl-run switches user with setpriv after its root-only work" },
      override: "this service needs root-only preparation (directories, credentials, limits, groups…)",
    };
  }
  return { ...use, capability: cell };
}

/** A renderer's departure from the table for one service (e.g. a value its format cannot hold). */
export interface PlanOverride {
  readonly feature: string;
  readonly capability: Capability;
  readonly reason: string;
}

/** The plan of `spec` (already prepared for the target) on `target`. */
export function planService(
  spec: ServiceSpec,
  target: TargetName,
  overrides: readonly PlanOverride[] = [],
): ServicePlan {
  const uses = featureUses(spec).map((u) => {
    const o = overrides.find((x) => x.feature === u.feature);
    return o ? { ...u, capability: o.capability, override: o.reason } : effective(spec, target, u);
  });
  const byFeature = new Map(uses.map((u) => [u.feature, u]));
  const layout = layoutOf(target);
  const type: ServiceType = spec.process?.type ?? (spec.process?.start ? "simple" : "oneshot");
  return {
    spec,
    target,
    layout,
    uses,
    type,
    restartPolicy: spec.restart?.policy ?? "no",
    dir: `${layout.libexec}/${spec.name}`,
    status: (f) => byFeature.get(f)?.capability.status ?? capabilityOf(f, target)?.status,
    native: (f) => byFeature.get(f)?.capability.status === "native",
    emulated: (f) => byFeature.get(f)?.capability.status === "emulated",
    uses_: (f) => byFeature.has(f),
  };
}

/** Uses dropped with `security` severity (what `--strict` fails on). */
export function securityDrops(plan: ServicePlan): PlannedUse[] {
  return plan.uses.filter((u) => u.capability.status === "dropped" && u.capability.severity === "security");
}

/** Whether the service is started at boot (WantedBy=/RequiredBy= some unit, and not disabled). */
export function startsAtBoot(plan: ServicePlan): boolean {
  const d = plan.spec.dependencies;
  return plan.spec.enable !== false && ((d?.wantedBy?.length ?? 0) > 0 || (d?.requiredBy?.length ?? 0) > 0);
}

/**
 * Which option a lowered value came from. NixOS writes some values for the module author: `script` becomes
 * `serviceConfig.ExecStart`, `path` becomes `environment.PATH`, dependency lists are mirrored into
 * `unitConfig`, `startAt` becomes a timer. A value found at the lowered place is credited to the option the
 * author wrote, when the module defines it; otherwise to the nearest enclosing definition.
 */

export interface RelocationCandidate {
  readonly path: readonly string[];
  /** Only a definition of exactly this path counts (not an enclosing one). */
  readonly exact: boolean;
  readonly via?: string;
}

const SERVICE_HOOKS: Record<string, string> = {
  ExecStart: "script",
  ExecStartPre: "preStart",
  ExecStartPost: "postStart",
  ExecReload: "reload",
  ExecStop: "preStop",
  ExecStopPost: "postStop",
};

const UNIT_MIRRORS: Record<string, string> = {
  Requires: "requires",
  Wants: "wants",
  Upholds: "upholds",
  After: "after",
  Before: "before",
  BindsTo: "bindsTo",
  PartOf: "partOf",
  Conflicts: "conflicts",
  Requisite: "requisite",
  Documentation: "documentation",
  OnFailure: "onFailure",
  OnSuccess: "onSuccess",
  Description: "description",
  StartLimitBurst: "startLimitBurst",
  StartLimitIntervalSec: "startLimitIntervalSec",
  "X-Restart-Triggers": "restartTriggers",
  "X-Reload-Triggers": "reloadTriggers",
};

/** Option paths to try for a value found at `path` in the evaluated configuration, most specific first. */
export function relocationPaths(path: readonly string[]): RelocationCandidate[] {
  const out: RelocationCandidate[] = [];
  const [a, kind, name, group, key] = path;
  if (a === "systemd" && kind === "services" && name !== undefined) {
    const hook = group === "serviceConfig" && key !== undefined ? SERVICE_HOOKS[key] : undefined;
    if (hook) out.push({ path: ["systemd", "services", name, hook], exact: true, via: `${hook} → ${key}` });
    if (group === "environment" && key === "PATH") {
      out.push({ path: ["systemd", "services", name, "path"], exact: true, via: "path → PATH" });
    }
  }
  if (
    a === "systemd" &&
    kind !== undefined &&
    name !== undefined &&
    group === "unitConfig" &&
    key !== undefined
  ) {
    const option = UNIT_MIRRORS[key];
    if (option) out.push({ path: ["systemd", kind, name, option], exact: true });
  }
  if (
    a === "systemd" &&
    kind === "timers" &&
    name !== undefined &&
    group === "timerConfig" &&
    key === "OnCalendar"
  ) {
    out.push({ path: ["systemd", "services", name, "startAt"], exact: true, via: "startAt → timer" });
  }
  out.push({ path, exact: false });
  return out;
}

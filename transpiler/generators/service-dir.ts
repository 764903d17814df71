/**
 * The pieces of a supervision service directory (runit, s6, s6-rc longruns, daemontools): the `run` script
 * (waits for required services, the start sequence, then exec of the main process), a `finish` script that
 * runs ExecStopPost= and applies the restart policy through psl-run's policy engine, and the `log/run`
 * service that takes the journal's place. The target supplies its own commands (how to wait for a service,
 * how to keep the service down, how its finish script receives the exit status).
 */

import { policyOptions } from "./exec-line.js";
import { helperPath } from "./layout.js";
import type { ServiceContext } from "./pipeline.js";
import type { ServicePlan } from "./plan.js";
import { type ShSequenceOptions, shStartSequence, shSteps } from "./sequence.js";
import { shJoin } from "./sh-quote.js";

export interface SupervisionCommands {
  /** sh that waits for a generated service to be up, failing when it does not come up. */
  readonly waitFor: (service: string, timeoutSec: number) => string;
  /** sh that keeps this service down (from inside run or finish, cwd = the service directory). */
  readonly stayDown: string;
  /** sh lines that turn the finish script's arguments into `set -- --exit-code N` / `--exit-signal N`. */
  readonly finishArgs: readonly string[];
  /** What finish does when the policy says "no restart" (after stayDown), e.g. `exit 125` for s6. */
  readonly finalExit: string;
}

export function header(plan: ServicePlan, what: string): string[] {
  const d = plan.spec.description;
  return [
    "#!/bin/sh",
    `# psl: ${what} for ${plan.spec.name} (${plan.target}); generated.`,
    ...(d ? [`# ${d.replaceAll("\n", " ")}`] : []),
  ];
}

/** The generated services this one requires (Requires=, BindsTo=), for the run script to wait for. */
export function requiredLocal(ctx: ServiceContext): string[] {
  const deps = ctx.plan.spec.dependencies;
  const out: string[] = [];
  for (const u of [...(deps?.requires ?? []), ...(deps?.bindsTo ?? [])]) {
    const n = ctx.local(u);
    if (n && !out.includes(n)) out.push(n);
    else if (!n) ctx.notCarried(u);
  }
  for (const u of [...(deps?.wants ?? []), ...(deps?.after ?? []), ...(deps?.before ?? [])])
    ctx.notCarried(u);
  return out;
}

/** The `run` script. */
export function runScript(
  ctx: ServiceContext,
  cmds: SupervisionCommands,
  o: Omit<ShSequenceOptions, "skip">,
): string {
  const plan = ctx.plan;
  const timeout = typeof plan.spec.readiness?.timeoutSec === "number" ? plan.spec.readiness.timeoutSec : 90;
  const waits = requiredLocal(ctx).map((n) => `${cmds.waitFor(n, timeout)} || exit 1`);
  return [
    ...header(plan, "run script"),
    "exec 2>&1",
    ...(waits.length > 0 ? ["# Requires=: wait for these to be up", ...waits] : []),
    ...shStartSequence(plan, { ...o, skip: `${cmds.stayDown}; exit 0` }),
    "",
  ].join("\n");
}

/** Whether the restart policy needs psl-run's decision after each exit. */
export function needsDecision(plan: ServicePlan): boolean {
  return plan.type !== "oneshot" || !plan.spec.process?.remainAfterExit;
}

/** The `finish` script: ExecStopPost=, then the restart decision. */
export function finishScript(
  plan: ServicePlan,
  cmds: SupervisionCommands,
  o: Omit<ShSequenceOptions, "skip">,
) {
  const stopPost = plan.spec.lifecycle?.stopPost ?? [];
  const delay = plan.spec.restart?.delaySec;
  const extra = typeof delay === "number" && delay > 1 ? delay - 1 : 0;
  const decide = shJoin([
    helperPath(plan.target),
    "decide",
    "--name",
    plan.spec.name,
    ...policyOptions(plan),
  ]);
  return [
    ...header(plan, "finish script"),
    ...(stopPost.length > 0
      ? [
          "# ExecStopPost= (after every exit, as in systemd)",
          ...shSteps(plan, stopPost, "stopPost", { ...o, skip: ":" }).map((l) =>
            l.replace(/ \|\| exit \$\?$/, " || :"),
          ),
        ]
      : []),
    "# Restart= and friends, by psl-run's policy engine",
    ...cmds.finishArgs,
    `if ${decide} "$@"; then`,
    ...(extra > 0 ? [`  sleep ${extra}`] : []),
    "  exit 0",
    "fi",
    cmds.stayDown,
    cmds.finalExit,
    "",
  ].join("\n");
}

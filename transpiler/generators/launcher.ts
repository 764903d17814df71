/**
 * Launcher scripts psl writes into `<libexec>/<service>/`: `start` (the whole start sequence, for targets
 * whose format holds one command line, and for timers), `stop` (ExecStop= then ExecStopPost=) and `reload`
 * (ExecReload= with $MAINPID from the target's own status). Each is a POSIX sh file whose words are quoted
 * by `sh-quote.ts`, so any string the spec holds survives, whatever the target's own format could carry.
 */
import type { ExecOptions } from "./exec-line.js";
import type { ServicePlan } from "./plan.js";
import { shStartSequence, shSteps } from "./sequence.js";
import type { GeneratedFile } from "./types.js";

function script(plan: ServicePlan, what: string, body: readonly string[]): GeneratedFile {
  return {
    path: `rootfs${plan.dir}/${what}`,
    content: ["#!/bin/sh", `# psl: ${what} ${plan.spec.name} (${plan.target}); generated.`, ...body, ""].join(
      "\n",
    ),
    mode: 0o755,
  };
}

export interface LauncherOptions {
  readonly exec?: ExecOptions;
  readonly mainExtra?: readonly string[];
  readonly pauseAfter?: boolean;
  /** sh lines run before the start sequence (e.g. starting the services this one requires). */
  readonly prelude?: readonly string[];
}

/** `<dir>/start`: the start sequence; a skipped start exits 0. */
export function startLauncher(plan: ServicePlan, o: LauncherOptions = {}): GeneratedFile {
  return script(plan, "start", [...(o.prelude ?? []), ...shStartSequence(plan, { skip: "exit 0", ...o })]);
}

/** The path of the start launcher. */
export function startLauncherPath(plan: ServicePlan): string {
  return `${plan.dir}/start`;
}

/** `<dir>/stop`: ExecStop= then ExecStopPost= (undefined when there are none). */
export function stopLauncher(plan: ServicePlan, mainpid: readonly string[], o: LauncherOptions = {}) {
  const lc = plan.spec.lifecycle;
  if (!lc?.stop && !lc?.stopPost) return undefined;
  const seq = { skip: "exit 0", exec: { ...o.exec, extra: [...(o.exec?.extra ?? []), ...mainpid] } };
  return script(plan, "stop", [
    ...(lc.stop ? ["# ExecStop=", ...shSteps(plan, lc.stop, "stop", seq)] : []),
    ...(lc.stopPost ? ["# ExecStopPost=", ...shSteps(plan, lc.stopPost, "stopPost", seq)] : []),
  ]);
}

/** `<dir>/reload`: ExecReload=, with `mainpidSh` (sh) computing $MAINPID first. */
export function reloadLauncher(plan: ServicePlan, mainpidSh: string, o: LauncherOptions = {}) {
  const reload = plan.spec.lifecycle?.reload;
  if (!reload) return undefined;
  const seq = {
    skip: "exit 0",
    exec: { ...o.exec, extra: [...(o.exec?.extra ?? []), "--mainpid", "$MAINPID"] },
  };
  const steps = shSteps(plan, reload, "reload", seq).map((l) => l.replace(`'$MAINPID'`, '"$MAINPID"'));
  return script(plan, "reload", [`MAINPID=$(${mainpidSh})`, "# ExecReload=", ...steps]);
}

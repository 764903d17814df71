/**
 * Launcher scripts psl writes into `<libexec>/<service>/`: `start` (the whole start sequence, for targets
 * whose format holds one command line, and for timers), `stop` (ExecStop= then ExecStopPost=), `on-stop`
 * and `on-exit` (ExecStop= and ExecStopPost= apart, for `psl-run supervise --on-stop/--on-exit`) and
 * `reload` (ExecReload= with $MAINPID from the target's own status). Each is a POSIX sh file whose words are quoted
 * by `sh-quote.ts`, so any string the spec holds survives, whatever the target's own format could carry.
 */
import type { Command } from "../spec/schema.js";
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

/** What `psl-run supervise` needs to run ExecStop= and ExecStopPost= itself. */
export interface SuperviseHooks {
  /** The `on-stop` and `on-exit` launchers (those the spec has commands for). */
  readonly files: readonly GeneratedFile[];
  /** `--on-stop <dir>/on-stop`, `--on-exit <dir>/on-exit` for `psl-run supervise`. */
  readonly options: readonly string[];
}

/**
 * `<dir>/on-stop` (ExecStop=, with the $MAINPID psl-run supervise gives it) and `<dir>/on-exit`
 * (ExecStopPost=, with $SERVICE_RESULT, $EXIT_CODE and $EXIT_STATUS), and the supervise options that run
 * them (only those `kinds` names, when the target runs the other itself). Each stops at its first failing
 * command, as systemd does.
 */
export function superviseHooks(
  plan: ServicePlan,
  o: LauncherOptions = {},
  kinds: readonly ("stop" | "stopPost")[] = ["stop", "stopPost"],
): SuperviseHooks {
  const lc = plan.spec.lifecycle;
  const files: GeneratedFile[] = [];
  const options: string[] = [];
  const hook = (
    what: string,
    cmds: readonly Command[],
    role: "stop" | "stopPost",
    pass: readonly string[],
  ) => {
    const extra = [...(o.exec?.extra ?? []), ...pass.flatMap((n) => ["--pass-env", n])];
    const seq = { skip: "exit 0", exec: { ...o.exec, extra } };
    const title = role === "stop" ? "# ExecStop=" : "# ExecStopPost=";
    files.push(script(plan, what, [title, ...shSteps(plan, cmds, role, seq)]));
    options.push(`--${what}`, `${plan.dir}/${what}`);
  };
  if (lc?.stop && kinds.includes("stop")) hook("on-stop", lc.stop, "stop", ["MAINPID"]);
  if (lc?.stopPost && kinds.includes("stopPost"))
    hook("on-exit", lc.stopPost, "stopPost", ["SERVICE_RESULT", "EXIT_CODE", "EXIT_STATUS"]);
  return { files, options };
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

/**
 * The argv a target runs for one command of a service: the command itself, behind psl-run with the options
 * the plan says psl-run must apply (environment, identity, limits, directories, credentials, expansion…).
 * Every target renders these argv lists in its own quoting, so this file is where emulated features
 * become concrete; the generators only decide where each command goes.
 */
import type { Command, ServiceSpec } from "../spec/schema.js";
import { helperPath } from "./layout.js";
import type { ServicePlan } from "./plan.js";
import { shQuote } from "./sh-quote.js";

export type CommandRole = "main" | "pre" | "post" | "stop" | "stopPost" | "reload" | "condition";

export interface ExecOptions {
  /** stdout/stderr for psl-run (`append:/var/log/x.log`, `null`…); `inherit` when the target captures. */
  readonly stdout?: string;
  readonly stderr?: string;
  /** Extra psl-run options from the target (e.g. `--ready-fd 3`, `--mainpid-file …`). */
  readonly extra?: readonly string[];
  /** Use psl-run even when no option asks for it (systemd's clean environment, cwd and stdin). */
  readonly always?: boolean;
  /** The command replaces its caller (`exec`), so a `-` prefix cannot be honoured by psl-run. */
  readonly execd?: boolean;
}

const DIR_KINDS = ["state", "runtime", "cache", "logs", "configuration"] as const;

/** The user psl-run switches to: User=, or for DynamicUser= the static user install.sh creates. */
export function serviceUser(spec: ServiceSpec): string | undefined {
  return spec.identity?.user ?? (spec.identity?.dynamicUser ? spec.name : undefined);
}

/** PATH from NixOS `path` (bin directories, then sbin directories), de-duplicated. */
export function pathFromPackages(packages: readonly string[]): string {
  return [...new Set([...packages.map((p) => `${p}/bin`), ...packages.map((p) => `${p}/sbin`)])].join(":");
}

/** Whether an argument is subject to systemd's expansion: `$NAME` as the whole word, `${…}` or `$$`. */
export function expandsEnvironment(arg: string): boolean {
  return /^\$[^{$]/.test(arg) || arg.includes("${") || arg.includes("$$");
}

/** Whether the command's arguments use `$VAR` expansion. */
export function needsExpansion(cmd: Command): boolean {
  return cmd.expandEnvironment !== false && cmd.argv.some(expandsEnvironment);
}

function identityOptions(plan: ServicePlan, cmd: Command): string[] {
  const spec = plan.spec;
  if (cmd.privileged === "full") return [];
  const out: string[] = [];
  if (cmd.privileged === undefined) {
    const user = serviceUser(spec);
    if (user && (plan.emulated("identity.user") || plan.uses_("identity.dynamicUser")))
      out.push("--user", user);
    if (spec.identity?.group && plan.emulated("identity.group")) out.push("--group", spec.identity.group);
    const groups = spec.identity?.supplementaryGroups;
    if (groups && plan.emulated("identity.supplementaryGroups") && plan.layout.os === "linux")
      out.push("--groups", groups.join(","));
  }
  const s = spec.sandboxing;
  if (s?.noNewPrivileges && plan.emulated("sandboxing.noNewPrivileges")) out.push("--no-new-privs");
  if (s?.capabilityBoundingSet && plan.emulated("sandboxing.capabilityBoundingSet"))
    out.push("--bounding-set", setprivCaps(s.capabilityBoundingSet));
  if (s?.ambientCapabilities && plan.emulated("sandboxing.ambientCapabilities"))
    out.push("--ambient-caps", setprivCaps(s.ambientCapabilities));
  if (s?.secureBits && plan.emulated("sandboxing.secureBits"))
    out.push("--securebits", s.secureBits.map((b) => `+${b}`).join(","));
  return out;
}

/**
 * systemd capability assignments (`CAP_NET_BIND_SERVICE CAP_CHOWN`, `~CAP_SYS_ADMIN`, `` for none) as a
 * setpriv list (`-all,+net_bind_service,+chown`, `+all,-sys_admin`).
 */
export function setprivCaps(assignments: readonly string[]): string {
  let keep = new Set<string>();
  let all = false;
  for (const a of assignments) {
    if (a === "") {
      keep = new Set();
      all = false;
      continue;
    }
    const invert = a.startsWith("~");
    const names = (invert ? a.slice(1) : a)
      .split(/\s+/)
      .filter((n) => n !== "")
      .map((n) => n.toLowerCase().replace(/^cap_/, ""));
    if (invert) {
      if (!all && keep.size === 0) all = true;
      for (const n of names) keep.add(`-${n}`);
    } else for (const n of names) keep.add(`+${n}`);
  }
  return [all ? "+all" : "-all", ...keep].join(",");
}

function environmentOptions(plan: ServicePlan, cmd: Command, role: CommandRole): string[] {
  const spec = plan.spec;
  const p = spec.process;
  const out: string[] = [];
  const nativeEnv = plan.native("process.environment") || plan.native("process.path");
  if (nativeEnv) out.push("--keep-env");
  if (p?.path && !plan.native("process.path")) out.push("--setenv", `PATH=${pathFromPackages(p.path)}`);
  if (p?.environment && !plan.native("process.environment"))
    for (const [k, v] of Object.entries(p.environment)) out.push("--setenv", `${k}=${v}`);
  for (const f of p?.environmentFiles ?? [])
    out.push(f.optional ? "--env-file-optional" : "--env-file", f.path);
  for (const n of p?.passEnvironment ?? []) out.push("--pass-env", n);
  for (const n of p?.unsetEnvironment ?? []) out.push("--unset-env", n);
  const dirs = spec.directories;
  for (const kind of DIR_KINDS) {
    const set = dirs?.[kind];
    for (const rel of set?.paths ?? []) {
      out.push("--dir", `${kind}:${plan.layout.bases[kind]}/${rel}${set?.mode ? `:${set.mode}` : ""}`);
    }
  }
  const creds = spec.sandboxing?.loadCredential;
  if (creds && role !== "condition") {
    out.push("--credentials-dir", `${plan.layout.run}/credentials/${spec.name}`);
    for (const c of creds) out.push("--credential", c.path === undefined ? c.id : `${c.id}:${c.path}`);
  }
  if (needsExpansion(cmd)) out.push("--expand");
  return out;
}

function processOptions(plan: ServicePlan): string[] {
  const p = plan.spec.process;
  const r = plan.spec.resources;
  const out: string[] = [];
  if (p?.umask && plan.emulated("process.umask")) out.push("--umask", p.umask);
  if (p?.nice !== undefined && plan.emulated("process.nice")) out.push("--nice", String(p.nice));
  if (p?.oomScoreAdjust !== undefined && plan.emulated("process.oomScoreAdjust"))
    out.push("--oom-score-adjust", String(p.oomScoreAdjust));
  for (const [name, l] of Object.entries(p?.limits ?? {})) {
    if (plan.emulated(`process.limits.${name}`)) out.push("--limit", `${name}=${l.soft}:${l.hard}`);
  }
  if (r?.cpuSchedulingPolicy && plan.emulated("resources.cpuSchedulingPolicy"))
    out.push("--cpu-scheduling", `${r.cpuSchedulingPolicy}:${r.cpuSchedulingPriority ?? 0}`);
  if (r?.ioSchedulingClass && plan.emulated("resources.ioSchedulingClass"))
    out.push(
      "--io-scheduling",
      r.ioSchedulingPriority === undefined
        ? r.ioSchedulingClass
        : `${r.ioSchedulingClass}:${r.ioSchedulingPriority}`,
    );
  if (r?.cpuAffinity && plan.emulated("resources.cpuAffinity"))
    out.push("--cpu-affinity", r.cpuAffinity.join(","));
  const wd = p?.workingDirectory;
  if (wd && plan.emulated("process.workingDirectory")) {
    if (wd.path === "~") out.push("--chdir-home");
    else out.push(wd.optional ? "--chdir-optional" : "--chdir", wd.path);
  }
  return out;
}

/** The argv that runs `cmd` in `role` on the plan's target. */
export function execLine(
  plan: ServicePlan,
  cmd: Command,
  role: CommandRole,
  options: ExecOptions = {},
): string[] {
  const opts = [
    ...environmentOptions(plan, cmd, role),
    ...identityOptions(plan, cmd),
    ...processOptions(plan),
    ...(options.stdout && options.stdout !== "inherit" ? ["--stdout", options.stdout] : []),
    ...(options.stderr && options.stderr !== "inherit" ? ["--stderr", options.stderr] : []),
    ...(cmd.ignoreFailure && !options.execd ? ["--ignore-failure"] : []),
    ...(options.extra ?? []),
  ];
  if (opts.length === 0 && !options.always) return [...cmd.argv];
  return [helperPath(plan.target), "--name", plan.spec.name, ...opts, "--", ...cmd.argv];
}

/** psl-run's condition check for the spec's Condition*=/Assert*= (undefined when there are none). */
export function conditionCheck(plan: ServicePlan): string[] | undefined {
  const conds = plan.spec.conditions?.filter((c) => plan.emulated(`conditions.${c.check}`)) ?? [];
  if (conds.length === 0) return undefined;
  const args = conds.flatMap((c) => [
    c.kind === "assert" ? "--assert" : "--condition",
    `${c.trigger ? "|" : ""}${c.negate ? "!" : ""}${c.check}=${c.value}`,
  ]);
  return [helperPath(plan.target), "check", ...args];
}

/** psl-run's state directory for a service (its pid records, restart counts, hooks' results). */
export function pslRunState(plan: ServicePlan): string {
  return `${plan.layout.run}/psl/${plan.spec.name}`;
}

/** sh printing the main pid psl-run supervise recorded (nothing when it has none). */
export function pslRunMainPid(plan: ServicePlan): string {
  return `cat ${shQuote(`${pslRunState(plan)}/mainpid`)} 2>/dev/null`;
}

/**
 * Options for `psl-run supervise` in front of a process whose own supervisor keeps the restart policy
 * (psl-run only stops and records it).
 */
export function noPolicyOptions(plan: ServicePlan): string[] {
  return ["--policy", "no", "--burst", "0", "--state", pslRunState(plan)];
}

/** psl-run's restart-policy options (for `supervise` and `decide`). */
export function policyOptions(plan: ServicePlan): string[] {
  const r = plan.spec.restart;
  const statuses = (s: { codes?: number[]; signals?: string[] } | undefined) =>
    [...(s?.codes ?? []).map(String), ...(s?.signals ?? [])].join(" ");
  const out = ["--policy", plan.restartPolicy];
  if (r?.delaySec !== undefined && r.delaySec !== "infinity") out.push("--delay", String(r.delaySec));
  const success = statuses(plan.spec.process?.successExitStatus);
  if (success) out.push("--success", success);
  const prevent = statuses(r?.preventExitStatus);
  if (prevent) out.push("--prevent", prevent);
  const force = statuses(r?.forceExitStatus);
  if (force) out.push("--force", force);
  if (r?.startLimitBurst !== undefined) out.push("--burst", String(r.startLimitBurst));
  if (r?.startLimitIntervalSec !== undefined && r.startLimitIntervalSec !== "infinity")
    out.push("--interval", String(r.startLimitIntervalSec));
  out.push("--state", pslRunState(plan));
  return out;
}

/** TimeoutStopSec= in whole seconds (systemd's default 90 when unset; undefined for `infinity`). */
export function stopTimeout(plan: ServicePlan): number | undefined {
  const t = plan.spec.stop?.timeoutSec;
  if (t === "infinity") return undefined;
  return typeof t === "number" ? Math.ceil(t) : 90;
}

/**
 * `psl-run supervise`'s stop options: KillSignal= and TimeoutStopSec=, so that a stop request from the
 * target (whatever signal it sends) reaches the process as systemd would stop it.
 */
export function stopOptions(plan: ServicePlan): string[] {
  const sig = plan.spec.stop?.signal;
  const timeout = stopTimeout(plan);
  return [
    ...(sig && sig !== "SIGTERM" ? ["--stop-signal", sig] : []),
    ...(plan.spec.stop?.timeoutSec !== undefined ? ["--stop-timeout", String(timeout ?? "infinity")] : []),
  ];
}

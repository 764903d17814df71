/**
 * The launchd target (macOS): /Library/LaunchDaemons/psl.<name>.plist. Native keys carry the program,
 * user and group (InitGroups for the groups), environment, working directory, umask, nice, resource
 * limits, output paths, ExitTimeOut, KeepAlive (from the restart policy), ThrottleInterval, and timers as
 * StartCalendarInterval/StartInterval. launchd has no dependencies and no ordering: that is reported.
 * psl-run (portable part) runs in front when something is emulated (environment files, $VAR expansion,
 * directories, credentials); sequences go through the launcher script. Checked by parsers (xmllint,
 * plistlib), not booted.
 */

import { diag } from "../../diagnostics/index.js";
import type { ServiceSpec } from "../../spec/schema.js";
import { calendarToCron, launchdIntervals } from "../calendar.js";
import { execLine, pathFromPackages, policyOptions } from "../exec-line.js";
import { reloadLauncher, startLauncher, startLauncherPath } from "../launcher.js";
import { helperPath } from "../layout.js";
import { logFile, outputOptions } from "../output.js";
import { defineGenerator, type RenderedService, type ServiceContext } from "../pipeline.js";
import { type PlanOverride, startsAtBoot } from "../plan.js";
import { shJoin } from "../sh-quote.js";
import { type PlistValue, plistString, printPlist } from "./plist.js";

const DIR = "/Library/LaunchDaemons";
const LIMIT_KEYS: Record<string, string> = {
  cpu: "CPU",
  fsize: "FileSize",
  data: "Data",
  stack: "Stack",
  core: "Core",
  rss: "ResidentSetSize",
  nofile: "NumberOfFiles",
  nproc: "NumberOfProcesses",
  memlock: "MemoryLock",
};

function overrides(spec: ServiceSpec): PlanOverride[] {
  const env = spec.process?.environment ?? {};
  if (Object.entries(env).every(([k, v]) => plistString(k) && plistString(v))) return [];
  return [
    {
      feature: "process.environment",
      capability: { status: "emulated", how: "psl-run sets the variables" },
      reason: "a value an XML plist cannot hold",
    },
  ];
}

function renderService(ctx: ServiceContext): RenderedService {
  const plan = ctx.plan;
  const spec = plan.spec;
  const name = spec.name;
  const label = `psl.${name}`;
  for (const u of [...(spec.dependencies?.requires ?? []), ...(spec.dependencies?.after ?? [])])
    ctx.notCarried(u);
  const out = outputOptions(plan, "inherit");
  const lc = spec.lifecycle;
  const mains = spec.process?.start ?? [];
  const files = [];
  const sequence = Boolean(
    lc?.startPre || lc?.startPost || lc?.condition || spec.conditions || mains.length > 1,
  );
  const policy = plan.restartPolicy;
  const helperPolicy =
    !["no", "always", "on-failure", "on-success"].includes(policy) && plan.type !== "oneshot";
  let argv = !sequence && mains[0] ? execLine(plan, mains[0], "main", { ...out }) : undefined;
  if (argv && helperPolicy)
    argv = [
      helperPath("launchd"),
      "supervise",
      ...policyOptions(plan),
      ...(argv[0] === helperPath("launchd") ? argv.slice(1) : ["--", ...argv]),
    ];
  if (!argv?.every(plistString)) {
    files.push(startLauncher(plan, { exec: out }));
    argv = [startLauncherPath(plan)];
  }
  const dict: Record<string, PlistValue> = { Label: label, ProgramArguments: argv };
  const user = spec.identity?.user ?? (spec.identity?.dynamicUser ? name : undefined);
  if (user) dict.UserName = user;
  if (spec.identity?.group) dict.GroupName = spec.identity.group;
  if (user) dict.InitGroups = true;
  const env: Record<string, string> = {};
  if (spec.process?.path) env.PATH = pathFromPackages(spec.process.path);
  if (plan.native("process.environment")) Object.assign(env, spec.process?.environment ?? {});
  if (Object.keys(env).length > 0) dict.EnvironmentVariables = env;
  const wd = spec.process?.workingDirectory;
  if (wd && wd.path !== "~" && plistString(wd.path)) dict.WorkingDirectory = wd.path;
  if (spec.process?.umask) dict.Umask = Number.parseInt(spec.process.umask, 8);
  if (spec.process?.nice !== undefined) dict.Nice = spec.process.nice;
  const soft: Record<string, number> = {};
  const hard: Record<string, number> = {};
  for (const [k, l] of Object.entries(spec.process?.limits ?? {})) {
    const key = LIMIT_KEYS[k];
    if (!key) continue;
    if (l.soft !== "infinity") soft[key] = l.soft;
    if (l.hard !== "infinity") hard[key] = l.hard;
  }
  if (Object.keys(soft).length > 0) dict.SoftResourceLimits = soft;
  if (Object.keys(hard).length > 0) dict.HardResourceLimits = hard;
  const log = logFile(plan);
  const path = (sink: string | undefined) =>
    sink === "null"
      ? "/dev/null"
      : sink && /^(file|append|truncate):/.test(sink)
        ? sink.slice(sink.indexOf(":") + 1)
        : log;
  dict.StandardOutPath = path(out.stdout);
  dict.StandardErrorPath = path(out.stderr);
  if (typeof spec.stop?.timeoutSec === "number") dict.ExitTimeOut = Math.ceil(spec.stop.timeoutSec);
  if (typeof spec.restart?.delaySec === "number")
    dict.ThrottleInterval = Math.max(1, Math.ceil(spec.restart.delaySec));
  if (plan.type !== "oneshot") {
    if (policy === "always" || helperPolicy) dict.KeepAlive = helperPolicy ? { SuccessfulExit: false } : true;
    else if (policy === "on-failure") dict.KeepAlive = { SuccessfulExit: false };
    else if (policy === "on-success") dict.KeepAlive = { SuccessfulExit: true };
  }
  const calendar: Record<string, number>[] = [];
  let every: number | undefined;
  for (const t of spec.timers ?? []) {
    for (const expr of t.onCalendar ?? []) {
      const r = calendarToCron(expr);
      const dicts = r.ok ? launchdIntervals(r.fields) : undefined;
      if (dicts) calendar.push(...dicts);
      else
        ctx.diagnostics.push(
          diag(
            "PSL6006",
            { service: name, calendar: expr, target: "launchd" },
            { target: "launchd", notes: [r.ok ? "too many calendar intervals" : r.reason] },
          ),
        );
    }
    const e = t.onUnitActiveSec?.[0];
    if (typeof e === "number") every = Math.ceil(e);
  }
  if (calendar.length > 0)
    dict.StartCalendarInterval = calendar.length === 1 ? (calendar[0] as PlistValue) : calendar;
  if (every !== undefined) dict.StartInterval = every;
  dict.RunAtLoad = startsAtBoot(plan);
  const plist = `${DIR}/${label}.plist`;
  const comment = `psl: ${name} (launchd); generated.${spec.description ? ` ${spec.description.replaceAll("\n", " ")}` : ""}`;
  files.push({
    path: `rootfs${plist}`,
    content: printPlist(dict, plistString(comment) ? comment : `psl: ${name}`),
    mode: 0o644,
  });
  // ExecReload=: psl's reload script, with $MAINPID from `launchctl print`.
  const reload = reloadLauncher(
    plan,
    `launchctl print ${shJoin([`system/${label}`])} | sed -n 's/^[[:space:]]*pid = \\([0-9]*\\).*/\\1/p'`,
  );
  if (reload) files.push(reload);
  return {
    files,
    enable: [],
    start: [`${shJoin(["launchctl", "bootstrap", "system", plist])} 2>/dev/null || :`],
    stop: [shJoin(["launchctl", "bootout", `system/${label}`])],
    disable: [],
  };
}

export const launchdGenerator = defineGenerator({
  target: "launchd",
  helper: true,
  renderService,
  overrides,
});

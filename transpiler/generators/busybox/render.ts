/**
 * The busybox init target: busybox's init has no services, only inittab lines, so each service is psl's
 * launcher script run from an inittab line — `respawn` for Restart=always, `wait` for oneshots (which
 * then run in order before the rest), `once` otherwise (with psl-run's policy engine when it must
 * restart). The lines go into /etc/inittab between `# psl:begin` and `# psl:end` in the generated start
 * order; install.sh replaces that block and makes init re-read it (kill -HUP 1).
 */
import { policyOptions } from "../exec-line.js";
import { startLauncher, startLauncherPath } from "../launcher.js";
import { helperPath } from "../layout.js";
import { defaultOutput } from "../output.js";
import { defineGenerator, type RenderedService, type ServiceContext } from "../pipeline.js";
import { type ServicePlan, startsAtBoot } from "../plan.js";
import { shJoin } from "../sh-quote.js";
import type { GeneratedFile } from "../types.js";

const FRAGMENT = "/usr/lib/psl/inittab";

function action(plan: ServicePlan): "respawn" | "wait" | "once" {
  if (plan.type === "oneshot") return "wait";
  return plan.restartPolicy === "always" ? "respawn" : "once";
}

function renderService(ctx: ServiceContext): RenderedService {
  const plan = ctx.plan;
  for (const u of [...(plan.spec.dependencies?.requires ?? []), ...(plan.spec.dependencies?.wants ?? [])]) {
    if (!ctx.local(u)) ctx.notCarried(u);
  }
  const files: GeneratedFile[] = [startLauncher(plan, { exec: defaultOutput(plan) })];
  if (action(plan) === "once" && plan.restartPolicy !== "no") {
    const sup = [
      "#!/bin/sh",
      `# psl: supervise ${plan.spec.name} (busybox); generated.`,
      `exec ${shJoin([helperPath("busybox"), "supervise", ...policyOptions(plan), "--name", plan.spec.name, "--keep-env", "--", startLauncherPath(plan)])}`,
      "",
    ];
    files.push({ path: `rootfs${plan.dir}/supervise`, content: sup.join("\n"), mode: 0o755 });
  }
  const now = startsAtBoot(plan) && action(plan) !== "respawn";
  const cmd =
    action(plan) === "once" && plan.restartPolicy !== "no"
      ? `${plan.dir}/supervise`
      : startLauncherPath(plan);
  return {
    files,
    enable: [],
    // init starts only new `respawn` lines when it re-reads inittab: start the others once now.
    start: now ? [`${shJoin([cmd])} </dev/null >/dev/null 2>&1 &`] : [],
    stop: [],
    disable: [],
  };
}

function renderAll(plans: readonly ServicePlan[], order: readonly string[]) {
  const byName = new Map(plans.map((p) => [p.spec.name, p]));
  const lines = ["# psl:begin"];
  for (const n of order) {
    const p = byName.get(n);
    if (!p || !startsAtBoot(p)) continue;
    const cmd =
      action(p) === "once" && p.restartPolicy !== "no" ? `${p.dir}/supervise` : startLauncherPath(p);
    lines.push(`::${action(p)}:${cmd}`);
  }
  lines.push("# psl:end", "");
  const files: GeneratedFile[] = [{ path: `rootfs${FRAGMENT}`, content: lines.join("\n"), mode: 0o644 }];
  const afterFiles = [
    "# Replace psl's block in /etc/inittab",
    "touch /etc/inittab",
    "sed -i '/^# psl:begin$/,/^# psl:end$/d' /etc/inittab",
    `cat ${shJoin([FRAGMENT])} >>/etc/inittab`,
  ];
  return { files, afterFiles };
}

export const busyboxGenerator = defineGenerator({
  target: "busybox",
  helper: true,
  renderService,
  renderAll,
  activate: ["kill -HUP 1 2>/dev/null || :"],
  removal: ["if [ -f /etc/inittab ]; then sed -i '/^# psl:begin$/,/^# psl:end$/d' /etc/inittab; fi"],
});

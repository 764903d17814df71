/**
 * The s6-rc target: source definitions under /etc/s6-rc/source — a `longrun` (the s6 service directory
 * files, with a `<name>-log` consumer running s6-log) or a `oneshot` whose `up`/`down` (execline command
 * lines) call psl's launcher scripts; `dependencies.d/` from Requires=, Wants=, After= (s6-rc dependencies
 * both order and require) and Before= of other services; and a `psl` bundle of what starts at boot.
 * install.sh compiles a new database and, when s6-rc is live, switches to it and brings the bundle up.
 * s6-rc is not packaged in Debian bookworm: its output is checked by parsers, not booted.
 */
import { diag } from "../../diagnostics/index.js";
import { reloadLauncher, startLauncher, startLauncherPath, stopLauncher } from "../launcher.js";
import { defineGenerator, type RenderedService, type ServiceContext } from "../pipeline.js";
import { type ServicePlan, startsAtBoot } from "../plan.js";
import { s6Files, s6MainPid } from "../s6/render.js";
import { header, type SupervisionCommands } from "../service-dir.js";
import { shJoin } from "../sh-quote.js";
import type { GeneratedFile } from "../types.js";

const SOURCE = "/etc/s6-rc/source";
const LIVE = "/run/s6-rc";

const COMMANDS: SupervisionCommands = {
  stayDown: "s6-svc -d . || :",
  finishArgs: [
    "# s6 passes the exit code, or 256 and the signal number",
    'if [ "${1:-256}" = 256 ]; then set -- --exit-signal "${2:-0}"; else set -- --exit-code "$1"; fi',
  ],
  finalExit: "exit 125",
};

/** An execline command line holding one absolute path made of safe characters. */
function execlinePath(ctx: ServiceContext, path: string): string {
  if (!/^\/[A-Za-z0-9_./@:+-]+$/.test(path)) {
    ctx.diagnostics.push(
      diag(
        "PSL6005",
        { service: ctx.plan.spec.name, what: "a launcher path", target: "s6-rc", reason: path },
        { target: "s6-rc" },
      ),
    );
  }
  return `${path}\n`;
}

function dependencies(ctx: ServiceContext): string[] {
  const d = ctx.plan.spec.dependencies;
  const out = new Set<string>();
  for (const u of [
    ...(d?.requires ?? []),
    ...(d?.wants ?? []),
    ...(d?.requisite ?? []),
    ...(d?.bindsTo ?? []),
    ...(d?.after ?? []),
  ]) {
    const n = ctx.local(u);
    if (n) out.add(n);
    else ctx.notCarried(u);
  }
  for (const other of ctx.specs) {
    if ((other.dependencies?.before ?? []).includes(`${ctx.plan.spec.name}.service`)) out.add(other.name);
  }
  return [...out].sort();
}

function renderService(ctx: ServiceContext): RenderedService {
  const plan = ctx.plan;
  const name = plan.spec.name;
  const dir = `${SOURCE}/${name}`;
  const files: GeneratedFile[] = [];
  const oneshot = plan.type === "oneshot";
  files.push({ path: `rootfs${dir}/type`, content: oneshot ? "oneshot\n" : "longrun\n", mode: 0o644 });
  if (oneshot) {
    files.push(startLauncher(plan, { exec: { stdout: "inherit", stderr: "inherit" } }));
    files.push({ path: `rootfs${dir}/up`, content: execlinePath(ctx, startLauncherPath(plan)), mode: 0o644 });
    const stop = stopLauncher(plan, []);
    if (stop) {
      files.push(stop);
      files.push({ path: `rootfs${dir}/down`, content: execlinePath(ctx, `${plan.dir}/stop`), mode: 0o644 });
    }
  } else {
    files.push(
      ...s6Files(ctx, dir, COMMANDS).filter((f) => !f.path.includes("/log/") && !f.path.endsWith("/down")),
    );
    files.push({ path: `rootfs${dir}/producer-for`, content: `${name}-log\n`, mode: 0o644 });
    const logDir = `${plan.layout.log}/${name}`;
    const log = `${SOURCE}/${name}-log`;
    files.push({ path: `rootfs${log}/type`, content: "longrun\n", mode: 0o644 });
    files.push({ path: `rootfs${log}/consumer-for`, content: `${name}\n`, mode: 0o644 });
    files.push({
      path: `rootfs${log}/run`,
      content: [
        ...header(plan, "logger run script"),
        "exec 2>&1",
        `mkdir -p ${shJoin([logDir])}`,
        `exec s6-log -b n10 T ${shJoin([logDir])}`,
        "",
      ].join("\n"),
      mode: 0o755,
    });
  }
  for (const dep of dependencies(ctx)) {
    files.push({ path: `rootfs${dir}/dependencies.d/${dep}`, content: "", mode: 0o644 });
  }
  // ExecReload=: psl's reload script, with $MAINPID from the live scan directory.
  const reload = oneshot ? undefined : reloadLauncher(plan, s6MainPid(plan, `${LIVE}/scandir/${name}`));
  if (reload) files.push(reload);
  return { files, enable: [], start: [], stop: [], disable: [] };
}

function renderAll(all: readonly ServicePlan[]) {
  const files: GeneratedFile[] = [
    { path: `rootfs${SOURCE}/psl/type`, content: "bundle\n", mode: 0o644 },
    ...all
      .filter((p) => startsAtBoot(p))
      .map((p) => ({ path: `rootfs${SOURCE}/psl/contents.d/${p.spec.name}`, content: "", mode: 0o644 })),
  ];
  const afterFiles = [
    "# Compile the s6-rc database; switch to it when s6-rc is live",
    'db="/etc/s6-rc/compiled-psl-$(date +%s)"',
    `s6-rc-compile "$db" ${shJoin([SOURCE])}`,
    `if [ -d ${shJoin([LIVE])} ]; then s6-rc-update -l ${shJoin([LIVE])} "$db"; fi`,
    'ln -sfn "$db" /etc/s6-rc/compiled',
  ];
  return { files, afterFiles };
}

export const s6rcGenerator = defineGenerator({
  target: "s6-rc",
  helper: true,
  renderService,
  renderAll,
  activate: [
    `if [ -d ${shJoin([LIVE])} ] && [ "\${PSL_NO_START:-0}" != 1 ]; then s6-rc -l ${shJoin([LIVE])} -u change psl; fi`,
  ],
});

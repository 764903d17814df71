/**
 * The systemd target: unit files under /etc/systemd/system (the service and its sockets and timers), a
 * tmpfiles.d file for the spec's rules, and install steps that reload systemd, enable what has an
 * [Install] section (or mask a service whose spec says `enable = false`) and start it when systemd runs.
 */
import { diag } from "../../diagnostics/index.js";
import type { ServiceSpec } from "../../spec/schema.js";
import { defineGenerator, type RenderedService, type ServiceContext } from "../pipeline.js";
import { shJoin } from "../sh-quote.js";
import type { GeneratedFile } from "../types.js";
import { printServiceUnit, printSocketUnit, printTimerUnit, tmpfilesLine } from "./unit.js";

const UNIT_DIR = "/etc/systemd/system";
const RUNNING = "[ -d /run/systemd/system ]";

function installable(spec: { wantedBy?: readonly string[] } | undefined): boolean {
  return (spec?.wantedBy?.length ?? 0) > 0;
}

function renderService(ctx: ServiceContext): RenderedService {
  const spec: ServiceSpec = ctx.plan.spec;
  const files: GeneratedFile[] = [];
  const unitName = `${spec.name}.service`;
  const add = (name: string, printed: { text: string; problems: readonly string[] }) => {
    for (const p of printed.problems)
      ctx.diagnostics.push(
        diag(
          "PSL6005",
          { service: spec.name, what: p.split(":")[0] ?? p, target: "systemd", reason: p },
          { target: "systemd" },
        ),
      );
    files.push({ path: `rootfs${UNIT_DIR}/${name}`, content: printed.text, mode: 0o644 });
  };
  add(unitName, printServiceUnit(spec));
  for (const s of spec.sockets ?? []) add(s.name, printSocketUnit(s));
  for (const t of spec.timers ?? []) add(t.name, printTimerUnit(t));
  if (spec.tmpfiles) {
    files.push({
      path: `rootfs/etc/tmpfiles.d/psl-${spec.name}.conf`,
      content: `${spec.tmpfiles.map(tmpfilesLine).join("\n")}\n`,
      mode: 0o644,
    });
  }
  const deps = spec.dependencies;
  const enableUnits: string[] = [];
  if (spec.enable !== false && ((deps?.wantedBy?.length ?? 0) > 0 || (deps?.requiredBy?.length ?? 0) > 0))
    enableUnits.push(unitName);
  for (const u of [...(spec.sockets ?? []), ...(spec.timers ?? [])])
    if (spec.enable !== false && u.enable !== false && installable(u)) enableUnits.push(u.name);
  const tmpfiles = spec.tmpfiles
    ? [
        `if command -v systemd-tmpfiles >/dev/null 2>&1; then systemd-tmpfiles --create ${shJoin([`/etc/tmpfiles.d/psl-${spec.name}.conf`])}; fi`,
      ]
    : [];
  const all = [
    unitName,
    ...(spec.sockets ?? []).map((s) => s.name),
    ...(spec.timers ?? []).map((t) => t.name),
  ];
  return {
    files,
    enable: [
      ...tmpfiles,
      ...(spec.enable === false ? [shJoin(["systemctl", "mask", unitName])] : []),
      ...enableUnits.map((u) => shJoin(["systemctl", "enable", u])),
    ],
    start: enableUnits.map((u) => `if ${RUNNING}; then ${shJoin(["systemctl", "start", u])}; fi`),
    stop: [...all].reverse().map((u) => `if ${RUNNING}; then ${shJoin(["systemctl", "stop", u])}; fi`),
    disable: [
      ...enableUnits.map((u) => shJoin(["systemctl", "disable", u])),
      ...(spec.enable === false ? [shJoin(["systemctl", "unmask", unitName])] : []),
    ],
  };
}

export const systemdGenerator = defineGenerator({
  target: "systemd",
  helper: false,
  renderService,
  activate: [`if ${RUNNING}; then systemctl daemon-reload; fi`],
});

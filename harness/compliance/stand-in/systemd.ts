/**
 * Stand-in generator for systemd: native unit files (systemd does everything the scenarios ask), quoted
 * with systemd's own rules so that any argument or environment value arrives byte for byte.
 */
import type { GeneratedFile, Generator } from "../../../transpiler/generators/types.js";
import type { Command, ServiceSpec } from "../../../transpiler/spec/schema.js";
import { configFiles, renderScripts } from "./common.js";

/** One word in systemd's exec-line and Environment= syntax: double-quoted, C escapes, `%` doubled. */
export function systemdQuote(word: string, expandDollar: boolean): string {
  let out = "";
  for (const ch of word) {
    const code = ch.codePointAt(0) ?? 0;
    if (ch === "\\") out += "\\\\";
    else if (ch === '"') out += '\\"';
    else if (ch === "\n") out += "\\n";
    else if (ch === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else if (ch === "%") out += "%%";
    else if (ch === "$" && expandDollar) out += "$$";
    else out += ch;
  }
  return `"${out}"`;
}

function execLine(c: Command): string {
  // Spec strings are literal; `$` only means a variable when expandEnvironment is not false, and then
  // the spec already wrote what systemd should see. With `:` nothing is expanded and `$` stays as is.
  const literal = c.expandEnvironment === false;
  return `${literal ? ":" : ""}${c.argv.map((a) => systemdQuote(a, false)).join(" ")}`;
}

function unitFile(spec: ServiceSpec): string {
  const unit: string[] = ["[Unit]", `Description=${spec.description ?? spec.name}`];
  const d = spec.dependencies;
  for (const [key, list] of [
    ["Requires", d?.requires],
    ["Wants", d?.wants],
    ["After", d?.after],
    ["Before", d?.before],
  ] as const) {
    if (list?.length) unit.push(`${key}=${list.join(" ")}`);
  }
  const p = spec.process;
  const s: string[] = ["", "[Service]"];
  if (p?.type) s.push(`Type=${p.type}`);
  for (const c of p?.start ?? []) s.push(`ExecStart=${execLine(c)}`);
  for (const c of spec.lifecycle?.reload ?? []) s.push(`ExecReload=${execLine(c)}`);
  if (p?.remainAfterExit !== undefined) s.push(`RemainAfterExit=${p.remainAfterExit ? "yes" : "no"}`);
  for (const [k, v] of Object.entries(p?.environment ?? {}))
    s.push(`Environment=${systemdQuote(`${k}=${v}`, false)}`);
  for (const f of p?.environmentFiles ?? []) s.push(`EnvironmentFile=${f.optional ? "-" : ""}${f.path}`);
  if (p?.umask) s.push(`UMask=${p.umask}`);
  if (p?.workingDirectory)
    s.push(`WorkingDirectory=${p.workingDirectory.optional ? "-" : ""}${p.workingDirectory.path}`);
  const id = spec.identity;
  if (id?.user) s.push(`User=${id.user}`);
  if (id?.group) s.push(`Group=${id.group}`);
  if (id?.supplementaryGroups?.length) s.push(`SupplementaryGroups=${id.supplementaryGroups.join(" ")}`);
  const dirs = spec.directories;
  if (dirs?.state)
    s.push(
      `StateDirectory=${dirs.state.paths.join(" ")}`,
      ...(dirs.state.mode ? [`StateDirectoryMode=${dirs.state.mode}`] : []),
    );
  if (dirs?.runtime)
    s.push(
      `RuntimeDirectory=${dirs.runtime.paths.join(" ")}`,
      ...(dirs.runtime.mode ? [`RuntimeDirectoryMode=${dirs.runtime.mode}`] : []),
    );
  const r = spec.restart;
  if (r?.policy) s.push(`Restart=${r.policy}`);
  if (r?.delaySec !== undefined) s.push(`RestartSec=${r.delaySec}`);
  if (spec.stop?.signal) s.push(`KillSignal=${spec.stop.signal}`);
  if (spec.stop?.timeoutSec !== undefined) s.push(`TimeoutStopSec=${spec.stop.timeoutSec}`);
  if (spec.readiness?.notifyAccess) s.push(`NotifyAccess=${spec.readiness.notifyAccess}`);
  return [...unit, ...s, "", "[Install]", "WantedBy=multi-user.target", ""].join("\n");
}

export const systemdStandIn: Generator = {
  target: "systemd",
  render(specs) {
    const files: GeneratedFile[] = [
      ...specs.map((s) => ({
        path: `rootfs/etc/systemd/system/${s.name}.service`,
        content: unitFile(s),
        mode: 0o644,
      })),
      ...specs.flatMap(configFiles),
    ];
    const scripts = renderScripts("systemd", specs, files, {
      enable: (s) => [`systemctl enable ${s.name}.service >/dev/null 2>&1`],
      afterEnable: ["systemctl daemon-reload"],
      start: (s) => [`systemctl start ${s.name}.service`],
      remove: (s) => [`systemctl disable --now ${s.name}.service >/dev/null 2>&1 || true`],
    });
    return { files: [...files, ...scripts], diagnostics: [] };
  },
};

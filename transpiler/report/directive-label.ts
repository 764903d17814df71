/**
 * The name a person knows a feature by: its unit-file directive (`[Service] User=`), the exec-line prefix,
 * the condition, or the NixOS option it came from (provenance `via`). Derived from the directive registry,
 * so it cannot drift from what the frontends read.
 */
import { DIRECTIVES } from "../frontends/systemd/directives.js";

const COMMAND_LABELS: Record<string, string> = {
  "commands.ignoreFailure": "exec prefix `-`",
  "commands.privileged": "exec prefix `+`/`!`",
  "commands.expandEnvironment": "exec prefix `:`",
  "commands.argv0": "exec prefix `@`",
  "commands.viaShell": "exec prefix `|`",
  "commands.script": "NixOS job script (script, preStart, …)",
  "commands.environmentExpansion": "$VAR in a command line",
};

const SPECIAL: Record<string, string> = {
  name: "the unit's name",
  enable: "NixOS enable",
  configFiles: "NixOS environment.etc",
  tmpfiles: "systemd.tmpfiles rules",
  "accounts.users": "NixOS users.users",
  "accounts.groups": "NixOS users.groups",
  "process.path": "NixOS path (Environment=PATH)",
  "sockets.listen": "[Socket] Listen*=",
};

const byField = new Map<string, string>();
for (const d of DIRECTIVES) {
  if (d.readOnly) continue;
  const prefix = d.kind === "socket" ? "sockets." : d.kind === "timer" ? "timers." : "";
  for (const f of d.fields) {
    const key = `${prefix}${f}`;
    const unit = prefix && (d.section === "Unit" || d.section === "Install") ? ` (${d.kind})` : "";
    if (!byField.has(key)) byField.set(key, `[${d.section}] ${d.key}=${unit}`);
  }
}

/** A label for `feature`. */
export function directiveLabel(feature: string): string {
  const special = SPECIAL[feature] ?? COMMAND_LABELS[feature];
  if (special) return special;
  if (feature.startsWith("conditions."))
    return `[Unit] Condition${feature.slice(11)}=/Assert${feature.slice(11)}=`;
  if (feature.startsWith("systemd.")) {
    const rest = feature.slice(8);
    const dot = rest.indexOf(".");
    return `[${rest.slice(0, dot)}] ${rest.slice(dot + 1)}=`;
  }
  const eq = feature.indexOf("=");
  const field = eq < 0 ? feature : feature.slice(0, eq);
  const base = byField.get(field);
  if (base) return eq < 0 ? base : `${base}${feature.slice(eq + 1)}`;
  return feature;
}

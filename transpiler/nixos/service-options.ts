/**
 * The options NixOS declares for an entry of `systemd.services` (48 of them, vendored from
 * `shared/data/nixos-service-options.tsv`), each with the capability-table features it lowers into. The
 * capability completeness test walks this table, so a NixOS option can never go unclassified. `serviceConfig`
 * and `unitConfig` lower into arbitrary directives: they are classified directive by directive.
 */

/** `"directives"`: the option carries arbitrary unit directives, each classified on its own. */
export type OptionFeatures = readonly string[] | "directives";

export const NIXOS_SERVICE_OPTIONS: Readonly<Record<string, OptionFeatures>> = {
  enable: ["enable"],
  name: ["name"],
  overrideStrategy: ["nixos.overrideStrategy"],
  requiredBy: ["dependencies.requiredBy"],
  upheldBy: ["dependencies.upheldBy"],
  wantedBy: ["dependencies.wantedBy"],
  aliases: ["dependencies.aliases"],
  description: ["description"],
  documentation: ["documentation"],
  requires: ["dependencies.requires"],
  wants: ["dependencies.wants"],
  upholds: ["dependencies.upholds"],
  after: ["dependencies.after"],
  before: ["dependencies.before"],
  bindsTo: ["dependencies.bindsTo"],
  partOf: ["dependencies.partOf"],
  conflicts: ["dependencies.conflicts"],
  requisite: ["dependencies.requisite"],
  unitConfig: "directives",
  onFailure: ["dependencies.onFailure"],
  onSuccess: ["dependencies.onSuccess"],
  startLimitBurst: ["restart.startLimitBurst"],
  startLimitIntervalSec: ["restart.startLimitIntervalSec"],
  restartTriggers: ["nixos.restartTriggers"],
  reloadTriggers: ["nixos.reloadTriggers"],
  environment: ["process.environment"],
  path: ["process.path"],
  enableDefaultPath: ["process.path"],
  serviceConfig: "directives",
  enableStrictShellChecks: ["commands.script"],
  script: ["process.start", "commands.script"],
  scriptArgs: ["process.start"],
  preStart: ["lifecycle.startPre", "commands.script"],
  postStart: ["lifecycle.startPost", "commands.script"],
  reload: ["lifecycle.reload", "commands.script"],
  preStop: ["lifecycle.stop", "commands.script"],
  postStop: ["lifecycle.stopPost", "commands.script"],
  jobScripts: ["commands.script"],
  restartIfChanged: ["nixos.restartIfChanged"],
  reloadIfChanged: ["nixos.reloadIfChanged"],
  stopIfChanged: ["nixos.stopIfChanged"],
  notSocketActivated: ["nixos.notSocketActivated"],
  startAt: ["timers.onCalendar"],
  "confinement.enable": [
    "sandboxing.rootDirectory",
    "sandboxing.readOnlyPaths",
    "sandboxing.inaccessiblePaths",
    "sandboxing.privateMounts",
    "directories.runtime.paths",
  ],
  "confinement.fullUnit": ["sandboxing.bindReadOnlyPaths"],
  "confinement.packages": ["sandboxing.bindReadOnlyPaths"],
  "confinement.binSh": ["sandboxing.bindReadOnlyPaths"],
  "confinement.mode": [
    "sandboxing.mountAPIVFS",
    "sandboxing.privateDevices",
    "sandboxing.privateTmp",
    "sandboxing.privateUsers",
    "sandboxing.protectControlGroups",
    "sandboxing.protectKernelModules",
    "sandboxing.protectKernelTunables",
  ],
};

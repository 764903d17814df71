/**
 * The unit-key registry: which systemd directive lands in which ServiceSpec field, through which codec.
 * The unit-file frontend, the JSON frontend (through NixOS's lowering) and the systemd generator all read
 * this one table, so a directive means the same thing whichever way it travels. A directive not listed here
 * is kept verbatim under `spec.systemd[Section][Key]`.
 *
 * Fields are dotted paths relative to the object a unit becomes: the ServiceSpec for `.service` units,
 * one entry of `sockets` for `.socket` units, one entry of `timers` for `.timer` units.
 */
import {
  KILL_MODES,
  LISTEN_KINDS,
  NOTIFY_ACCESS,
  RESTART_POLICIES,
  SERVICE_TYPES,
} from "../../spec/schema.js";
import {
  assignments,
  assignmentsWithReset,
  bool,
  boolOr,
  boolOrText,
  type Codec,
  condition,
  environment,
  environmentFile,
  exec,
  exitStatus,
  int,
  limit,
  listen,
  loadCredential,
  mode,
  oneOf,
  seconds,
  secondsList,
  signal,
  str,
  words,
  workingDirectory,
} from "./codecs.js";

export type UnitKind = "service" | "socket" | "timer";
export type SectionName = "Unit" | "Service" | "Install" | "Socket" | "Timer";

export interface Directive {
  readonly kind: UnitKind;
  readonly section: SectionName;
  readonly key: string;
  /** Dotted path of the field this directive sets. */
  readonly fields: readonly string[];
  readonly codec: Codec;
  /** Read but never written back (legacy spellings, `TimeoutSec=`); the canonical key prints instead. */
  readonly readOnly?: true;
}

const table: Directive[] = [];
function add(
  kind: UnitKind,
  section: SectionName,
  key: string,
  field: string | string[],
  codec: Codec,
  readOnly = false,
): void {
  table.push({
    kind,
    section,
    key,
    fields: Array.isArray(field) ? field : [field],
    codec,
    ...(readOnly ? { readOnly: true } : {}),
  });
}
const svc = (section: SectionName, key: string, field: string | string[], codec: Codec, readOnly = false) =>
  add("service", section, key, field, codec, readOnly);

const unitList = words({ spec: true });
const path = str({ spec: true });

// [Unit]
svc("Unit", "Description", "description", str({ spec: true }));
svc("Unit", "Documentation", "documentation", words({ spec: true }));
for (const [key, field] of [
  ["Requires", "requires"],
  ["Wants", "wants"],
  ["Requisite", "requisite"],
  ["BindsTo", "bindsTo"],
  ["PartOf", "partOf"],
  ["Upholds", "upholds"],
  ["Conflicts", "conflicts"],
  ["After", "after"],
  ["Before", "before"],
  ["OnFailure", "onFailure"],
  ["OnSuccess", "onSuccess"],
  ["PropagatesReloadTo", "propagatesReloadTo"],
  ["ReloadPropagatedFrom", "reloadPropagatedFrom"],
  ["PropagatesStopTo", "propagatesStopTo"],
  ["StopPropagatedFrom", "stopPropagatedFrom"],
  ["JoinsNamespaceOf", "joinsNamespaceOf"],
  ["RequiresMountsFor", "requiresMountsFor"],
] as const) {
  svc("Unit", key, `dependencies.${field}`, unitList);
}
svc("Unit", "BindTo", "dependencies.bindsTo", unitList, true);
svc("Unit", "PropagateReloadTo", "dependencies.propagatesReloadTo", unitList, true);
svc("Unit", "PropagateReloadFrom", "dependencies.reloadPropagatedFrom", unitList, true);
svc("Unit", "DefaultDependencies", "dependencies.defaultDependencies", bool);
svc("Unit", "StartLimitIntervalSec", "restart.startLimitIntervalSec", seconds());
svc("Unit", "StartLimitInterval", "restart.startLimitIntervalSec", seconds(), true);
svc("Unit", "StartLimitBurst", "restart.startLimitBurst", int(0));
svc("Unit", "StartLimitAction", "restart.startLimitAction", str());
svc("Service", "StartLimitInterval", "restart.startLimitIntervalSec", seconds(), true);
svc("Service", "StartLimitBurst", "restart.startLimitBurst", int(0), true);
svc("Service", "StartLimitAction", "restart.startLimitAction", str(), true);
svc("Unit", "X-Restart-Triggers", "nixos.restartTriggers", str());
svc("Unit", "X-Reload-Triggers", "nixos.reloadTriggers", str());

/** Condition and assert checks of systemd v256 (systemd.unit(5)). */
export const CONDITION_CHECKS = [
  "ACPower",
  "Architecture",
  "CPUFeature",
  "CPUPressure",
  "CPUs",
  "Capability",
  "ControlGroupController",
  "Credential",
  "DirectoryNotEmpty",
  "Environment",
  "FileIsExecutable",
  "FileNotEmpty",
  "Firmware",
  "FirstBoot",
  "Group",
  "Host",
  "IOPressure",
  "KernelCommandLine",
  "KernelVersion",
  "Memory",
  "MemoryPressure",
  "NeedsUpdate",
  "OSRelease",
  "PathExists",
  "PathExistsGlob",
  "PathIsDirectory",
  "PathIsEncrypted",
  "PathIsMountPoint",
  "PathIsReadWrite",
  "PathIsSymbolicLink",
  "Security",
  "User",
  "Virtualization",
] as const;
for (const check of CONDITION_CHECKS) {
  svc("Unit", `Condition${check}`, "conditions", condition("condition", check));
  svc("Unit", `Assert${check}`, "conditions", condition("assert", check));
}

// [Install]
svc("Install", "WantedBy", "dependencies.wantedBy", unitList);
svc("Install", "RequiredBy", "dependencies.requiredBy", unitList);
svc("Install", "UpheldBy", "dependencies.upheldBy", unitList);
svc("Install", "Alias", "dependencies.aliases", unitList);
svc("Install", "Also", "dependencies.also", unitList);
svc("Install", "DefaultInstance", "dependencies.defaultInstance", str({ spec: true }));

// [Service]: the service itself
svc("Service", "Type", "process.type", oneOf(SERVICE_TYPES));
svc("Service", "ExecStart", "process.start", exec);
svc("Service", "ExecCondition", "lifecycle.condition", exec);
svc("Service", "ExecStartPre", "lifecycle.startPre", exec);
svc("Service", "ExecStartPost", "lifecycle.startPost", exec);
svc("Service", "ExecReload", "lifecycle.reload", exec);
svc("Service", "ExecStop", "lifecycle.stop", exec);
svc("Service", "ExecStopPost", "lifecycle.stopPost", exec);
svc("Service", "PIDFile", "process.pidFile", path);
svc("Service", "RemainAfterExit", "process.remainAfterExit", bool);
svc("Service", "GuessMainPID", "process.guessMainPid", bool);
svc("Service", "BusName", "readiness.busName", path);
svc("Service", "NotifyAccess", "readiness.notifyAccess", oneOf(NOTIFY_ACCESS));
svc("Service", "WatchdogSec", "readiness.watchdogSec", seconds());
svc("Service", "TimeoutStartSec", "readiness.timeoutSec", seconds());
svc("Service", "TimeoutStopSec", "stop.timeoutSec", seconds());
svc("Service", "TimeoutAbortSec", "stop.abortTimeoutSec", seconds());
svc("Service", "TimeoutSec", ["readiness.timeoutSec", "stop.timeoutSec"], seconds(), true);
svc(
  "Service",
  "TimeoutStartFailureMode",
  "readiness.timeoutStartFailureMode",
  oneOf(["terminate", "abort", "kill"]),
);
svc("Service", "RuntimeMaxSec", "process.runtimeMaxSec", seconds());
svc("Service", "Restart", "restart.policy", oneOf(RESTART_POLICIES));
svc("Service", "RestartSec", "restart.delaySec", seconds());
svc("Service", "RestartSteps", "restart.steps", int(0));
svc("Service", "RestartMaxDelaySec", "restart.maxDelaySec", seconds());
svc("Service", "RestartMode", "restart.mode", oneOf(["normal", "direct"]));
svc("Service", "SuccessExitStatus", "process.successExitStatus", exitStatus);
svc("Service", "RestartPreventExitStatus", "restart.preventExitStatus", exitStatus);
svc("Service", "RestartForceExitStatus", "restart.forceExitStatus", exitStatus);
svc("Service", "OOMPolicy", "resources.oomPolicy", oneOf(["continue", "stop", "kill"]));
svc("Service", "X-RestartIfChanged", "nixos.restartIfChanged", bool);
svc("Service", "X-ReloadIfChanged", "nixos.reloadIfChanged", bool);
svc("Service", "X-StopIfChanged", "nixos.stopIfChanged", bool);
svc("Service", "X-NotSocketActivated", "nixos.notSocketActivated", bool);

// [Service]: execution environment (systemd.exec)
svc("Service", "WorkingDirectory", "process.workingDirectory", workingDirectory);
svc("Service", "RootDirectory", "sandboxing.rootDirectory", path);
svc("Service", "RootImage", "sandboxing.rootImage", path);
svc("Service", "User", "identity.user", str({ spec: true }));
svc("Service", "Group", "identity.group", str({ spec: true }));
svc("Service", "DynamicUser", "identity.dynamicUser", bool);
svc("Service", "SupplementaryGroups", "identity.supplementaryGroups", words({ spec: true }));
svc("Service", "PAMName", "identity.pamName", str({ spec: true }));
svc("Service", "Environment", "process.environment", environment);
svc("Service", "EnvironmentFile", "process.environmentFiles", environmentFile);
svc("Service", "PassEnvironment", "process.passEnvironment", words());
svc("Service", "UnsetEnvironment", "process.unsetEnvironment", words());
svc("Service", "UMask", "process.umask", mode);
svc("Service", "Nice", "process.nice", int(-20, 19));
svc("Service", "OOMScoreAdjust", "process.oomScoreAdjust", int(-1000, 1000));
for (const [key, field, kind] of [
  ["LimitCPU", "cpu", "seconds"],
  ["LimitFSIZE", "fsize", "bytes"],
  ["LimitDATA", "data", "bytes"],
  ["LimitSTACK", "stack", "bytes"],
  ["LimitCORE", "core", "bytes"],
  ["LimitRSS", "rss", "bytes"],
  ["LimitNOFILE", "nofile", "count"],
  ["LimitAS", "as", "bytes"],
  ["LimitNPROC", "nproc", "count"],
  ["LimitMEMLOCK", "memlock", "bytes"],
  ["LimitLOCKS", "locks", "count"],
  ["LimitSIGPENDING", "sigpending", "count"],
  ["LimitMSGQUEUE", "msgqueue", "bytes"],
  ["LimitNICE", "nice", "nice"],
  ["LimitRTPRIO", "rtprio", "count"],
  ["LimitRTTIME", "rttime", "usec"],
] as const) {
  svc("Service", key, `process.limits.${field}`, limit(kind));
}
svc(
  "Service",
  "CPUSchedulingPolicy",
  "resources.cpuSchedulingPolicy",
  oneOf(["other", "batch", "idle", "fifo", "rr", "ext"]),
);
svc("Service", "CPUSchedulingPriority", "resources.cpuSchedulingPriority", int(0, 99));
svc(
  "Service",
  "IOSchedulingClass",
  "resources.ioSchedulingClass",
  oneOf(["realtime", "best-effort", "idle", "none", "0", "1", "2", "3"]),
);
svc("Service", "IOSchedulingPriority", "resources.ioSchedulingPriority", int(0, 7));
svc("Service", "CPUAffinity", "resources.cpuAffinity", assignments);
for (const [kind, base] of [
  ["state", "State"],
  ["runtime", "Runtime"],
  ["cache", "Cache"],
  ["logs", "Logs"],
  ["configuration", "Configuration"],
] as const) {
  svc("Service", `${base}Directory`, `directories.${kind}.paths`, words({ spec: true }));
  svc("Service", `${base}DirectoryMode`, `directories.${kind}.mode`, mode);
}
svc("Service", "RuntimeDirectoryPreserve", "directories.runtime.preserve", boolOr(["restart"]));
svc("Service", "StandardInput", "logging.standardInput", str({ spec: true }));
svc("Service", "StandardOutput", "logging.standardOutput", str({ spec: true }));
svc("Service", "StandardError", "logging.standardError", str({ spec: true }));
svc("Service", "SyslogIdentifier", "logging.syslogIdentifier", str({ spec: true }));
svc("Service", "SyslogFacility", "logging.syslogFacility", str());
svc("Service", "SyslogLevel", "logging.syslogLevel", str());
svc("Service", "LogLevelMax", "logging.logLevelMax", str());

// [Service]: sandboxing and capabilities
for (const [key, field] of [
  ["NoNewPrivileges", "noNewPrivileges"],
  ["PrivateDevices", "privateDevices"],
  ["PrivateNetwork", "privateNetwork"],
  ["PrivateMounts", "privateMounts"],
  ["PrivateIPC", "privateIPC"],
  ["ProtectKernelTunables", "protectKernelTunables"],
  ["ProtectKernelModules", "protectKernelModules"],
  ["ProtectKernelLogs", "protectKernelLogs"],
  ["ProtectClock", "protectClock"],
  ["ProtectHostname", "protectHostname"],
  ["RestrictRealtime", "restrictRealtime"],
  ["RestrictSUIDSGID", "restrictSUIDSGID"],
  ["LockPersonality", "lockPersonality"],
  ["MemoryDenyWriteExecute", "memoryDenyWriteExecute"],
  ["RemoveIPC", "removeIPC"],
  ["MountAPIVFS", "mountAPIVFS"],
] as const) {
  svc("Service", key, `sandboxing.${field}`, bool);
}
svc("Service", "ProtectSystem", "sandboxing.protectSystem", boolOr(["full", "strict"]));
svc("Service", "ProtectHome", "sandboxing.protectHome", boolOr(["read-only", "tmpfs"]));
svc("Service", "PrivateTmp", "sandboxing.privateTmp", boolOr(["disconnected"]));
svc("Service", "PrivateUsers", "sandboxing.privateUsers", boolOr(["self", "identity"]));
svc("Service", "ProtectControlGroups", "sandboxing.protectControlGroups", boolOr(["private", "strict"]));
svc(
  "Service",
  "ProtectProc",
  "sandboxing.protectProc",
  oneOf(["noaccess", "invisible", "ptraceable", "default"]),
);
svc("Service", "ProcSubset", "sandboxing.procSubset", oneOf(["all", "pid"]));
svc("Service", "RestrictNamespaces", "sandboxing.restrictNamespaces", boolOrText);
for (const [key, field] of [
  ["RestrictAddressFamilies", "restrictAddressFamilies"],
  ["SystemCallFilter", "systemCallFilter"],
  ["CapabilityBoundingSet", "capabilityBoundingSet"],
  ["AmbientCapabilities", "ambientCapabilities"],
] as const) {
  svc("Service", key, `sandboxing.${field}`, assignmentsWithReset);
}
svc("Service", "SystemCallArchitectures", "sandboxing.systemCallArchitectures", words());
svc("Service", "SystemCallErrorNumber", "sandboxing.systemCallErrorNumber", str());
svc("Service", "SecureBits", "sandboxing.secureBits", words());
for (const [key, field] of [
  ["ReadWritePaths", "readWritePaths"],
  ["ReadOnlyPaths", "readOnlyPaths"],
  ["InaccessiblePaths", "inaccessiblePaths"],
  ["ExecPaths", "execPaths"],
  ["NoExecPaths", "noExecPaths"],
  ["BindPaths", "bindPaths"],
  ["BindReadOnlyPaths", "bindReadOnlyPaths"],
  ["TemporaryFileSystem", "temporaryFileSystem"],
] as const) {
  svc("Service", key, `sandboxing.${field}`, words({ spec: true }));
}
svc("Service", "ReadWriteDirectories", "sandboxing.readWritePaths", words({ spec: true }), true);
svc("Service", "ReadOnlyDirectories", "sandboxing.readOnlyPaths", words({ spec: true }), true);
svc("Service", "InaccessibleDirectories", "sandboxing.inaccessiblePaths", words({ spec: true }), true);
svc("Service", "KeyringMode", "sandboxing.keyringMode", oneOf(["inherit", "private", "shared"]));
svc("Service", "DevicePolicy", "sandboxing.devicePolicy", oneOf(["auto", "closed", "strict"]));
svc("Service", "DeviceAllow", "sandboxing.deviceAllow", assignments);
svc("Service", "IPAddressAllow", "sandboxing.ipAddressAllow", words());
svc("Service", "IPAddressDeny", "sandboxing.ipAddressDeny", words());
svc("Service", "LoadCredential", "sandboxing.loadCredential", loadCredential);

// [Service]: resource control and killing
for (const [key, field] of [
  ["MemoryMax", "memoryMax"],
  ["MemoryHigh", "memoryHigh"],
  ["MemoryLow", "memoryLow"],
  ["MemoryMin", "memoryMin"],
  ["MemorySwapMax", "memorySwapMax"],
  ["CPUQuota", "cpuQuota"],
  ["CPUWeight", "cpuWeight"],
  ["IOWeight", "ioWeight"],
  ["TasksMax", "tasksMax"],
  ["Delegate", "delegate"],
] as const) {
  svc("Service", key, `resources.${field}`, str());
}
svc("Service", "Slice", "resources.slice", str({ spec: true }));
svc("Service", "KillSignal", "stop.signal", signal);
svc("Service", "KillMode", "stop.killMode", oneOf(KILL_MODES));
svc("Service", "FinalKillSignal", "stop.finalSignal", signal);
svc("Service", "RestartKillSignal", "stop.restartSignal", signal);
svc("Service", "SendSIGKILL", "stop.sendSigkill", bool);
svc("Service", "SendSIGHUP", "stop.sendSighup", bool);

// .socket units
const sock = (section: SectionName, key: string, field: string, codec: Codec) =>
  add("socket", section, key, field, codec);
sock("Unit", "Description", "description", str({ spec: true }));
sock("Install", "WantedBy", "wantedBy", unitList);
export const LISTEN_KEYS: Record<(typeof LISTEN_KINDS)[number], string> = {
  stream: "ListenStream",
  datagram: "ListenDatagram",
  "sequential-packet": "ListenSequentialPacket",
  fifo: "ListenFIFO",
  special: "ListenSpecial",
  netlink: "ListenNetlink",
  "message-queue": "ListenMessageQueue",
  "usb-function": "ListenUSBFunction",
};
for (const kind of LISTEN_KINDS) sock("Socket", LISTEN_KEYS[kind], "listen", listen(kind));
sock("Socket", "Accept", "accept", bool);
sock("Socket", "SocketUser", "socketUser", str({ spec: true }));
sock("Socket", "SocketGroup", "socketGroup", str({ spec: true }));
sock("Socket", "SocketMode", "socketMode", mode);
sock("Socket", "DirectoryMode", "directoryMode", mode);
sock("Socket", "Backlog", "backlog", int(0));
sock("Socket", "FileDescriptorName", "fileDescriptorName", str({ spec: true }));
sock("Socket", "RemoveOnStop", "removeOnStop", bool);
sock("Socket", "MaxConnections", "maxConnections", int(0));

// .timer units
const tim = (section: SectionName, key: string, field: string, codec: Codec) =>
  add("timer", section, key, field, codec);
tim("Unit", "Description", "description", str({ spec: true }));
tim("Install", "WantedBy", "wantedBy", unitList);
tim("Timer", "OnCalendar", "onCalendar", assignments);
tim("Timer", "OnActiveSec", "onActiveSec", secondsList);
tim("Timer", "OnBootSec", "onBootSec", secondsList);
tim("Timer", "OnStartupSec", "onStartupSec", secondsList);
tim("Timer", "OnUnitActiveSec", "onUnitActiveSec", secondsList);
tim("Timer", "OnUnitInactiveSec", "onUnitInactiveSec", secondsList);
tim("Timer", "AccuracySec", "accuracySec", seconds());
tim("Timer", "RandomizedDelaySec", "randomizedDelaySec", seconds());
for (const [key, field] of [
  ["FixedRandomDelay", "fixedRandomDelay"],
  ["Persistent", "persistent"],
  ["WakeSystem", "wakeSystem"],
  ["RemainAfterElapse", "remainAfterElapse"],
  ["OnClockChange", "onClockChange"],
  ["OnTimezoneChange", "onTimezoneChange"],
] as const) {
  tim("Timer", key, field, bool);
}

/** Every typed directive, in the order the systemd generator prints them. */
export const DIRECTIVES: readonly Directive[] = table;

const index = new Map<string, Directive>();
for (const d of table) index.set(`${d.kind}|${d.section}|${d.key}`, d);

/** The typed directive for `key` in `[section]` of a unit of `kind`, if psl models it. */
export function findDirective(kind: UnitKind, section: string, key: string): Directive | undefined {
  return index.get(`${kind}|${section}|${key}`);
}

/** The sections a unit of `kind` may contain. */
export const SECTIONS_BY_KIND: Record<UnitKind, readonly SectionName[]> = {
  service: ["Unit", "Service", "Install"],
  socket: ["Unit", "Socket", "Install"],
  timer: ["Unit", "Timer", "Install"],
};

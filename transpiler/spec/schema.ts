/**
 * The ServiceSpec: psl's portable, typed description of one service. This file is the single source of
 * both the TypeScript types (`Static<…>`) and the JSON Schema (`spec.schema.json` is generated from it).
 *
 * Conventions, fixed here once:
 * - A field that is absent means "the systemd default"; `effective.ts` knows those defaults. Frontends
 *   never write empty lists or objects, so a spec is canonical and compares with deep equality.
 * - Strings are literal text: systemd quoting, escapes and `%` specifiers have been resolved. The one
 *   exception is environment expansion in commands: when `expandEnvironment` is not false, `$NAME` and
 *   `${NAME}` in argv refer to the service's environment and `$$` is a literal `$` (systemd's rule).
 * - Unit names keep their suffix (`network.target`, `db.service`); the spec's own `name` has none.
 * - Durations are seconds (`number`) or `"infinity"`; sizes are bytes.
 * - `provenance` maps a JSON pointer into this spec to where the value came from.
 */
import { type Static, type TSchema, Type } from "@sinclair/typebox";

const closed = { additionalProperties: false } as const;
const Opt = <T extends TSchema>(t: T) => Type.Optional(t);
const Str = (description?: string) => Type.String(description ? { description } : {});
const Strs = (description?: string) => Type.Array(Type.String(), description ? { description } : {});
const Bool = (description?: string) => Type.Boolean(description ? { description } : {});
const Int = (description?: string) => Type.Integer(description ? { description } : {});
const Lit = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

export const Seconds = Type.Union([Type.Number({ minimum: 0 }), Type.Literal("infinity")], {
  description: "A duration in seconds, or infinity",
});
export type Seconds = Static<typeof Seconds>;

/** How NixOS generated a script command (`script`, `preStart`, …): its text survives into the spec. */
export const JobScript = Type.Object(
  {
    name: Str("The script's name, e.g. `web-pre-start`"),
    text: Str("The option's shell text, without the `set -e` prologue NixOS adds"),
    strict: Opt(Bool("Built with writeShellApplication (errexit, nounset, pipefail) instead of `set -e`")),
  },
  { ...closed, description: "A NixOS job script: `#!bash`, `set -e`, then `text`" },
);
export type JobScript = Static<typeof JobScript>;

export const Command = Type.Object(
  {
    argv: Type.Array(Type.String(), { minItems: 1, description: "Program (absolute path) and arguments" }),
    script: Opt(JobScript),
    ignoreFailure: Opt(Bool("`-` prefix: a non-zero exit does not fail the service")),
    privileged: Opt(
      Type.Union(
        [
          Type.Literal("full"),
          Type.Literal("skip-credentials"),
          Type.Literal("skip-credentials-if-no-ambient"),
        ],
        {
          description:
            "`+` full privileges; `!` no user/group switch; `!!` like `!` only without ambient caps",
        },
      ),
    ),
    expandEnvironment: Opt(Bool("`:` prefix sets this to false: `$VAR` is passed literally")),
    argv0: Opt(Str("`@` prefix: the argv[0] the program sees")),
    viaShell: Opt(Bool("`|` prefix: run through the user's login shell")),
  },
  closed,
);
export type Command = Static<typeof Command>;

export const ExitStatusSet = Type.Object(
  { codes: Opt(Type.Array(Type.Integer({ minimum: 0, maximum: 255 }))), signals: Opt(Strs()) },
  closed,
);
export type ExitStatusSet = Static<typeof ExitStatusSet>;

export const LimitValue = Type.Union([Type.Number(), Type.Literal("infinity")]);
export const Limit = Type.Object({ soft: LimitValue, hard: LimitValue }, closed);
export type Limit = Static<typeof Limit>;

export const LIMIT_NAMES = [
  "cpu",
  "fsize",
  "data",
  "stack",
  "core",
  "rss",
  "nofile",
  "as",
  "nproc",
  "memlock",
  "locks",
  "sigpending",
  "msgqueue",
  "nice",
  "rtprio",
  "rttime",
] as const;
export type LimitName = (typeof LIMIT_NAMES)[number];
export const Limits = Type.Object(
  {
    cpu: Opt(Limit),
    fsize: Opt(Limit),
    data: Opt(Limit),
    stack: Opt(Limit),
    core: Opt(Limit),
    rss: Opt(Limit),
    nofile: Opt(Limit),
    as: Opt(Limit),
    nproc: Opt(Limit),
    memlock: Opt(Limit),
    locks: Opt(Limit),
    sigpending: Opt(Limit),
    msgqueue: Opt(Limit),
    nice: Opt(Limit),
    rtprio: Opt(Limit),
    rttime: Opt(Limit),
  },
  { ...closed, description: "Resource limits (setrlimit): bytes, seconds, and microseconds for rttime" },
);

export const SERVICE_TYPES = [
  "simple",
  "exec",
  "forking",
  "oneshot",
  "dbus",
  "notify",
  "notify-reload",
  "idle",
] as const;
export type ServiceType = (typeof SERVICE_TYPES)[number];

export const Process = Type.Object(
  {
    type: Opt(Lit(SERVICE_TYPES)),
    start: Opt(Type.Array(Command, { description: "ExecStart=; more than one only for oneshot" })),
    pidFile: Opt(Str()),
    remainAfterExit: Opt(Bool()),
    guessMainPid: Opt(Bool()),
    workingDirectory: Opt(
      Type.Object(
        { path: Str("Absolute path, or `~` for the user's home"), optional: Opt(Bool("`-` prefix")) },
        closed,
      ),
    ),
    environment: Opt(Type.Record(Type.String(), Type.String(), { description: "Environment=, in order" })),
    environmentFiles: Opt(
      Type.Array(
        Type.Object({ path: Str(), optional: Opt(Bool("`-` prefix: a missing file is fine")) }, closed),
      ),
    ),
    passEnvironment: Opt(Strs()),
    unsetEnvironment: Opt(Strs()),
    path: Opt(Strs("Package prefixes whose bin and sbin make up PATH (NixOS `path`)")),
    umask: Opt(Type.String({ pattern: "^[0-7]{1,4}$" })),
    nice: Opt(Type.Integer({ minimum: -20, maximum: 19 })),
    oomScoreAdjust: Opt(Type.Integer({ minimum: -1000, maximum: 1000 })),
    limits: Opt(Limits),
    successExitStatus: Opt(ExitStatusSet),
    runtimeMaxSec: Opt(Seconds),
  },
  closed,
);

export const Lifecycle = Type.Object(
  {
    condition: Opt(Type.Array(Command, { description: "ExecCondition=" })),
    startPre: Opt(Type.Array(Command, { description: "ExecStartPre= (NixOS preStart)" })),
    startPost: Opt(Type.Array(Command, { description: "ExecStartPost= (NixOS postStart)" })),
    reload: Opt(Type.Array(Command, { description: "ExecReload= (NixOS reload)" })),
    stop: Opt(Type.Array(Command, { description: "ExecStop= (NixOS preStop)" })),
    stopPost: Opt(Type.Array(Command, { description: "ExecStopPost= (NixOS postStop)" })),
  },
  closed,
);

export const Identity = Type.Object(
  {
    user: Opt(Str()),
    group: Opt(Str()),
    supplementaryGroups: Opt(Strs()),
    dynamicUser: Opt(Bool()),
    pamName: Opt(Str()),
  },
  closed,
);

export const RESTART_POLICIES = [
  "no",
  "on-success",
  "on-failure",
  "on-abnormal",
  "on-watchdog",
  "on-abort",
  "always",
] as const;
export type RestartPolicy = (typeof RESTART_POLICIES)[number];

export const Restart = Type.Object(
  {
    policy: Opt(Lit(RESTART_POLICIES)),
    delaySec: Opt(Seconds),
    steps: Opt(Int()),
    maxDelaySec: Opt(Seconds),
    mode: Opt(Lit(["normal", "direct"])),
    preventExitStatus: Opt(ExitStatusSet),
    forceExitStatus: Opt(ExitStatusSet),
    startLimitBurst: Opt(Type.Integer({ minimum: 0 })),
    startLimitIntervalSec: Opt(Seconds),
    startLimitAction: Opt(Str()),
  },
  closed,
);

export const KILL_MODES = ["control-group", "mixed", "process", "none"] as const;
export const Stop = Type.Object(
  {
    signal: Opt(Str("KillSignal=, e.g. SIGTERM")),
    timeoutSec: Opt(Seconds),
    killMode: Opt(Lit(KILL_MODES)),
    finalSignal: Opt(Str()),
    restartSignal: Opt(Str()),
    sendSigkill: Opt(Bool()),
    sendSighup: Opt(Bool()),
    abortTimeoutSec: Opt(Seconds),
  },
  closed,
);

export const Dependencies = Type.Object(
  {
    requires: Opt(Strs()),
    wants: Opt(Strs()),
    requisite: Opt(Strs()),
    bindsTo: Opt(Strs()),
    partOf: Opt(Strs()),
    upholds: Opt(Strs()),
    conflicts: Opt(Strs()),
    after: Opt(Strs("Ordering only: start after these if both start")),
    before: Opt(Strs("Ordering only")),
    onFailure: Opt(Strs()),
    onSuccess: Opt(Strs()),
    propagatesReloadTo: Opt(Strs()),
    reloadPropagatedFrom: Opt(Strs()),
    propagatesStopTo: Opt(Strs()),
    stopPropagatedFrom: Opt(Strs()),
    joinsNamespaceOf: Opt(Strs()),
    requiresMountsFor: Opt(Strs()),
    defaultDependencies: Opt(Bool()),
    wantedBy: Opt(Strs("Install: started when these start")),
    requiredBy: Opt(Strs()),
    upheldBy: Opt(Strs()),
    aliases: Opt(Strs()),
    also: Opt(Strs()),
    defaultInstance: Opt(Str()),
  },
  closed,
);

export const NOTIFY_ACCESS = ["none", "main", "exec", "all"] as const;
export const Readiness = Type.Object(
  {
    timeoutSec: Opt(Seconds),
    notifyAccess: Opt(Lit(NOTIFY_ACCESS)),
    busName: Opt(Str()),
    watchdogSec: Opt(Seconds),
    timeoutStartFailureMode: Opt(Lit(["terminate", "abort", "kill"])),
  },
  closed,
);

const DirectorySet = Type.Object(
  {
    paths: Type.Array(Type.String(), { minItems: 1, description: "Relative to the base directory" }),
    mode: Opt(Type.String({ pattern: "^[0-7]{3,4}$" })),
  },
  closed,
);
export const Directories = Type.Object(
  {
    state: Opt(DirectorySet),
    runtime: Opt(
      Type.Object(
        {
          paths: Type.Array(Type.String(), { minItems: 1 }),
          mode: Opt(Type.String({ pattern: "^[0-7]{3,4}$" })),
          preserve: Opt(Lit(["no", "yes", "restart"])),
        },
        closed,
      ),
    ),
    cache: Opt(DirectorySet),
    logs: Opt(DirectorySet),
    configuration: Opt(DirectorySet),
  },
  { ...closed, description: "StateDirectory= (/var/lib), RuntimeDirectory= (/run), … with modes" },
);

export const ConfigFile = Type.Object(
  {
    path: Str("Absolute target path, e.g. /etc/web/web.ini"),
    text: Opt(Str()),
    source: Opt(Str("A path whose content is the file (a store path, for NixOS)")),
    mode: Opt(Str("Octal mode, or `symlink`")),
    user: Opt(Str()),
    group: Opt(Str()),
  },
  { ...closed, description: "A configuration file (NixOS environment.etc)" },
);

export const TmpfilesRule = Type.Object(
  {
    type: Str("Line type with modifiers, e.g. d, L+, z"),
    path: Str(),
    mode: Opt(Str()),
    user: Opt(Str()),
    group: Opt(Str()),
    age: Opt(Str()),
    argument: Opt(Str()),
  },
  closed,
);

const RawSections = Type.Record(Type.String(), Type.Record(Type.String(), Type.Array(Type.String())), {
  description: "Directives with no typed home, by section then key, values in order (systemd syntax)",
});

export const Timer = Type.Object(
  {
    name: Str("Unit name, e.g. backup.timer"),
    description: Opt(Str()),
    onCalendar: Opt(Strs()),
    onActiveSec: Opt(Type.Array(Seconds)),
    onBootSec: Opt(Type.Array(Seconds)),
    onStartupSec: Opt(Type.Array(Seconds)),
    onUnitActiveSec: Opt(Type.Array(Seconds)),
    onUnitInactiveSec: Opt(Type.Array(Seconds)),
    accuracySec: Opt(Seconds),
    randomizedDelaySec: Opt(Seconds),
    fixedRandomDelay: Opt(Bool()),
    persistent: Opt(Bool()),
    wakeSystem: Opt(Bool()),
    remainAfterElapse: Opt(Bool()),
    onClockChange: Opt(Bool()),
    onTimezoneChange: Opt(Bool()),
    wantedBy: Opt(Strs()),
    enable: Opt(Bool()),
    systemd: Opt(RawSections),
  },
  closed,
);
export type Timer = Static<typeof Timer>;

export const LISTEN_KINDS = [
  "stream",
  "datagram",
  "sequential-packet",
  "fifo",
  "special",
  "netlink",
  "message-queue",
  "usb-function",
] as const;
export const Socket = Type.Object(
  {
    name: Str("Unit name, e.g. web.socket"),
    description: Opt(Str()),
    listen: Type.Array(Type.Object({ kind: Lit(LISTEN_KINDS), address: Str() }, closed)),
    accept: Opt(Bool()),
    socketUser: Opt(Str()),
    socketGroup: Opt(Str()),
    socketMode: Opt(Str()),
    directoryMode: Opt(Str()),
    backlog: Opt(Int()),
    fileDescriptorName: Opt(Str()),
    removeOnStop: Opt(Bool()),
    maxConnections: Opt(Int()),
    wantedBy: Opt(Strs()),
    enable: Opt(Bool()),
    systemd: Opt(RawSections),
  },
  closed,
);
export type Socket = Static<typeof Socket>;

const B = () => Opt(Bool());
const RESETTABLE =
  "One element per assignment; a lone empty string means the set was emptied (e.g. no capabilities at all)";
export const Sandboxing = Type.Object(
  {
    noNewPrivileges: B(),
    protectSystem: Opt(Type.Union([Type.Boolean(), Type.Literal("full"), Type.Literal("strict")])),
    protectHome: Opt(Type.Union([Type.Boolean(), Type.Literal("read-only"), Type.Literal("tmpfs")])),
    privateTmp: Opt(Type.Union([Type.Boolean(), Type.Literal("disconnected")])),
    privateDevices: B(),
    privateNetwork: B(),
    privateUsers: Opt(Type.Union([Type.Boolean(), Type.Literal("self"), Type.Literal("identity")])),
    privateMounts: B(),
    privateIPC: B(),
    protectKernelTunables: B(),
    protectKernelModules: B(),
    protectKernelLogs: B(),
    protectControlGroups: Opt(Type.Union([Type.Boolean(), Type.Literal("private"), Type.Literal("strict")])),
    protectClock: B(),
    protectHostname: B(),
    protectProc: Opt(Lit(["noaccess", "invisible", "ptraceable", "default"])),
    procSubset: Opt(Lit(["all", "pid"])),
    restrictNamespaces: Opt(Type.Union([Type.Boolean(), Type.String()])),
    restrictRealtime: B(),
    restrictSUIDSGID: B(),
    lockPersonality: B(),
    memoryDenyWriteExecute: B(),
    removeIPC: B(),
    mountAPIVFS: B(),
    restrictAddressFamilies: Opt(Strs(RESETTABLE)),
    systemCallFilter: Opt(Strs(RESETTABLE)),
    systemCallArchitectures: Opt(Strs()),
    systemCallErrorNumber: Opt(Str()),
    capabilityBoundingSet: Opt(Strs(RESETTABLE)),
    ambientCapabilities: Opt(Strs(RESETTABLE)),
    secureBits: Opt(Strs()),
    readWritePaths: Opt(Strs()),
    readOnlyPaths: Opt(Strs()),
    inaccessiblePaths: Opt(Strs()),
    execPaths: Opt(Strs()),
    noExecPaths: Opt(Strs()),
    bindPaths: Opt(Strs()),
    bindReadOnlyPaths: Opt(Strs()),
    temporaryFileSystem: Opt(Strs()),
    rootDirectory: Opt(Str()),
    rootImage: Opt(Str()),
    keyringMode: Opt(Lit(["inherit", "private", "shared"])),
    devicePolicy: Opt(Lit(["auto", "closed", "strict"])),
    deviceAllow: Opt(Strs()),
    ipAddressAllow: Opt(Strs()),
    ipAddressDeny: Opt(Strs()),
    loadCredential: Opt(
      Type.Array(Type.Object({ id: Str(), path: Opt(Str()) }, closed), {
        description: "LoadCredential=: secrets by reference, never inlined",
      }),
    ),
  },
  {
    ...closed,
    description: "Sandboxing and capabilities, recorded faithfully whether a target honours them or not",
  },
);

export const Resources = Type.Object(
  {
    memoryMax: Opt(Str()),
    memoryHigh: Opt(Str()),
    memoryLow: Opt(Str()),
    memoryMin: Opt(Str()),
    memorySwapMax: Opt(Str()),
    cpuQuota: Opt(Str()),
    cpuWeight: Opt(Str()),
    ioWeight: Opt(Str()),
    tasksMax: Opt(Str()),
    slice: Opt(Str()),
    delegate: Opt(Str()),
    oomPolicy: Opt(Lit(["continue", "stop", "kill"])),
    cpuSchedulingPolicy: Opt(Lit(["other", "batch", "idle", "fifo", "rr", "ext"])),
    cpuSchedulingPriority: Opt(Int()),
    ioSchedulingClass: Opt(Lit(["realtime", "best-effort", "idle", "none", "0", "1", "2", "3"])),
    ioSchedulingPriority: Opt(Int()),
    cpuAffinity: Opt(Strs()),
  },
  closed,
);

export const Logging = Type.Object(
  {
    standardInput: Opt(Str()),
    standardOutput: Opt(Str()),
    standardError: Opt(Str()),
    syslogIdentifier: Opt(Str()),
    syslogFacility: Opt(Str()),
    syslogLevel: Opt(Str()),
    logLevelMax: Opt(Str()),
  },
  closed,
);

export const Condition = Type.Object(
  {
    kind: Lit(["condition", "assert"]),
    check: Str("The test, e.g. PathExists"),
    value: Str(),
    negate: Opt(Bool("`!` prefix")),
    trigger: Opt(Bool("`|` prefix: any triggering condition suffices")),
  },
  closed,
);

export const UserAccount = Type.Object(
  {
    name: Str(),
    uid: Opt(Int()),
    group: Opt(Str()),
    extraGroups: Opt(Strs()),
    home: Opt(Str()),
    createHome: Opt(Bool()),
    isSystemUser: Opt(Bool()),
    isNormalUser: Opt(Bool()),
    shell: Opt(Str()),
    description: Opt(Str()),
  },
  { ...closed, description: "A user this service needs (NixOS users.users); passwords are never carried" },
);
export const GroupAccount = Type.Object({ name: Str(), gid: Opt(Int()), members: Opt(Strs()) }, closed);

export const NixosFacts = Type.Object(
  {
    restartIfChanged: B(),
    reloadIfChanged: B(),
    stopIfChanged: B(),
    notSocketActivated: B(),
    restartTriggers: Opt(Str("X-Restart-Triggers=: a store path listing what restarts the unit")),
    reloadTriggers: Opt(Str()),
    overrideStrategy: Opt(Lit(["asDropinIfExists", "asDropin"])),
  },
  { ...closed, description: "What only NixOS's switch-to-configuration reads" },
);

export const Provenance = Type.Object(
  {
    file: Str(),
    line: Opt(Type.Integer({ minimum: 1 })),
    column: Opt(Type.Integer({ minimum: 1 })),
    pointer: Opt(Str("JSON pointer inside `file`")),
    via: Opt(Str("How the value got here, e.g. `preStart → ExecStartPre`")),
  },
  closed,
);
export type Provenance = Static<typeof Provenance>;

export const ServiceSpec = Type.Object(
  {
    name: Type.String({ minLength: 1, description: "Unit name without `.service`; `x@` is a template" }),
    description: Opt(Str()),
    documentation: Opt(Strs()),
    enable: Opt(Bool("false: the unit exists but is masked (NixOS enable = false)")),
    process: Opt(Process),
    lifecycle: Opt(Lifecycle),
    identity: Opt(Identity),
    restart: Opt(Restart),
    stop: Opt(Stop),
    dependencies: Opt(Dependencies),
    readiness: Opt(Readiness),
    directories: Opt(Directories),
    configFiles: Opt(Type.Array(ConfigFile)),
    tmpfiles: Opt(Type.Array(TmpfilesRule)),
    timers: Opt(Type.Array(Timer)),
    sockets: Opt(Type.Array(Socket)),
    sandboxing: Opt(Sandboxing),
    resources: Opt(Resources),
    logging: Opt(Logging),
    conditions: Opt(Type.Array(Condition)),
    accounts: Opt(
      Type.Object({ users: Opt(Type.Array(UserAccount)), groups: Opt(Type.Array(GroupAccount)) }, closed),
    ),
    nixos: Opt(NixosFacts),
    systemd: Opt(RawSections),
    provenance: Opt(Type.Record(Type.String(), Provenance)),
  },
  { ...closed, $id: "https://psl.dev/schema/service-spec.json", title: "ServiceSpec" },
);

export type ServiceSpec = Static<typeof ServiceSpec>;
export type ProcessSpec = NonNullable<ServiceSpec["process"]>;
export type LifecycleSpec = NonNullable<ServiceSpec["lifecycle"]>;
export type IdentitySpec = NonNullable<ServiceSpec["identity"]>;
export type RestartSpec = NonNullable<ServiceSpec["restart"]>;
export type StopSpec = NonNullable<ServiceSpec["stop"]>;
export type DependenciesSpec = NonNullable<ServiceSpec["dependencies"]>;
export type ReadinessSpec = NonNullable<ServiceSpec["readiness"]>;
export type DirectoriesSpec = NonNullable<ServiceSpec["directories"]>;
export type SandboxingSpec = NonNullable<ServiceSpec["sandboxing"]>;
export type ResourcesSpec = NonNullable<ServiceSpec["resources"]>;
export type LoggingSpec = NonNullable<ServiceSpec["logging"]>;
export type ConfigFileSpec = Static<typeof ConfigFile>;
export type TmpfilesRuleSpec = Static<typeof TmpfilesRule>;
export type ConditionSpec = Static<typeof Condition>;
export type UserAccountSpec = Static<typeof UserAccount>;
export type GroupAccountSpec = Static<typeof GroupAccount>;
export type RawSystemdSections = Static<typeof RawSections>;

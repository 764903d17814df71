/**
 * Capability rows for conditions and for the directives psl keeps verbatim (`systemd.<Section>.<Key>`).
 * psl-run checks the conditions it can test faithfully with POSIX tools; the others are not checked.
 * Verbatim directives are grouped by what losing them means; every group is an explicit list, so a
 * directive of a newer systemd is unclassified until someone decides (the completeness test says so),
 * except `[Socket]` keys, which all share the socket's fate.
 */
import { CONDITION_CHECKS } from "../frontends/systemd/directives.js";
import { KNOWN_DIRECTIVES } from "../frontends/systemd/known-directives.js";
import { directiveFeatures } from "./features.js";
import { rows } from "./row.js";
import { type CapabilityRow, dropped, emulated } from "./types.js";

/** Checks psl-run evaluates (`psl-run check`). */
export const HELPER_CONDITIONS = [
  "PathExists",
  "PathExistsGlob",
  "PathIsDirectory",
  "PathIsSymbolicLink",
  "PathIsMountPoint",
  "DirectoryNotEmpty",
  "FileIsExecutable",
  "FileNotEmpty",
  "User",
  "Group",
  "Host",
  "KernelCommandLine",
  "Environment",
] as const;

const CONDITION_ROWS: readonly CapabilityRow[] = CONDITION_CHECKS.flatMap((check) =>
  (HELPER_CONDITIONS as readonly string[]).includes(check)
    ? rows([`conditions.${check}`], {
        rest: emulated("psl-run checks it before the start (a failed Assert fails the start)"),
      })
    : rows([`conditions.${check}`], {
        rest: dropped("behaviour", "not checked: the service starts even when systemd would skip it"),
      }),
);

const UNIT_BENIGN = [
  "AllowIsolate",
  "CollectMode",
  "IgnoreOnIsolate",
  "IgnoreOnSnapshot",
  "JobRunningTimeoutSec",
  "JobTimeoutAction",
  "JobTimeoutRebootArgument",
  "JobTimeoutSec",
  "OnFailureIsolate",
  "OnFailureJobMode",
  "OnSuccessJobMode",
  "RebootArgument",
  "SourcePath",
  "SuccessActionExitStatus",
  "FailureActionExitStatus",
];
const UNIT_BEHAVIOUR = [
  "FailureAction",
  "SuccessAction",
  "RefuseManualStart",
  "RefuseManualStop",
  "StopWhenUnneeded",
  "SurviveFinalKillSignal",
  "WantsMountsFor",
  "RequiresOverridable",
  "RequisiteOverridable",
];

const SERVICE_SECURITY = [
  "AppArmorProfile",
  "BPFProgram",
  "Capabilities",
  "ExtensionDirectories",
  "ExtensionImagePolicy",
  "ExtensionImages",
  "IPCNamespacePath",
  "IPEgressFilterPath",
  "IPIngressFilterPath",
  "MountImagePolicy",
  "MountImages",
  "NetworkNamespacePath",
  "RestrictFileSystems",
  "RestrictNetworkInterfaces",
  "RootEphemeral",
  "RootHash",
  "RootHashSignature",
  "RootImageOptions",
  "RootImagePolicy",
  "RootVerity",
  "SELinuxContext",
  "SmackProcessLabel",
  "SocketBindAllow",
  "SocketBindDeny",
];
const SERVICE_ACCOUNTING = [
  "BlockIOAccounting",
  "CPUAccounting",
  "IOAccounting",
  "IPAccounting",
  "MemoryAccounting",
  "TasksAccounting",
  "LogExtraFields",
  "LogFilterPatterns",
  "LogNamespace",
  "LogRateLimitBurst",
  "LogRateLimitIntervalSec",
  "SyslogLevelPrefix",
  "SystemCallLog",
  "SysVStartPriority",
  "TimeoutCleanSec",
  "CoredumpReceive",
];
const SERVICE_RESOURCES = [
  "AllowedCPUs",
  "AllowedMemoryNodes",
  "BlockIODeviceWeight",
  "BlockIOReadBandwidth",
  "BlockIOWeight",
  "BlockIOWriteBandwidth",
  "CPUQuotaPeriodSec",
  "CPUSchedulingResetOnFork",
  "CPUShares",
  "CoredumpFilter",
  "DefaultMemoryLow",
  "DefaultMemoryMin",
  "DefaultStartupMemoryLow",
  "DelegateSubgroup",
  "DisableControllers",
  "IODeviceLatencyTargetSec",
  "IODeviceWeight",
  "IOReadBandwidthMax",
  "IOReadIOPSMax",
  "IOWriteBandwidthMax",
  "IOWriteIOPSMax",
  "ManagedOOMMemoryPressure",
  "ManagedOOMMemoryPressureLimit",
  "ManagedOOMPreference",
  "ManagedOOMSwap",
  "MemoryKSM",
  "MemoryLimit",
  "MemoryPressureThresholdSec",
  "MemoryPressureWatch",
  "MemoryZSwapMax",
  "MemoryZSwapWriteback",
  "NUMAMask",
  "NUMAPolicy",
  "NetClass",
  "NFTSet",
  "StartupAllowedCPUs",
  "StartupAllowedMemoryNodes",
  "StartupBlockIOWeight",
  "StartupCPUShares",
  "StartupCPUWeight",
  "StartupIOWeight",
  "StartupMemoryHigh",
  "StartupMemoryLow",
  "StartupMemoryMax",
  "StartupMemorySwapMax",
  "StartupMemoryZSwapMax",
  "TimerSlackNSec",
  "Personality",
];
const SERVICE_BEHAVIOUR = [
  "BusPolicy",
  "ExecSearchPath",
  "ExitType",
  "FailureAction",
  "FileDescriptorStoreMax",
  "FileDescriptorStorePreserve",
  "IgnoreSIGPIPE",
  "ImportCredential",
  "LoadCredentialEncrypted",
  "MountFlags",
  "NonBlocking",
  "OpenFile",
  "PermissionsStartOnly",
  "RebootArgument",
  "ReloadSignal",
  "RootDirectoryStartOnly",
  "RuntimeRandomizedExtraSec",
  "SetCredential",
  "SetCredentialEncrypted",
  "SetLoginEnvironment",
  "Sockets",
  "StandardInputData",
  "StandardInputText",
  "TTYColumns",
  "TTYPath",
  "TTYReset",
  "TTYRows",
  "TTYVHangup",
  "TTYVTDisallocate",
  "TimeoutStopFailureMode",
  "USBFunctionDescriptors",
  "USBFunctionStrings",
  "UtmpIdentifier",
  "UtmpMode",
  "WatchdogSignal",
];

const raw = (section: string, keys: readonly string[]) => keys.map((k) => `systemd.${section}.${k}`);

/** Every verbatim `[Socket]` directive: socket units are not carried outside systemd. */
const SOCKET_RAW = (KNOWN_DIRECTIVES.Socket ?? []).flatMap((k) =>
  directiveFeatures("Socket", k).filter((f) => f.startsWith("systemd.")),
);

const RAW_ROWS: readonly CapabilityRow[] = [
  ...rows(raw("Unit", UNIT_BENIGN), { rest: dropped("benign", "systemd job-engine detail") }),
  ...rows(raw("Unit", UNIT_BEHAVIOUR), { rest: dropped("behaviour", "systemd-only unit behaviour") }),
  ...rows(raw("Service", SERVICE_SECURITY), {
    rest: dropped("security", "the target has no such confinement: the service runs without it"),
  }),
  ...rows(raw("Service", SERVICE_ACCOUNTING), { rest: dropped("benign", "accounting and logging detail") }),
  ...rows(raw("Service", SERVICE_RESOURCES), { rest: dropped("behaviour", "no cgroup or kernel tuning") }),
  ...rows(raw("Service", SERVICE_BEHAVIOUR), {
    rest: dropped("behaviour", "systemd-only service behaviour"),
  }),
  ...rows(raw("Timer", ["Unit"]), { rest: emulated("the timer runs the service it names") }),
  ...rows(SOCKET_RAW, { rest: dropped("behaviour", "no socket activation outside systemd") }),
];

export const CONDITION_AND_RAW_ROWS: readonly CapabilityRow[] = [...CONDITION_ROWS, ...RAW_ROWS];

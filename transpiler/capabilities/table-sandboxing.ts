/**
 * Capability rows for sandboxing, credentials and resource control. Outside systemd almost all of this is
 * lost; what psl-run can apply faithfully on Linux through util-linux (`setpriv` for no_new_privs, the
 * bounding and ambient capability sets and securebits; `chrt`, `ionice`, `taskset`) is emulated there.
 * Losing a protection is a `security` drop; losing a relaxation of one (ReadWritePaths= without the
 * ProtectSystem= it relaxes) is `benign`.
 */
import { row, rows } from "./row.js";
import { type CapabilityRow, dropped, emulated, native } from "./types.js";

const NO_SANDBOX = dropped("security", "the target has no such sandbox: the service runs without it");
const NO_CGROUPS = dropped("behaviour", "no cgroup resource control on this target");

export const SANDBOXING_ROWS: readonly CapabilityRow[] = [
  row("sandboxing.noNewPrivileges", {
    dinit: native("options: no-new-privs"),
    linux: emulated("psl-run: setpriv --no-new-privs"),
    rest: NO_SANDBOX,
  }),
  row("sandboxing.capabilityBoundingSet", {
    linux: emulated("psl-run: setpriv --bounding-set"),
    rest: NO_SANDBOX,
  }),
  row("sandboxing.ambientCapabilities", {
    linux: emulated("psl-run: setpriv --inh-caps/--ambient-caps"),
    rest: dropped("behaviour", "capabilities cannot be granted to a non-root service here"),
  }),
  row("sandboxing.secureBits", {
    linux: emulated("psl-run: setpriv --securebits"),
    rest: NO_SANDBOX,
  }),
  ...rows(
    [
      "sandboxing.protectSystem",
      "sandboxing.protectHome",
      "sandboxing.privateTmp",
      "sandboxing.privateDevices",
      "sandboxing.privateNetwork",
      "sandboxing.privateUsers",
      "sandboxing.privateMounts",
      "sandboxing.privateIPC",
      "sandboxing.protectKernelTunables",
      "sandboxing.protectKernelModules",
      "sandboxing.protectKernelLogs",
      "sandboxing.protectControlGroups",
      "sandboxing.protectClock",
      "sandboxing.protectHostname",
      "sandboxing.protectProc",
      "sandboxing.procSubset",
      "sandboxing.restrictNamespaces",
      "sandboxing.restrictRealtime",
      "sandboxing.restrictSUIDSGID",
      "sandboxing.lockPersonality",
      "sandboxing.memoryDenyWriteExecute",
      "sandboxing.removeIPC",
      "sandboxing.restrictAddressFamilies",
      "sandboxing.systemCallFilter",
      "sandboxing.systemCallArchitectures",
      "sandboxing.systemCallErrorNumber",
      "sandboxing.readOnlyPaths",
      "sandboxing.inaccessiblePaths",
      "sandboxing.noExecPaths",
      "sandboxing.temporaryFileSystem",
      "sandboxing.rootDirectory",
      "sandboxing.rootImage",
      "sandboxing.keyringMode",
      "sandboxing.devicePolicy",
      "sandboxing.ipAddressDeny",
    ],
    { rest: NO_SANDBOX },
  ),
  ...rows(
    [
      "sandboxing.readWritePaths",
      "sandboxing.execPaths",
      "sandboxing.deviceAllow",
      "sandboxing.ipAddressAllow",
      "sandboxing.mountAPIVFS",
    ],
    { rest: dropped("benign", "it relaxes a sandbox the target does not have") },
  ),
  ...rows(["sandboxing.bindPaths", "sandboxing.bindReadOnlyPaths"], {
    rest: dropped("behaviour", "no bind mounts: the service sees the host's paths"),
  }),
  row("sandboxing.loadCredential", {
    rest: emulated(
      "psl-run copies the file to /run/credentials/<service>/<id> (mode 0400, owned by the service user) and sets $CREDENTIALS_DIRECTORY; the secret never enters generated files",
    ),
  }),
];

export const RESOURCE_ROWS: readonly CapabilityRow[] = [
  ...rows(
    [
      "resources.memoryMax",
      "resources.memoryHigh",
      "resources.memoryLow",
      "resources.memoryMin",
      "resources.memorySwapMax",
      "resources.cpuQuota",
      "resources.cpuWeight",
      "resources.ioWeight",
      "resources.tasksMax",
    ],
    { rest: NO_CGROUPS },
  ),
  row("resources.slice", { rest: dropped("benign", "no slices") }),
  row("resources.delegate", { rest: dropped("behaviour", "no cgroup subtree is delegated") }),
  row("resources.oomPolicy", { rest: dropped("benign", "the kernel's OOM killer decides alone") }),
  ...rows(["resources.cpuSchedulingPolicy", "resources.cpuSchedulingPriority"], {
    linux: emulated("psl-run: chrt"),
    rest: dropped("behaviour", "the default scheduler is used"),
  }),
  ...rows(["resources.ioSchedulingClass", "resources.ioSchedulingPriority"], {
    dinit: native("ioprio ="),
    linux: emulated("psl-run: ionice"),
    rest: dropped("behaviour", "the default I/O priority is used"),
  }),
  row("resources.cpuAffinity", {
    linux: emulated("psl-run: taskset"),
    rest: dropped("behaviour", "the service may run on any CPU"),
  }),
];

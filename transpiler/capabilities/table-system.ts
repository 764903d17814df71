/**
 * Capability rows for what surrounds the process: naming and enablement, resource limits, directories,
 * files, accounts, logging, timers, sockets and NixOS-only facts. Timers run on psl-run's timer loop (a
 * supervised service of its own that checks the calendar every minute) except on launchd, whose
 * StartCalendarInterval is native; socket activation has no faithful counterpart outside systemd, except
 * dinit's `socket-listen` for one AF_UNIX stream socket.
 */
import { LIMIT_NAMES, type LimitName } from "../spec/schema.js";
import type { CellSpec } from "./row.js";
import { row, rows } from "./row.js";
import { type CapabilityRow, dropped, emulated, native } from "./types.js";

const AS_COMMENT = dropped("benign", "the target has no such field; psl writes it as a comment");

/** launchd's Soft/HardResourceLimits keys. */
const LAUNCHD_LIMITS: Partial<Record<LimitName, string>> = {
  cpu: "CPU",
  fsize: "FileSize",
  data: "Data",
  stack: "Stack",
  core: "Core",
  rss: "ResidentSetSize",
  nofile: "NumberOfFiles",
  nproc: "NumberOfProcesses",
  memlock: "MemoryLock",
};
/** dinit's rlimit settings. */
const DINIT_LIMITS: Partial<Record<LimitName, string>> = {
  nofile: "rlimit-nofile",
  core: "rlimit-core",
  data: "rlimit-data",
  as: "rlimit-addrspace",
};
/** Limits FreeBSD's sh `ulimit` can set. */
const FREEBSD_LIMITS: readonly LimitName[] = [
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
];

function limitCells(name: LimitName): CellSpec {
  const launchd = LAUNCHD_LIMITS[name];
  const dinit = DINIT_LIMITS[name];
  return {
    linux: emulated("psl-run: prlimit"),
    ...(dinit ? { dinit: native(`${dinit} =`) } : {}),
    launchd: launchd
      ? native(`SoftResourceLimits/HardResourceLimits ${launchd}`)
      : dropped("behaviour", "launchd cannot set this limit"),
    "freebsd-rc": FREEBSD_LIMITS.includes(name)
      ? emulated("psl-run: ulimit")
      : dropped("behaviour", "FreeBSD has no such limit"),
  };
}

const DIRECTORY_KINDS = ["state", "runtime", "cache", "logs", "configuration"] as const;
const MADE_BY_PSL = emulated(
  "created by install.sh and again by psl-run at each start, owned by the service user, with $STATE_DIRECTORY and friends set",
);

const TIMER_LOOP = emulated("psl-run's timer loop runs the service's commands when due (minute precision)");

export const SYSTEM_ROWS: readonly CapabilityRow[] = [
  row("name", {
    "freebsd-rc": native("the script's name; rc.conf variables spell `-`, `.`, `@` and `:` as `_`"),
    launchd: native("the label is psl.<name>"),
    rest: native("the name of the target's files"),
  }),
  row("description", {
    sysvinit: native("Short-Description:/Description: in the LSB header"),
    openrc: native("description="),
    "freebsd-rc": native("desc="),
    rest: AS_COMMENT,
  }),
  row("documentation", { rest: AS_COMMENT }),
  row("enable", {
    rest: emulated("enable = false: install.sh installs the files but does not enable or start the service"),
  }),
  ...LIMIT_NAMES.map((n) => row(`process.limits.${n}`, limitCells(n))),
  ...DIRECTORY_KINDS.flatMap((k) =>
    rows([`directories.${k}.paths`, `directories.${k}.mode`], { rest: MADE_BY_PSL }),
  ),
  row("directories.runtime.preserve", {
    rest: dropped("benign", "runtime directories are kept after a stop"),
  }),
  row("configFiles", {
    systemd: emulated("installed from rootfs/ by install.sh with owner and mode"),
    rest: emulated(
      "installed from rootfs/ by install.sh with owner and mode; store sources are linked or copied",
    ),
  }),
  row("tmpfiles", {
    systemd: native("a tmpfiles.d file, applied by install.sh with systemd-tmpfiles --create"),
    rest: emulated("install.sh applies d, D, f, L and z rules; other rule types are reported"),
  }),
  ...rows(["accounts.users", "accounts.groups"], {
    systemd: emulated("install.sh creates them with groupadd/useradd"),
    launchd: emulated("install.sh creates them with dscl"),
    "freebsd-rc": emulated("install.sh creates them with pw"),
    rest: emulated(
      "install.sh creates them with groupadd/useradd (addgroup/adduser where those are missing)",
    ),
  }),
  row("logging.standardInput", {
    rest: emulated(
      "psl-run reads stdin from /dev/null (systemd's default) or a file:; other inputs are reported",
    ),
  }),
  ...rows(["logging.standardOutput", "logging.standardError"], {
    runit: emulated("journal → a log/run service with svlogd (/var/log/<service>/current)"),
    s6: emulated("journal → a log/run service with s6-log (/var/log/<service>/current)"),
    "s6-rc": emulated("journal → a logger longrun with s6-log"),
    daemontools: emulated("journal → a log/run service with multilog (/var/log/<service>/current)"),
    supervisord: native("stdout_logfile= / stderr_logfile="),
    openrc: native("output_log= / error_log="),
    dinit: native("logfile ="),
    launchd: native("StandardOutPath / StandardErrorPath"),
    "freebsd-rc": emulated("journal → daemon(8) -o /var/log/<service>.log"),
    rest: emulated(
      "journal → psl-run appends to /var/log/<service>.log; null and file:/append: are honoured",
    ),
  }),
  ...rows(
    ["logging.syslogIdentifier", "logging.syslogFacility", "logging.syslogLevel", "logging.logLevelMax"],
    {
      rest: dropped("benign", "output goes to the target's log, not the journal"),
    },
  ),
  // timers
  row("timers.onCalendar", {
    launchd: native("StartCalendarInterval (when the calendar is a plain repetition)"),
    rest: TIMER_LOOP,
  }),
  ...rows(["timers.onActiveSec", "timers.onBootSec", "timers.onStartupSec"], {
    launchd: dropped("behaviour", "launchd has no delay after boot"),
    rest: emulated("psl-run's timer loop waits this long after it starts"),
  }),
  row("timers.onUnitActiveSec", {
    launchd: native("StartInterval"),
    rest: emulated("psl-run's timer loop repeats it"),
  }),
  row("timers.onUnitInactiveSec", {
    launchd: dropped("behaviour", "launchd repeats from the start, not from the end"),
    rest: emulated("psl-run's timer loop waits this long after each run finished"),
  }),
  row("timers.randomizedDelaySec", {
    launchd: dropped("benign", "no random delay"),
    rest: emulated("psl-run's timer loop adds a random delay"),
  }),
  row("timers.persistent", {
    launchd: emulated("launchd runs a missed event after wake (not after power-off)"),
    rest: dropped("behaviour", "runs missed while the machine was off are not caught up"),
  }),
  ...rows(
    [
      "timers.accuracySec",
      "timers.fixedRandomDelay",
      "timers.wakeSystem",
      "timers.remainAfterElapse",
      "timers.onClockChange",
      "timers.onTimezoneChange",
    ],
    { rest: dropped("benign", "the timer loop checks the wall clock every minute") },
  ),
  ...rows(["timers.wantedBy", "timers.enable"], { rest: emulated("the timer is enabled with the service") }),
  row("timers.description", { rest: AS_COMMENT }),
  // sockets
  row("sockets.listen", {
    dinit: emulated(
      "socket-listen = (one AF_UNIX stream socket, passed with LISTEN_FDS; others are dropped)",
    ),
    rest: dropped("behaviour", "no socket activation", "the service is started at boot without the socket"),
  }),
  ...rows(["sockets.socketUser", "sockets.socketGroup", "sockets.socketMode"], {
    dinit: native("socket-uid / socket-gid / socket-permissions"),
    rest: dropped("behaviour", "no socket activation"),
  }),
  ...rows(
    [
      "sockets.accept",
      "sockets.directoryMode",
      "sockets.backlog",
      "sockets.fileDescriptorName",
      "sockets.removeOnStop",
      "sockets.maxConnections",
    ],
    { rest: dropped("behaviour", "no socket activation") },
  ),
  ...rows(["sockets.description", "sockets.wantedBy", "sockets.enable"], {
    rest: dropped("benign", "no socket unit"),
  }),
  // NixOS
  ...rows(
    [
      "nixos.restartIfChanged",
      "nixos.reloadIfChanged",
      "nixos.stopIfChanged",
      "nixos.notSocketActivated",
      "nixos.restartTriggers",
      "nixos.reloadTriggers",
      "nixos.overrideStrategy",
    ],
    { rest: dropped("benign", "only NixOS's switch-to-configuration reads it") },
  ),
];

/**
 * systemd units that are not services psl generates, mapped to what each target calls the same thing:
 * LSB facilities (`$network`), OpenRC virtual services (`net`), FreeBSD rcorder names (`NETWORKING`).
 * Boot stages (multi-user.target and friends) need no counterpart: every target starts services after its
 * own basic setup. Anything else is reported as not carried.
 */
import type { TargetName } from "./types.js";

export const BOOT_STAGES = new Set([
  "basic.target",
  "sysinit.target",
  "multi-user.target",
  "default.target",
  "graphical.target",
  "sockets.target",
  "timers.target",
  "paths.target",
  "shutdown.target",
  "local-fs-pre.target",
]);

const FACILITIES: Partial<Record<TargetName, Readonly<Record<string, string>>>> = {
  sysvinit: {
    "network.target": "$network",
    "network-online.target": "$network",
    "local-fs.target": "$local_fs",
    "remote-fs.target": "$remote_fs",
    "time-sync.target": "$time",
    "nss-lookup.target": "$named",
    "rpcbind.target": "$portmap",
    "syslog.target": "$syslog",
    "syslog.socket": "$syslog",
  },
  openrc: {
    "network.target": "net",
    "network-online.target": "net",
    "local-fs.target": "localmount",
    "remote-fs.target": "netmount",
    "nss-lookup.target": "dns",
    "syslog.target": "logger",
    "syslog.socket": "logger",
  },
  "freebsd-rc": {
    "network.target": "NETWORKING",
    "network-online.target": "NETWORKING",
    "local-fs.target": "FILESYSTEMS",
    "remote-fs.target": "mountcritremote",
    "syslog.target": "syslogd",
    "syslog.socket": "syslogd",
    "time-sync.target": "ntpd",
  },
};

/** The target's name for `unit`, if it has one. */
export function facilityOf(target: TargetName, unit: string): string | undefined {
  return FACILITIES[target]?.[unit];
}

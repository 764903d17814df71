/** The init adapter table: one row per init, looked up by name. */
import type { InitName } from "../../vm-images/index.js";
import { busyboxAdapter } from "./busybox.js";
import { daemontoolsAdapter } from "./daemontools.js";
import type { InitAdapter } from "./init-adapter.js";
import { openrcAdapter } from "./openrc.js";
import { runitAdapter } from "./runit.js";
import { s6Adapter } from "./s6.js";
import { supervisordAdapter } from "./supervisord.js";
import { systemdAdapter } from "./systemd.js";
import { sysvinitAdapter } from "./sysvinit.js";

export * from "./init-adapter.js";

export const INIT_ADAPTERS: Readonly<Record<InitName, InitAdapter>> = {
  systemd: systemdAdapter,
  sysvinit: sysvinitAdapter,
  openrc: openrcAdapter,
  runit: runitAdapter,
  s6: s6Adapter,
  supervisord: supervisordAdapter,
  daemontools: daemontoolsAdapter,
  busybox: busyboxAdapter,
};

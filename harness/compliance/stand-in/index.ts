/** The stand-in generators by init (see `common.ts` for why they exist and when they go). */

import type { Generator } from "../../../transpiler/generators/types.js";
import type { InitName } from "../../../vm-images/index.js";
import { openrcStandIn } from "./openrc.js";
import { busyboxStandIn, sysvinitStandIn } from "./rc-script.js";
import { daemontoolsStandIn, runitStandIn, s6StandIn } from "./service-dir.js";
import { supervisordStandIn } from "./supervisord.js";
import { systemdStandIn } from "./systemd.js";

export const STAND_IN_GENERATORS: Readonly<Record<InitName, Generator>> = {
  systemd: systemdStandIn,
  sysvinit: sysvinitStandIn,
  openrc: openrcStandIn,
  runit: runitStandIn,
  s6: s6StandIn,
  supervisord: supervisordStandIn,
  daemontools: daemontoolsStandIn,
  busybox: busyboxStandIn,
};

/** The compliance suite's quick scenarios on systemd booted as PID 1 of a qemu VM (TCG; see ../suite.ts). */

import { vmSkipReason } from "../../vm/vm-available.js";
import { defineComplianceSuite } from "../suite.js";

defineComplianceSuite("systemd", {
  kind: "vm",
  scenarios: ["lifecycle", "identity", "environment"],
  skipReason: await vmSkipReason(),
});

/** The compliance suite on sysvinit in a container (see ../suite.ts). */
import { dockerAvailable } from "../../machines/container-backend.js";
import { defineComplianceSuite } from "../suite.js";

defineComplianceSuite("sysvinit", {
  kind: "container",
  skipReason: (await dockerAvailable()) ? undefined : "no Docker engine answers",
});

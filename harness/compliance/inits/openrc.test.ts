/** The compliance suite on openrc in a container (see ../suite.ts). */
import { dockerAvailable } from "../../machines/container-backend.js";
import { defineComplianceSuite } from "../suite.js";

defineComplianceSuite("openrc", {
  kind: "container",
  skipReason: (await dockerAvailable()) ? undefined : "no Docker engine answers",
});

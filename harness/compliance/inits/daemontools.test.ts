/** The compliance suite on daemontools in a container (see ../suite.ts). */
import { dockerAvailable } from "../../machines/container-backend.js";
import { defineComplianceSuite } from "../suite.js";

defineComplianceSuite("daemontools", {
  kind: "container",
  skipReason: (await dockerAvailable()) ? undefined : "no Docker engine answers",
});

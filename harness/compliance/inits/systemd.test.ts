/** The compliance suite on systemd in a container (see ../suite.ts). */
import { dockerAvailable } from "../../machines/container-backend.js";
import { defineComplianceSuite } from "../suite.js";

defineComplianceSuite("systemd", {
  kind: "container",
  skipReason: (await dockerAvailable()) ? undefined : "no Docker engine answers",
});

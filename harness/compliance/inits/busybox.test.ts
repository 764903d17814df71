/** The compliance suite on busybox in a container (see ../suite.ts). */
import { dockerAvailable } from "../../machines/container-backend.js";
import { defineComplianceSuite } from "../suite.js";

defineComplianceSuite("busybox", {
  kind: "container",
  skipReason: (await dockerAvailable()) ? undefined : "no Docker engine answers",
});

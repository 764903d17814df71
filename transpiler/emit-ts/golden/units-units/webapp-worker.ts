// Service `webapp-worker`, translated by psl.
// Edit freely: `psl validate` checks this file and `psl generate` renders it for each target.
// Trailing comments say where each value came from; the `provenance` table keeps that for psl.
import { defineService } from "psl";

export default defineService({
  name: "webapp-worker",
  description: "Example web application worker", // examples/units/webapp-worker.service:3
  process: {
    start: [{ argv: ["/usr/bin/webapp", "worker", "--queue", "$QUEUE", "--concurrency", "${CONCURRENCY}"] }], // examples/units/webapp-worker.service:14
    environment: { QUEUE: "default", CONCURRENCY: "4" }, // examples/units/webapp-worker.service:13
    nice: 5, // examples/units/webapp-worker.service:17
  },
  identity: {
    user: "webapp", // examples/units/webapp-worker.service:11
    group: "webapp", // examples/units/webapp-worker.service:12
  },
  restart: {
    policy: "always", // examples/units/webapp-worker.service:15
    delaySec: 1, // examples/units/webapp-worker.service:16
    startLimitBurst: 10, // examples/units/webapp-worker.service:7
    startLimitIntervalSec: 60, // examples/units/webapp-worker.service:8
  },
  dependencies: {
    requires: ["webapp-db.service"], // examples/units/webapp-worker.service:6
    partOf: ["webapp.service"], // examples/units/webapp-worker.service:4
    after: ["webapp.service", "webapp-db.service"], // examples/units/webapp-worker.service:5
    wantedBy: ["webapp.service"], // examples/units/webapp-worker.service:20
  },
  provenance: {
    "/description": { file: "examples/units/webapp-worker.service", line: 3, column: 1 },
    "/dependencies/partOf/0": { file: "examples/units/webapp-worker.service", line: 4, column: 1 },
    "/dependencies/after/0": { file: "examples/units/webapp-worker.service", line: 5, column: 1 },
    "/dependencies/after/1": { file: "examples/units/webapp-worker.service", line: 5, column: 1 },
    "/dependencies/requires/0": { file: "examples/units/webapp-worker.service", line: 6, column: 1 },
    "/restart/startLimitBurst": { file: "examples/units/webapp-worker.service", line: 7, column: 1 },
    "/restart/startLimitIntervalSec": { file: "examples/units/webapp-worker.service", line: 8, column: 1 },
    "/identity/user": { file: "examples/units/webapp-worker.service", line: 11, column: 1 },
    "/identity/group": { file: "examples/units/webapp-worker.service", line: 12, column: 1 },
    "/process/environment/QUEUE": { file: "examples/units/webapp-worker.service", line: 13, column: 1 },
    "/process/environment/CONCURRENCY": { file: "examples/units/webapp-worker.service", line: 13, column: 1 },
    "/process/start/0": { file: "examples/units/webapp-worker.service", line: 14, column: 1 },
    "/restart/policy": { file: "examples/units/webapp-worker.service", line: 15, column: 1 },
    "/restart/delaySec": { file: "examples/units/webapp-worker.service", line: 16, column: 1 },
    "/process/nice": { file: "examples/units/webapp-worker.service", line: 17, column: 1 },
    "/dependencies/wantedBy/0": { file: "examples/units/webapp-worker.service", line: 20, column: 1 },
  },
});

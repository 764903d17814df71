// Service `webapp-db`, translated by psl.
// Edit freely: `psl validate` checks this file and `psl generate` renders it for each target.
// Trailing comments say where each value came from; the `provenance` table keeps that for psl.
import { defineService } from "psl";

export default defineService({
  name: "webapp-db",
  description: "Database for the example web application", // examples/units/webapp-db.service:3
  process: {
    type: "notify", // examples/units/webapp-db.service:7
    start: [ // examples/units/webapp-db.service:10
      {
        argv: [
          "/usr/lib/postgresql/15/bin/postgres",
          "-D",
          "/var/lib/webapp-db",
          "-c",
          "listen_addresses=127.0.0.1",
        ],
      },
    ],
    oomScoreAdjust: -900, // examples/units/webapp-db.service:18
  },
  lifecycle: { reload: [{ argv: ["/bin/kill", "-HUP", "$MAINPID"] }] }, // examples/units/webapp-db.service:11
  identity: {
    user: "postgres", // examples/units/webapp-db.service:8
    group: "postgres", // examples/units/webapp-db.service:9
  },
  stop: {
    signal: "SIGINT", // examples/units/webapp-db.service:13
    timeoutSec: 120, // examples/units/webapp-db.service:14
    killMode: "mixed", // examples/units/webapp-db.service:12
  },
  dependencies: {
    after: ["network.target"], // examples/units/webapp-db.service:4
    wantedBy: ["multi-user.target"], // examples/units/webapp-db.service:21
  },
  readiness: { timeoutSec: 120 }, // examples/units/webapp-db.service:14
  directories: {
    state: {
      paths: ["webapp-db"], // examples/units/webapp-db.service:15
      mode: "0700", // examples/units/webapp-db.service:16
    },
    runtime: { paths: ["postgresql"] }, // examples/units/webapp-db.service:17
  },
  provenance: {
    "/description": { file: "examples/units/webapp-db.service", line: 3, column: 1 },
    "/dependencies/after/0": { file: "examples/units/webapp-db.service", line: 4, column: 1 },
    "/process/type": { file: "examples/units/webapp-db.service", line: 7, column: 1 },
    "/identity/user": { file: "examples/units/webapp-db.service", line: 8, column: 1 },
    "/identity/group": { file: "examples/units/webapp-db.service", line: 9, column: 1 },
    "/process/start/0": { file: "examples/units/webapp-db.service", line: 10, column: 1 },
    "/lifecycle/reload/0": { file: "examples/units/webapp-db.service", line: 11, column: 1 },
    "/stop/killMode": { file: "examples/units/webapp-db.service", line: 12, column: 1 },
    "/stop/signal": { file: "examples/units/webapp-db.service", line: 13, column: 1 },
    "/readiness/timeoutSec": { file: "examples/units/webapp-db.service", line: 14, column: 1 },
    "/stop/timeoutSec": { file: "examples/units/webapp-db.service", line: 14, column: 1 },
    "/directories/state/paths/0": { file: "examples/units/webapp-db.service", line: 15, column: 1 },
    "/directories/state/mode": { file: "examples/units/webapp-db.service", line: 16, column: 1 },
    "/directories/runtime/paths/0": { file: "examples/units/webapp-db.service", line: 17, column: 1 },
    "/process/oomScoreAdjust": { file: "examples/units/webapp-db.service", line: 18, column: 1 },
    "/dependencies/wantedBy/0": { file: "examples/units/webapp-db.service", line: 21, column: 1 },
  },
});

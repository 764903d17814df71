// Service `migrate`, translated by psl.
// Edit freely: `psl validate` checks this file and `psl generate` renders it for each target.
// Trailing comments say where each value came from; the `provenance` table keeps that for psl.
import { defineService } from "psl";

export default defineService({
  name: "migrate",
  description: "Migrate the example web application's database", // examples/units/migrate.service:3
  process: {
    type: "oneshot", // examples/units/migrate.service:10
    start: [
      { argv: ["/usr/bin/webapp", "migrate", "--config", "/etc/webapp/webapp.ini"] }, // examples/units/migrate.service:14
      { argv: ["/usr/bin/webapp", "vacuum", "--quiet"], ignoreFailure: true }, // examples/units/migrate.service:15
    ],
    remainAfterExit: true, // examples/units/migrate.service:11
  },
  lifecycle: { startPre: [{ argv: ["/usr/bin/test", "-d", "/var/lib/webapp"] }] }, // examples/units/migrate.service:13
  identity: { user: "webapp" }, // examples/units/migrate.service:12
  dependencies: {
    requires: ["webapp-db.service"], // examples/units/migrate.service:4
    after: ["webapp-db.service"], // examples/units/migrate.service:5
    before: ["webapp.service"], // examples/units/migrate.service:6
    wantedBy: ["multi-user.target"], // examples/units/migrate.service:19
  },
  logging: { standardOutput: "journal" }, // examples/units/migrate.service:16
  conditions: [ // examples/units/migrate.service:7
    { kind: "condition", check: "PathExists", value: "/etc/webapp/webapp.ini" },
  ],
  provenance: {
    "/description": { file: "examples/units/migrate.service", line: 3, column: 1 },
    "/dependencies/requires/0": { file: "examples/units/migrate.service", line: 4, column: 1 },
    "/dependencies/after/0": { file: "examples/units/migrate.service", line: 5, column: 1 },
    "/dependencies/before/0": { file: "examples/units/migrate.service", line: 6, column: 1 },
    "/conditions/0": { file: "examples/units/migrate.service", line: 7, column: 1 },
    "/process/type": { file: "examples/units/migrate.service", line: 10, column: 1 },
    "/process/remainAfterExit": { file: "examples/units/migrate.service", line: 11, column: 1 },
    "/identity/user": { file: "examples/units/migrate.service", line: 12, column: 1 },
    "/lifecycle/startPre/0": { file: "examples/units/migrate.service", line: 13, column: 1 },
    "/process/start/0": { file: "examples/units/migrate.service", line: 14, column: 1 },
    "/process/start/1": { file: "examples/units/migrate.service", line: 15, column: 1 },
    "/logging/standardOutput": { file: "examples/units/migrate.service", line: 16, column: 1 },
    "/dependencies/wantedBy/0": { file: "examples/units/migrate.service", line: 19, column: 1 },
  },
});

// Service `backup`, translated by psl.
// Edit freely: `psl validate` checks this file and `psl generate` renders it for each target.
// Trailing comments say where each value came from; the `provenance` table keeps that for psl.
import { defineService } from "psl";

export default defineService({
  name: "backup",
  description: "Back up the example web application's state", // examples/units/backup.service:3
  process: {
    type: "oneshot", // examples/units/backup.service:7
    start: [ // examples/units/backup.service:10
      {
        argv: ["/bin/sh", "-c", "tar -czf \"/var/backups/webapp-$(date +%F).tar.gz\" -C /var/lib webapp"],
      },
    ],
    nice: 19, // examples/units/backup.service:11
  },
  identity: {
    user: "webapp", // examples/units/backup.service:8
    group: "webapp", // examples/units/backup.service:9
  },
  dependencies: { after: ["webapp-db.service"] }, // examples/units/backup.service:4
  timers: [
    {
      name: "backup.timer",
      description: "Nightly backup of the example web application", // examples/units/backup.timer:2
      onCalendar: ["*-*-* 02:30:00"], // examples/units/backup.timer:5
      randomizedDelaySec: 900, // examples/units/backup.timer:6
      persistent: true, // examples/units/backup.timer:7
      wantedBy: ["timers.target"], // examples/units/backup.timer:10
    },
  ],
  resources: { ioSchedulingClass: "idle" }, // examples/units/backup.service:12
  provenance: {
    "/description": { file: "examples/units/backup.service", line: 3, column: 1 },
    "/dependencies/after/0": { file: "examples/units/backup.service", line: 4, column: 1 },
    "/process/type": { file: "examples/units/backup.service", line: 7, column: 1 },
    "/identity/user": { file: "examples/units/backup.service", line: 8, column: 1 },
    "/identity/group": { file: "examples/units/backup.service", line: 9, column: 1 },
    "/process/start/0": { file: "examples/units/backup.service", line: 10, column: 1 },
    "/process/nice": { file: "examples/units/backup.service", line: 11, column: 1 },
    "/resources/ioSchedulingClass": { file: "examples/units/backup.service", line: 12, column: 1 },
    "/timers/0/description": { file: "examples/units/backup.timer", line: 2, column: 1 },
    "/timers/0/onCalendar/0": { file: "examples/units/backup.timer", line: 5, column: 1 },
    "/timers/0/randomizedDelaySec": { file: "examples/units/backup.timer", line: 6, column: 1 },
    "/timers/0/persistent": { file: "examples/units/backup.timer", line: 7, column: 1 },
    "/timers/0/wantedBy/0": { file: "examples/units/backup.timer", line: 10, column: 1 },
  },
});

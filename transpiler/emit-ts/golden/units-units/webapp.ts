// Service `webapp`, translated by psl.
// Edit freely: `psl validate` checks this file and `psl generate` renders it for each target.
// Trailing comments say where each value came from; the `provenance` table keeps that for psl.
import { defineService } from "psl";

export default defineService({
  name: "webapp",
  description: "Example web application (webapp.service)", // examples/units/webapp.service:3
  documentation: ["https://example.org/webapp", "man:webapp(8)"], // examples/units/webapp.service:4
  process: {
    type: "notify", // examples/units/webapp.service:10
    start: [ // examples/units/webapp.service:19
      {
        argv: ["/usr/bin/webapp", "serve", "--config", "/etc/webapp/webapp.ini", "--listen", "${LISTEN}"],
      },
    ],
    workingDirectory: { path: "/var/lib/webapp" }, // examples/units/webapp.service:17
    environment: {
      LISTEN: "127.0.0.1:8080", // examples/units/webapp.service:14
      GREETING: "hello world", // examples/units/webapp.service:14
      DATABASE_URL: "postgres://webapp@localhost/webapp", // examples/units/webapp.service:15
      LOG_LEVEL: "warning", // examples/units/webapp.service.d/10-logging.conf:3
    },
    environmentFiles: [{ path: "/etc/webapp/secrets.env", optional: true }], // examples/units/webapp.service:16
    umask: "0027", // examples/units/webapp.service:29
    limits: { nofile: { soft: 4096, hard: 8192 } }, // examples/units/webapp.service:30
  },
  lifecycle: {
    startPre: [{ argv: ["/usr/bin/webapp", "check-config", "--config", "/etc/webapp/webapp.ini"] }], // examples/units/webapp.service:18
    reload: [{ argv: ["/bin/kill", "-HUP", "$MAINPID"] }], // examples/units/webapp.service:22
  },
  identity: {
    user: "webapp", // examples/units/webapp.service:11
    group: "webapp", // examples/units/webapp.service:12
    supplementaryGroups: ["www-data"], // examples/units/webapp.service:13
  },
  restart: {
    policy: "on-failure", // examples/units/webapp.service:23
    delaySec: 5, // examples/units/webapp.service.d/10-logging.conf:4
  },
  stop: { timeoutSec: 20 }, // examples/units/webapp.service:25
  dependencies: {
    requires: ["webapp-db.service"], // examples/units/webapp.service:5
    wants: ["network-online.target"], // examples/units/webapp.service:6
    after: ["network-online.target", "webapp-db.service"], // examples/units/webapp.service:7
    wantedBy: ["multi-user.target"], // examples/units/webapp.service:36
  },
  directories: {
    state: {
      paths: ["webapp"], // examples/units/webapp.service:26
      mode: "0750", // examples/units/webapp.service:27
    },
    runtime: { paths: ["webapp"] }, // examples/units/webapp.service:28
  },
  sandboxing: {
    noNewPrivileges: true, // examples/units/webapp.service:31
    protectSystem: "strict", // examples/units/webapp.service:32
    readWritePaths: ["/var/lib/webapp"], // examples/units/webapp.service:33
  },
  provenance: {
    "/description": { file: "examples/units/webapp.service", line: 3, column: 1 },
    "/documentation/0": { file: "examples/units/webapp.service", line: 4, column: 1 },
    "/documentation/1": { file: "examples/units/webapp.service", line: 4, column: 1 },
    "/dependencies/requires/0": { file: "examples/units/webapp.service", line: 5, column: 1 },
    "/dependencies/wants/0": { file: "examples/units/webapp.service", line: 6, column: 1 },
    "/dependencies/after/0": { file: "examples/units/webapp.service", line: 7, column: 1 },
    "/dependencies/after/1": { file: "examples/units/webapp.service", line: 7, column: 1 },
    "/process/type": { file: "examples/units/webapp.service", line: 10, column: 1 },
    "/identity/user": { file: "examples/units/webapp.service", line: 11, column: 1 },
    "/identity/group": { file: "examples/units/webapp.service", line: 12, column: 1 },
    "/identity/supplementaryGroups/0": { file: "examples/units/webapp.service", line: 13, column: 1 },
    "/process/environment/LISTEN": { file: "examples/units/webapp.service", line: 14, column: 1 },
    "/process/environment/GREETING": { file: "examples/units/webapp.service", line: 14, column: 1 },
    "/process/environment/DATABASE_URL": { file: "examples/units/webapp.service", line: 15, column: 1 },
    "/process/environment/LOG_LEVEL": { file: "examples/units/webapp.service.d/10-logging.conf", line: 3, column: 1 },
    "/process/environmentFiles/0": { file: "examples/units/webapp.service", line: 16, column: 1 },
    "/process/workingDirectory": { file: "examples/units/webapp.service", line: 17, column: 1 },
    "/lifecycle/startPre/0": { file: "examples/units/webapp.service", line: 18, column: 1 },
    "/process/start/0": { file: "examples/units/webapp.service", line: 19, column: 1 },
    "/lifecycle/reload/0": { file: "examples/units/webapp.service", line: 22, column: 1 },
    "/restart/policy": { file: "examples/units/webapp.service", line: 23, column: 1 },
    "/restart/delaySec": { file: "examples/units/webapp.service.d/10-logging.conf", line: 4, column: 1 },
    "/stop/timeoutSec": { file: "examples/units/webapp.service", line: 25, column: 1 },
    "/directories/state/paths/0": { file: "examples/units/webapp.service", line: 26, column: 1 },
    "/directories/state/mode": { file: "examples/units/webapp.service", line: 27, column: 1 },
    "/directories/runtime/paths/0": { file: "examples/units/webapp.service", line: 28, column: 1 },
    "/process/umask": { file: "examples/units/webapp.service", line: 29, column: 1 },
    "/process/limits/nofile": { file: "examples/units/webapp.service", line: 30, column: 1 },
    "/sandboxing/noNewPrivileges": { file: "examples/units/webapp.service", line: 31, column: 1 },
    "/sandboxing/protectSystem": { file: "examples/units/webapp.service", line: 32, column: 1 },
    "/sandboxing/readWritePaths/0": { file: "examples/units/webapp.service", line: 33, column: 1 },
    "/dependencies/wantedBy/0": { file: "examples/units/webapp.service", line: 36, column: 1 },
  },
});

// Service `notes`, translated by psl.
// Edit freely: `psl validate` checks this file and `psl generate` renders it for each target.
// Trailing comments say where each value came from; the `provenance` table keeps that for psl.
import { defineService } from "psl";

export default defineService({
  name: "notes",
  description: "Hardened notes service", // examples/units/notes.service:3
  documentation: ["https://example.org/notes"], // examples/units/notes.service:4
  process: {
    start: [{ argv: ["/usr/bin/notes-server", "--data", "${STATE_DIRECTORY}", "--port", "8081"] }], // examples/units/notes.service:11
    environment: { NOTES_TITLE: "Team notes" }, // examples/units/notes.service:12
    umask: "0077", // examples/units/notes.service:31
  },
  identity: { dynamicUser: true }, // examples/units/notes.service:7
  restart: { policy: "on-failure" }, // examples/units/notes.service:13
  dependencies: { wantedBy: ["multi-user.target"] }, // examples/units/notes.service:36
  directories: {
    state: { paths: ["notes"] }, // examples/units/notes.service:8
    cache: { paths: ["notes"] }, // examples/units/notes.service:9
    logs: { paths: ["notes"] }, // examples/units/notes.service:10
  },
  sandboxing: {
    noNewPrivileges: true, // examples/units/notes.service:14
    protectSystem: "strict", // examples/units/notes.service:15
    protectHome: true, // examples/units/notes.service:16
    privateTmp: true, // examples/units/notes.service:17
    privateDevices: true, // examples/units/notes.service:18
    protectKernelTunables: true, // examples/units/notes.service:19
    protectKernelModules: true, // examples/units/notes.service:20
    protectControlGroups: true, // examples/units/notes.service:21
    restrictNamespaces: true, // examples/units/notes.service:23
    lockPersonality: true, // examples/units/notes.service:24
    memoryDenyWriteExecute: true, // examples/units/notes.service:25
    restrictAddressFamilies: ["AF_INET AF_INET6 AF_UNIX"], // examples/units/notes.service:22
    systemCallFilter: [
      "@system-service", // examples/units/notes.service:27
      "~@privileged @resources", // examples/units/notes.service:28
    ],
    systemCallArchitectures: ["native"], // examples/units/notes.service:26
    capabilityBoundingSet: [""], // examples/units/notes.service:29
    ambientCapabilities: [""], // examples/units/notes.service:30
  },
  resources: {
    memoryMax: "256M", // examples/units/notes.service:32
    tasksMax: "64", // examples/units/notes.service:33
  },
  provenance: {
    "/description": { file: "examples/units/notes.service", line: 3, column: 1 },
    "/documentation/0": { file: "examples/units/notes.service", line: 4, column: 1 },
    "/identity/dynamicUser": { file: "examples/units/notes.service", line: 7, column: 1 },
    "/directories/state/paths/0": { file: "examples/units/notes.service", line: 8, column: 1 },
    "/directories/cache/paths/0": { file: "examples/units/notes.service", line: 9, column: 1 },
    "/directories/logs/paths/0": { file: "examples/units/notes.service", line: 10, column: 1 },
    "/process/start/0": { file: "examples/units/notes.service", line: 11, column: 1 },
    "/process/environment/NOTES_TITLE": { file: "examples/units/notes.service", line: 12, column: 1 },
    "/restart/policy": { file: "examples/units/notes.service", line: 13, column: 1 },
    "/sandboxing/noNewPrivileges": { file: "examples/units/notes.service", line: 14, column: 1 },
    "/sandboxing/protectSystem": { file: "examples/units/notes.service", line: 15, column: 1 },
    "/sandboxing/protectHome": { file: "examples/units/notes.service", line: 16, column: 1 },
    "/sandboxing/privateTmp": { file: "examples/units/notes.service", line: 17, column: 1 },
    "/sandboxing/privateDevices": { file: "examples/units/notes.service", line: 18, column: 1 },
    "/sandboxing/protectKernelTunables": { file: "examples/units/notes.service", line: 19, column: 1 },
    "/sandboxing/protectKernelModules": { file: "examples/units/notes.service", line: 20, column: 1 },
    "/sandboxing/protectControlGroups": { file: "examples/units/notes.service", line: 21, column: 1 },
    "/sandboxing/restrictAddressFamilies/0": { file: "examples/units/notes.service", line: 22, column: 1 },
    "/sandboxing/restrictNamespaces": { file: "examples/units/notes.service", line: 23, column: 1 },
    "/sandboxing/lockPersonality": { file: "examples/units/notes.service", line: 24, column: 1 },
    "/sandboxing/memoryDenyWriteExecute": { file: "examples/units/notes.service", line: 25, column: 1 },
    "/sandboxing/systemCallArchitectures/0": { file: "examples/units/notes.service", line: 26, column: 1 },
    "/sandboxing/systemCallFilter/0": { file: "examples/units/notes.service", line: 27, column: 1 },
    "/sandboxing/systemCallFilter/1": { file: "examples/units/notes.service", line: 28, column: 1 },
    "/sandboxing/capabilityBoundingSet/0": { file: "examples/units/notes.service", line: 29, column: 1 },
    "/sandboxing/ambientCapabilities/0": { file: "examples/units/notes.service", line: 30, column: 1 },
    "/process/umask": { file: "examples/units/notes.service", line: 31, column: 1 },
    "/resources/memoryMax": { file: "examples/units/notes.service", line: 32, column: 1 },
    "/resources/tasksMax": { file: "examples/units/notes.service", line: 33, column: 1 },
    "/dependencies/wantedBy/0": { file: "examples/units/notes.service", line: 36, column: 1 },
  },
});

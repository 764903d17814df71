// Service `notes`, translated by psl.
// Edit freely: `psl validate` checks this file and `psl generate` renders it for each target.
// Trailing comments say where each value came from; the `provenance` table keeps that for psl.
import { defineService } from "psl";

export default defineService({
  name: "notes",
  description: "Hardened notes service", // examples/json/system.json:255
  documentation: ["https://example.org/notes"], // examples/json/system.json:256
  process: {
    start: [ // examples/json/system.json:225
      {
        argv: [
          "/nix/store/r08z42m8by3k0sfk1kqiz2f2czw03nmh-notes-server-0.9.1/bin/notes-server",
          "--data",
          "${STATE_DIRECTORY}",
          "--port",
          "8081",
        ],
      },
    ],
    environment: { NOTES_TITLE: "Team notes" }, // examples/json/system.json:190
    path: [ // examples/json/system.json:191 (Environment=PATH)
      "/nix/store/bkg5klqm725ds1pyjsg4vd8am3nshvrr-coreutils-9.5",
      "/nix/store/v27wmai3qslc7rahqbvl0c65llcb8pqm-findutils-4.10.0",
      "/nix/store/vbw8v91s3iv2xmlcrgq1h360xxfcjfh1-gnugrep-3.11",
      "/nix/store/r1bb6bfglnrj03bchv5vixa8q2avdmi0-gnused-4.9",
      "/nix/store/chfi6aikah84fdc5bd3vapm1cl4bcn2m-systemd-256.8",
    ],
    umask: "0077", // examples/json/system.json:250
  },
  identity: { dynamicUser: true }, // examples/json/system.json:224
  restart: { policy: "on-failure" }, // examples/json/system.json:238
  dependencies: { wantedBy: ["multi-user.target"] }, // examples/json/system.json:260
  directories: {
    state: { paths: ["notes"] }, // examples/json/system.json:243
    cache: { paths: ["notes"] }, // examples/json/system.json:222
    logs: { paths: ["notes"] }, // examples/json/system.json:227
  },
  sandboxing: {
    noNewPrivileges: true, // examples/json/system.json:230
    protectSystem: "strict", // examples/json/system.json:237
    protectHome: true, // examples/json/system.json:234
    privateTmp: true, // examples/json/system.json:232
    privateDevices: true, // examples/json/system.json:231
    protectKernelTunables: true, // examples/json/system.json:236
    protectKernelModules: true, // examples/json/system.json:235
    protectControlGroups: true, // examples/json/system.json:233
    restrictNamespaces: true, // examples/json/system.json:242
    lockPersonality: true, // examples/json/system.json:226
    memoryDenyWriteExecute: true, // examples/json/system.json:228
    restrictAddressFamilies: ["AF_INET AF_INET6 AF_UNIX"], // examples/json/system.json:240
    systemCallFilter: [
      "@system-service", // examples/json/system.json:246
      "~@privileged @resources", // examples/json/system.json:247
    ],
    systemCallArchitectures: ["native"], // examples/json/system.json:244
    capabilityBoundingSet: [""], // examples/json/system.json:223
    ambientCapabilities: [""], // examples/json/system.json:221
  },
  resources: {
    memoryMax: "256M", // examples/json/system.json:229
    tasksMax: "64", // examples/json/system.json:249
  },
  provenance: {
    "/description": { file: "examples/json/system.json", line: 255, column: 26, pointer: "/systemd/services/notes/unitConfig/Description" },
    "/documentation/0": { file: "examples/json/system.json", line: 256, column: 28, pointer: "/systemd/services/notes/unitConfig/Documentation" },
    "/process/environment/NOTES_TITLE": { file: "examples/json/system.json", line: 190, column: 26, pointer: "/systemd/services/notes/environment/NOTES_TITLE" },
    "/sandboxing/ambientCapabilities/0": { file: "examples/json/system.json", line: 221, column: 34, pointer: "/systemd/services/notes/serviceConfig/AmbientCapabilities" },
    "/directories/cache/paths/0": { file: "examples/json/system.json", line: 222, column: 29, pointer: "/systemd/services/notes/serviceConfig/CacheDirectory" },
    "/sandboxing/capabilityBoundingSet/0": { file: "examples/json/system.json", line: 223, column: 36, pointer: "/systemd/services/notes/serviceConfig/CapabilityBoundingSet" },
    "/identity/dynamicUser": { file: "examples/json/system.json", line: 224, column: 26, pointer: "/systemd/services/notes/serviceConfig/DynamicUser" },
    "/process/start/0": { file: "examples/json/system.json", line: 225, column: 24, pointer: "/systemd/services/notes/serviceConfig/ExecStart" },
    "/sandboxing/lockPersonality": { file: "examples/json/system.json", line: 226, column: 30, pointer: "/systemd/services/notes/serviceConfig/LockPersonality" },
    "/directories/logs/paths/0": { file: "examples/json/system.json", line: 227, column: 28, pointer: "/systemd/services/notes/serviceConfig/LogsDirectory" },
    "/sandboxing/memoryDenyWriteExecute": { file: "examples/json/system.json", line: 228, column: 37, pointer: "/systemd/services/notes/serviceConfig/MemoryDenyWriteExecute" },
    "/resources/memoryMax": { file: "examples/json/system.json", line: 229, column: 24, pointer: "/systemd/services/notes/serviceConfig/MemoryMax" },
    "/sandboxing/noNewPrivileges": { file: "examples/json/system.json", line: 230, column: 30, pointer: "/systemd/services/notes/serviceConfig/NoNewPrivileges" },
    "/sandboxing/privateDevices": { file: "examples/json/system.json", line: 231, column: 29, pointer: "/systemd/services/notes/serviceConfig/PrivateDevices" },
    "/sandboxing/privateTmp": { file: "examples/json/system.json", line: 232, column: 25, pointer: "/systemd/services/notes/serviceConfig/PrivateTmp" },
    "/sandboxing/protectControlGroups": { file: "examples/json/system.json", line: 233, column: 35, pointer: "/systemd/services/notes/serviceConfig/ProtectControlGroups" },
    "/sandboxing/protectHome": { file: "examples/json/system.json", line: 234, column: 26, pointer: "/systemd/services/notes/serviceConfig/ProtectHome" },
    "/sandboxing/protectKernelModules": { file: "examples/json/system.json", line: 235, column: 35, pointer: "/systemd/services/notes/serviceConfig/ProtectKernelModules" },
    "/sandboxing/protectKernelTunables": { file: "examples/json/system.json", line: 236, column: 36, pointer: "/systemd/services/notes/serviceConfig/ProtectKernelTunables" },
    "/sandboxing/protectSystem": { file: "examples/json/system.json", line: 237, column: 28, pointer: "/systemd/services/notes/serviceConfig/ProtectSystem" },
    "/restart/policy": { file: "examples/json/system.json", line: 238, column: 22, pointer: "/systemd/services/notes/serviceConfig/Restart" },
    "/sandboxing/restrictAddressFamilies/0": { file: "examples/json/system.json", line: 240, column: 13, pointer: "/systemd/services/notes/serviceConfig/RestrictAddressFamilies/0" },
    "/sandboxing/restrictNamespaces": { file: "examples/json/system.json", line: 242, column: 33, pointer: "/systemd/services/notes/serviceConfig/RestrictNamespaces" },
    "/directories/state/paths/0": { file: "examples/json/system.json", line: 243, column: 29, pointer: "/systemd/services/notes/serviceConfig/StateDirectory" },
    "/sandboxing/systemCallArchitectures/0": { file: "examples/json/system.json", line: 244, column: 38, pointer: "/systemd/services/notes/serviceConfig/SystemCallArchitectures" },
    "/sandboxing/systemCallFilter/0": { file: "examples/json/system.json", line: 246, column: 13, pointer: "/systemd/services/notes/serviceConfig/SystemCallFilter/0" },
    "/sandboxing/systemCallFilter/1": { file: "examples/json/system.json", line: 247, column: 13, pointer: "/systemd/services/notes/serviceConfig/SystemCallFilter/1" },
    "/resources/tasksMax": { file: "examples/json/system.json", line: 249, column: 23, pointer: "/systemd/services/notes/serviceConfig/TasksMax" },
    "/process/umask": { file: "examples/json/system.json", line: 250, column: 20, pointer: "/systemd/services/notes/serviceConfig/UMask" },
    "/dependencies/wantedBy/0": { file: "examples/json/system.json", line: 260, column: 21, pointer: "/systemd/services/notes/wantedBy" },
    "/process/path/0": { file: "examples/json/system.json", line: 191, column: 19, pointer: "/systemd/services/notes/environment/PATH", via: "Environment=PATH" },
    "/process/path/1": { file: "examples/json/system.json", line: 191, column: 19, pointer: "/systemd/services/notes/environment/PATH", via: "Environment=PATH" },
    "/process/path/2": { file: "examples/json/system.json", line: 191, column: 19, pointer: "/systemd/services/notes/environment/PATH", via: "Environment=PATH" },
    "/process/path/3": { file: "examples/json/system.json", line: 191, column: 19, pointer: "/systemd/services/notes/environment/PATH", via: "Environment=PATH" },
    "/process/path/4": { file: "examples/json/system.json", line: 191, column: 19, pointer: "/systemd/services/notes/environment/PATH", via: "Environment=PATH" },
  },
});

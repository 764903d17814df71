// Service `webapp-db`, translated by psl.
// Edit freely: `psl validate` checks this file and `psl generate` renders it for each target.
// Trailing comments say where each value came from; the `provenance` table keeps that for psl.
import { defineService } from "psl";

export default defineService({
  name: "webapp-db",
  description: "Database for the example web application", // examples/json/system.json:443
  process: {
    type: "notify", // examples/json/system.json:436
    start: [ // examples/json/system.json:427
      {
        argv: [
          "/nix/store/dr72n1ls5cppsczz6y2s1sfzyrp1k9b1-postgresql-15.10/bin/postgres",
          "-D",
          "/var/lib/webapp-db",
          "-c",
          "listen_addresses=127.0.0.1",
        ],
      },
    ],
    path: [ // examples/json/system.json:395 (Environment=PATH)
      "/nix/store/dr72n1ls5cppsczz6y2s1sfzyrp1k9b1-postgresql-15.10",
      "/nix/store/bkg5klqm725ds1pyjsg4vd8am3nshvrr-coreutils-9.5",
      "/nix/store/v27wmai3qslc7rahqbvl0c65llcb8pqm-findutils-4.10.0",
      "/nix/store/vbw8v91s3iv2xmlcrgq1h360xxfcjfh1-gnugrep-3.11",
      "/nix/store/r1bb6bfglnrj03bchv5vixa8q2avdmi0-gnused-4.9",
      "/nix/store/chfi6aikah84fdc5bd3vapm1cl4bcn2m-systemd-256.8",
    ],
    oomScoreAdjust: -900, // examples/json/system.json:431
  },
  lifecycle: { // examples/json/system.json:426
    reload: [
      {
        argv: ["/nix/store/bkg5klqm725ds1pyjsg4vd8am3nshvrr-coreutils-9.5/bin/kill", "-HUP", "$MAINPID"],
      },
    ],
  },
  identity: {
    user: "postgres", // examples/json/system.json:437
    group: "postgres", // examples/json/system.json:428
  },
  stop: {
    signal: "SIGINT", // examples/json/system.json:430
    timeoutSec: 120, // examples/json/system.json:435
    killMode: "mixed", // examples/json/system.json:429
  },
  dependencies: {
    after: ["network.target"], // examples/json/system.json:442
    wantedBy: ["multi-user.target"], // examples/json/system.json:447
  },
  readiness: { timeoutSec: 120 }, // examples/json/system.json:435
  directories: {
    state: {
      paths: ["webapp-db"], // examples/json/system.json:433
      mode: "0700", // examples/json/system.json:434
    },
    runtime: { paths: ["postgresql"] }, // examples/json/system.json:432
  },
  accounts: {
    users: [ // examples/json/system.json:596
      {
        name: "postgres",
        uid: 71,
        group: "postgres",
        home: "/var/lib/postgresql",
        createHome: false,
        isSystemUser: true,
        isNormalUser: false,
        shell: "/nix/store/1a7b1n0wjfgcvjiw2ky9yg9491px122y-bash-5.2p37/bin/bash",
        description: "PostgreSQL server user",
      },
    ],
    groups: [{ name: "postgres", gid: 71 }], // examples/json/system.json:580
  },
  provenance: {
    "/dependencies/after/0": { file: "examples/json/system.json", line: 442, column: 20, pointer: "/systemd/services/webapp-db/unitConfig/After" },
    "/description": { file: "examples/json/system.json", line: 443, column: 26, pointer: "/systemd/services/webapp-db/unitConfig/Description" },
    "/lifecycle/reload/0": { file: "examples/json/system.json", line: 426, column: 25, pointer: "/systemd/services/webapp-db/serviceConfig/ExecReload" },
    "/process/start/0": { file: "examples/json/system.json", line: 427, column: 24, pointer: "/systemd/services/webapp-db/serviceConfig/ExecStart" },
    "/identity/group": { file: "examples/json/system.json", line: 428, column: 20, pointer: "/systemd/services/webapp-db/serviceConfig/Group" },
    "/stop/killMode": { file: "examples/json/system.json", line: 429, column: 23, pointer: "/systemd/services/webapp-db/serviceConfig/KillMode" },
    "/stop/signal": { file: "examples/json/system.json", line: 430, column: 25, pointer: "/systemd/services/webapp-db/serviceConfig/KillSignal" },
    "/process/oomScoreAdjust": { file: "examples/json/system.json", line: 431, column: 29, pointer: "/systemd/services/webapp-db/serviceConfig/OOMScoreAdjust" },
    "/directories/runtime/paths/0": { file: "examples/json/system.json", line: 432, column: 31, pointer: "/systemd/services/webapp-db/serviceConfig/RuntimeDirectory" },
    "/directories/state/paths/0": { file: "examples/json/system.json", line: 433, column: 29, pointer: "/systemd/services/webapp-db/serviceConfig/StateDirectory" },
    "/directories/state/mode": { file: "examples/json/system.json", line: 434, column: 33, pointer: "/systemd/services/webapp-db/serviceConfig/StateDirectoryMode" },
    "/readiness/timeoutSec": { file: "examples/json/system.json", line: 435, column: 25, pointer: "/systemd/services/webapp-db/serviceConfig/TimeoutSec" },
    "/stop/timeoutSec": { file: "examples/json/system.json", line: 435, column: 25, pointer: "/systemd/services/webapp-db/serviceConfig/TimeoutSec" },
    "/process/type": { file: "examples/json/system.json", line: 436, column: 19, pointer: "/systemd/services/webapp-db/serviceConfig/Type" },
    "/identity/user": { file: "examples/json/system.json", line: 437, column: 19, pointer: "/systemd/services/webapp-db/serviceConfig/User" },
    "/dependencies/wantedBy/0": { file: "examples/json/system.json", line: 447, column: 21, pointer: "/systemd/services/webapp-db/wantedBy" },
    "/process/path/0": { file: "examples/json/system.json", line: 395, column: 19, pointer: "/systemd/services/webapp-db/environment/PATH", via: "Environment=PATH" },
    "/process/path/1": { file: "examples/json/system.json", line: 395, column: 19, pointer: "/systemd/services/webapp-db/environment/PATH", via: "Environment=PATH" },
    "/process/path/2": { file: "examples/json/system.json", line: 395, column: 19, pointer: "/systemd/services/webapp-db/environment/PATH", via: "Environment=PATH" },
    "/process/path/3": { file: "examples/json/system.json", line: 395, column: 19, pointer: "/systemd/services/webapp-db/environment/PATH", via: "Environment=PATH" },
    "/process/path/4": { file: "examples/json/system.json", line: 395, column: 19, pointer: "/systemd/services/webapp-db/environment/PATH", via: "Environment=PATH" },
    "/process/path/5": { file: "examples/json/system.json", line: 395, column: 19, pointer: "/systemd/services/webapp-db/environment/PATH", via: "Environment=PATH" },
    "/accounts/users/0": { file: "examples/json/system.json", line: 596, column: 19, pointer: "/users/users/postgres" },
    "/accounts/groups/0": { file: "examples/json/system.json", line: 580, column: 19, pointer: "/users/groups/postgres" },
  },
});

// Service `webapp-worker`, translated by psl.
// Edit freely: `psl validate` checks this file and `psl generate` renders it for each target.
// Trailing comments say where each value came from; the `provenance` table keeps that for psl.
import { defineService } from "psl";

export default defineService({
  name: "webapp-worker",
  description: "Example web application worker", // examples/json/system.json:524
  process: {
    start: [
      { // examples/json/system.json:511
        argv: [
          "/nix/store/0j4rk577yqkb1w62f2krs68477l0rzy5-unit-script-webapp-worker-start/bin/webapp-worker-start",
        ],
        script: { // examples/json/system.json:508 (script → ExecStart)
          name: "webapp-worker-start",
          text: `exec webapp worker --queue "$QUEUE" --concurrency "$CONCURRENCY"
`,
        },
      },
    ],
    environment: {
      CONCURRENCY: "4", // examples/json/system.json:474
      QUEUE: "default", // examples/json/system.json:476
    },
    path: [ // examples/json/system.json:475 (Environment=PATH)
      "/nix/store/x8rdc1klv0sagrbnri419vxznyx182jj-webapp-1.4.2",
      "/nix/store/bkg5klqm725ds1pyjsg4vd8am3nshvrr-coreutils-9.5",
      "/nix/store/v27wmai3qslc7rahqbvl0c65llcb8pqm-findutils-4.10.0",
      "/nix/store/vbw8v91s3iv2xmlcrgq1h360xxfcjfh1-gnugrep-3.11",
      "/nix/store/r1bb6bfglnrj03bchv5vixa8q2avdmi0-gnused-4.9",
      "/nix/store/chfi6aikah84fdc5bd3vapm1cl4bcn2m-systemd-256.8",
    ],
    nice: 5, // examples/json/system.json:513
  },
  identity: {
    user: "webapp", // examples/json/system.json:516
    group: "webapp", // examples/json/system.json:512
  },
  restart: {
    policy: "always", // examples/json/system.json:514
    delaySec: 1, // examples/json/system.json:515
    startLimitBurst: 10, // examples/json/system.json:519
    startLimitIntervalSec: 60, // examples/json/system.json:520
  },
  dependencies: {
    requires: ["webapp-db.service"], // examples/json/system.json:526
    partOf: ["webapp.service"], // examples/json/system.json:525
    after: ["webapp.service", "webapp-db.service"], // examples/json/system.json:523
    wantedBy: ["webapp.service"], // examples/json/system.json:530
  },
  accounts: {
    users: [ // examples/json/system.json:608
      {
        name: "webapp",
        group: "webapp",
        extraGroups: ["www-data"],
        home: "/var/lib/webapp",
        createHome: false,
        isSystemUser: true,
        isNormalUser: false,
        shell: "/nix/store/8w51pf29g1qfv5yl68knd0ranrjprwxh-shadow-4.16.0/bin/nologin",
        description: "Example web application",
      },
    ],
    groups: [{ name: "webapp" }], // examples/json/system.json:585
  },
  provenance: {
    "/dependencies/after/0": { file: "examples/json/system.json", line: 523, column: 20, pointer: "/systemd/services/webapp-worker/unitConfig/After" },
    "/dependencies/after/1": { file: "examples/json/system.json", line: 523, column: 20, pointer: "/systemd/services/webapp-worker/unitConfig/After" },
    "/description": { file: "examples/json/system.json", line: 524, column: 26, pointer: "/systemd/services/webapp-worker/unitConfig/Description" },
    "/dependencies/partOf/0": { file: "examples/json/system.json", line: 525, column: 21, pointer: "/systemd/services/webapp-worker/unitConfig/PartOf" },
    "/dependencies/requires/0": { file: "examples/json/system.json", line: 526, column: 23, pointer: "/systemd/services/webapp-worker/unitConfig/Requires" },
    "/restart/startLimitIntervalSec": { file: "examples/json/system.json", line: 520, column: 34, pointer: "/systemd/services/webapp-worker/startLimitIntervalSec" },
    "/restart/startLimitBurst": { file: "examples/json/system.json", line: 519, column: 28, pointer: "/systemd/services/webapp-worker/startLimitBurst" },
    "/process/environment/CONCURRENCY": { file: "examples/json/system.json", line: 474, column: 26, pointer: "/systemd/services/webapp-worker/environment/CONCURRENCY" },
    "/process/environment/QUEUE": { file: "examples/json/system.json", line: 476, column: 20, pointer: "/systemd/services/webapp-worker/environment/QUEUE" },
    "/process/start/0": { file: "examples/json/system.json", line: 511, column: 24, pointer: "/systemd/services/webapp-worker/serviceConfig/ExecStart" },
    "/identity/group": { file: "examples/json/system.json", line: 512, column: 20, pointer: "/systemd/services/webapp-worker/serviceConfig/Group" },
    "/process/nice": { file: "examples/json/system.json", line: 513, column: 19, pointer: "/systemd/services/webapp-worker/serviceConfig/Nice" },
    "/restart/policy": { file: "examples/json/system.json", line: 514, column: 22, pointer: "/systemd/services/webapp-worker/serviceConfig/Restart" },
    "/restart/delaySec": { file: "examples/json/system.json", line: 515, column: 25, pointer: "/systemd/services/webapp-worker/serviceConfig/RestartSec" },
    "/identity/user": { file: "examples/json/system.json", line: 516, column: 19, pointer: "/systemd/services/webapp-worker/serviceConfig/User" },
    "/dependencies/wantedBy/0": { file: "examples/json/system.json", line: 530, column: 21, pointer: "/systemd/services/webapp-worker/wantedBy" },
    "/process/path/0": { file: "examples/json/system.json", line: 475, column: 19, pointer: "/systemd/services/webapp-worker/environment/PATH", via: "Environment=PATH" },
    "/process/path/1": { file: "examples/json/system.json", line: 475, column: 19, pointer: "/systemd/services/webapp-worker/environment/PATH", via: "Environment=PATH" },
    "/process/path/2": { file: "examples/json/system.json", line: 475, column: 19, pointer: "/systemd/services/webapp-worker/environment/PATH", via: "Environment=PATH" },
    "/process/path/3": { file: "examples/json/system.json", line: 475, column: 19, pointer: "/systemd/services/webapp-worker/environment/PATH", via: "Environment=PATH" },
    "/process/path/4": { file: "examples/json/system.json", line: 475, column: 19, pointer: "/systemd/services/webapp-worker/environment/PATH", via: "Environment=PATH" },
    "/process/path/5": { file: "examples/json/system.json", line: 475, column: 19, pointer: "/systemd/services/webapp-worker/environment/PATH", via: "Environment=PATH" },
    "/process/start/0/script": { file: "examples/json/system.json", line: 508, column: 19, pointer: "/systemd/services/webapp-worker/script", via: "script → ExecStart" },
    "/accounts/users/0": { file: "examples/json/system.json", line: 608, column: 17, pointer: "/users/users/webapp" },
    "/accounts/groups/0": { file: "examples/json/system.json", line: 585, column: 17, pointer: "/users/groups/webapp" },
  },
});

// Service `webapp`, translated by psl.
// Edit freely: `psl validate` checks this file and `psl generate` renders it for each target.
// Trailing comments say where each value came from; the `provenance` table keeps that for psl.
import { defineService } from "psl";

export default defineService({
  name: "webapp",
  description: "Example web application", // examples/json/system.json:359
  documentation: ["https://example.org/webapp"], // examples/json/system.json:360
  process: {
    type: "notify", // examples/json/system.json:350
    start: [
      { // examples/json/system.json:329
        argv: ["/nix/store/m4w2dkahmqdln8cqkgv68892qdqf9j1z-unit-script-webapp-start/bin/webapp-start"],
        script: { // examples/json/system.json:324 (script → ExecStart)
          name: "webapp-start",
          text: `exec webapp serve --config /etc/webapp/webapp.ini --listen "$LISTEN"
`,
        },
      },
    ],
    workingDirectory: { path: "/var/lib/webapp" }, // examples/json/system.json:353
    environment: {
      DATABASE_URL: "postgres://webapp@localhost/webapp", // examples/json/system.json:289
      GREETING: "hello world", // examples/json/system.json:290
      LISTEN: "127.0.0.1:8080", // examples/json/system.json:291
    },
    environmentFiles: [{ path: "/etc/webapp/secrets.env", optional: true }], // examples/json/system.json:327
    path: [ // examples/json/system.json:292 (Environment=PATH)
      "/nix/store/x8rdc1klv0sagrbnri419vxznyx182jj-webapp-1.4.2",
      "/nix/store/bkg5klqm725ds1pyjsg4vd8am3nshvrr-coreutils-9.5",
      "/nix/store/v27wmai3qslc7rahqbvl0c65llcb8pqm-findutils-4.10.0",
      "/nix/store/vbw8v91s3iv2xmlcrgq1h360xxfcjfh1-gnugrep-3.11",
      "/nix/store/r1bb6bfglnrj03bchv5vixa8q2avdmi0-gnused-4.9",
      "/nix/store/chfi6aikah84fdc5bd3vapm1cl4bcn2m-systemd-256.8",
    ],
    umask: "0027", // examples/json/system.json:351
    limits: { nofile: { soft: 4096, hard: 8192 } }, // examples/json/system.json:334
  },
  lifecycle: {
    startPre: [
      { // examples/json/system.json:331
        argv: [
          "/nix/store/5bvpn3l2q362kblrvwlhf1mhaspa15bk-unit-script-webapp-pre-start/bin/webapp-pre-start",
        ],
        script: { // examples/json/system.json:310 (preStart → ExecStartPre)
          name: "webapp-pre-start",
          text: `webapp check-config --config /etc/webapp/webapp.ini
`,
        },
      },
    ],
    reload: [
      { // examples/json/system.json:328
        argv: ["/nix/store/65fqz1ij1wa1q27whzsrblw07mm97jcv-unit-script-webapp-reload/bin/webapp-reload"],
        script: { // examples/json/system.json:312 (reload → ExecReload)
          name: "webapp-reload",
          text: `kill -HUP "$MAINPID"
`,
        },
      },
    ],
  },
  identity: {
    user: "webapp", // examples/json/system.json:352
    group: "webapp", // examples/json/system.json:333
    supplementaryGroups: ["www-data"], // examples/json/system.json:347
  },
  restart: {
    policy: "on-failure", // examples/json/system.json:341
    delaySec: 5, // examples/json/system.json:342
  },
  stop: { timeoutSec: 20 }, // examples/json/system.json:349
  dependencies: {
    requires: ["webapp-db.service"], // examples/json/system.json:361
    wants: ["network-online.target"], // examples/json/system.json:362
    after: ["network-online.target", "webapp-db.service"], // examples/json/system.json:358
    wantedBy: ["multi-user.target"], // examples/json/system.json:367
  },
  readiness: { notifyAccess: "all" }, // examples/json/system.json:336
  directories: {
    state: {
      paths: ["webapp"], // examples/json/system.json:344
      mode: "0750", // examples/json/system.json:345
    },
    runtime: { paths: ["webapp"] }, // examples/json/system.json:343
  },
  configFiles: [ // examples/json/system.json:4
    {
      path: "/etc/webapp/webapp.ini",
      text: `[server]
listen = 127.0.0.1:8080

[database]
url = postgres://webapp@localhost/webapp
`,
      source: "/nix/store/q5l719gy2a7vf58w5q0m1xqr679b9w8m-etc-webapp.ini",
      user: "+0",
      group: "+0",
    },
  ],
  sandboxing: {
    noNewPrivileges: true, // examples/json/system.json:335
    protectSystem: "strict", // examples/json/system.json:337
    readWritePaths: ["/var/lib/webapp"], // examples/json/system.json:339
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
    groups: [
      { name: "webapp" }, // examples/json/system.json:585
      { name: "www-data", gid: 33 }, // examples/json/system.json:589
    ],
  },
  nixos: { restartTriggers: "/nix/store/6ahcj4y1gr6bzkxmbxh2xy5q15w5dmzf-X-Restart-Triggers-webapp" }, // examples/json/system.json:363
  provenance: {
    "/dependencies/after/0": { file: "examples/json/system.json", line: 358, column: 20, pointer: "/systemd/services/webapp/unitConfig/After" },
    "/dependencies/after/1": { file: "examples/json/system.json", line: 358, column: 20, pointer: "/systemd/services/webapp/unitConfig/After" },
    "/description": { file: "examples/json/system.json", line: 359, column: 26, pointer: "/systemd/services/webapp/unitConfig/Description" },
    "/documentation/0": { file: "examples/json/system.json", line: 360, column: 28, pointer: "/systemd/services/webapp/unitConfig/Documentation" },
    "/dependencies/requires/0": { file: "examples/json/system.json", line: 361, column: 23, pointer: "/systemd/services/webapp/unitConfig/Requires" },
    "/dependencies/wants/0": { file: "examples/json/system.json", line: 362, column: 20, pointer: "/systemd/services/webapp/unitConfig/Wants" },
    "/nixos/restartTriggers": { file: "examples/json/system.json", line: 363, column: 33, pointer: "/systemd/services/webapp/unitConfig/X-Restart-Triggers" },
    "/process/environment/DATABASE_URL": { file: "examples/json/system.json", line: 289, column: 27, pointer: "/systemd/services/webapp/environment/DATABASE_URL" },
    "/process/environment/GREETING": { file: "examples/json/system.json", line: 290, column: 23, pointer: "/systemd/services/webapp/environment/GREETING" },
    "/process/environment/LISTEN": { file: "examples/json/system.json", line: 291, column: 21, pointer: "/systemd/services/webapp/environment/LISTEN" },
    "/process/environmentFiles/0": { file: "examples/json/system.json", line: 327, column: 30, pointer: "/systemd/services/webapp/serviceConfig/EnvironmentFile" },
    "/lifecycle/reload/0": { file: "examples/json/system.json", line: 328, column: 25, pointer: "/systemd/services/webapp/serviceConfig/ExecReload" },
    "/process/start/0": { file: "examples/json/system.json", line: 329, column: 24, pointer: "/systemd/services/webapp/serviceConfig/ExecStart" },
    "/lifecycle/startPre/0": { file: "examples/json/system.json", line: 331, column: 13, pointer: "/systemd/services/webapp/serviceConfig/ExecStartPre/0" },
    "/identity/group": { file: "examples/json/system.json", line: 333, column: 20, pointer: "/systemd/services/webapp/serviceConfig/Group" },
    "/process/limits/nofile": { file: "examples/json/system.json", line: 334, column: 26, pointer: "/systemd/services/webapp/serviceConfig/LimitNOFILE" },
    "/sandboxing/noNewPrivileges": { file: "examples/json/system.json", line: 335, column: 30, pointer: "/systemd/services/webapp/serviceConfig/NoNewPrivileges" },
    "/readiness/notifyAccess": { file: "examples/json/system.json", line: 336, column: 27, pointer: "/systemd/services/webapp/serviceConfig/NotifyAccess" },
    "/sandboxing/protectSystem": { file: "examples/json/system.json", line: 337, column: 28, pointer: "/systemd/services/webapp/serviceConfig/ProtectSystem" },
    "/sandboxing/readWritePaths/0": { file: "examples/json/system.json", line: 339, column: 13, pointer: "/systemd/services/webapp/serviceConfig/ReadWritePaths/0" },
    "/restart/policy": { file: "examples/json/system.json", line: 341, column: 22, pointer: "/systemd/services/webapp/serviceConfig/Restart" },
    "/restart/delaySec": { file: "examples/json/system.json", line: 342, column: 25, pointer: "/systemd/services/webapp/serviceConfig/RestartSec" },
    "/directories/runtime/paths/0": { file: "examples/json/system.json", line: 343, column: 31, pointer: "/systemd/services/webapp/serviceConfig/RuntimeDirectory" },
    "/directories/state/paths/0": { file: "examples/json/system.json", line: 344, column: 29, pointer: "/systemd/services/webapp/serviceConfig/StateDirectory" },
    "/directories/state/mode": { file: "examples/json/system.json", line: 345, column: 33, pointer: "/systemd/services/webapp/serviceConfig/StateDirectoryMode" },
    "/identity/supplementaryGroups/0": { file: "examples/json/system.json", line: 347, column: 13, pointer: "/systemd/services/webapp/serviceConfig/SupplementaryGroups/0" },
    "/stop/timeoutSec": { file: "examples/json/system.json", line: 349, column: 29, pointer: "/systemd/services/webapp/serviceConfig/TimeoutStopSec" },
    "/process/type": { file: "examples/json/system.json", line: 350, column: 19, pointer: "/systemd/services/webapp/serviceConfig/Type" },
    "/process/umask": { file: "examples/json/system.json", line: 351, column: 20, pointer: "/systemd/services/webapp/serviceConfig/UMask" },
    "/identity/user": { file: "examples/json/system.json", line: 352, column: 19, pointer: "/systemd/services/webapp/serviceConfig/User" },
    "/process/workingDirectory": { file: "examples/json/system.json", line: 353, column: 31, pointer: "/systemd/services/webapp/serviceConfig/WorkingDirectory" },
    "/dependencies/wantedBy/0": { file: "examples/json/system.json", line: 367, column: 21, pointer: "/systemd/services/webapp/wantedBy" },
    "/process/path/0": { file: "examples/json/system.json", line: 292, column: 19, pointer: "/systemd/services/webapp/environment/PATH", via: "Environment=PATH" },
    "/process/path/1": { file: "examples/json/system.json", line: 292, column: 19, pointer: "/systemd/services/webapp/environment/PATH", via: "Environment=PATH" },
    "/process/path/2": { file: "examples/json/system.json", line: 292, column: 19, pointer: "/systemd/services/webapp/environment/PATH", via: "Environment=PATH" },
    "/process/path/3": { file: "examples/json/system.json", line: 292, column: 19, pointer: "/systemd/services/webapp/environment/PATH", via: "Environment=PATH" },
    "/process/path/4": { file: "examples/json/system.json", line: 292, column: 19, pointer: "/systemd/services/webapp/environment/PATH", via: "Environment=PATH" },
    "/process/path/5": { file: "examples/json/system.json", line: 292, column: 19, pointer: "/systemd/services/webapp/environment/PATH", via: "Environment=PATH" },
    "/lifecycle/startPre/0/script": { file: "examples/json/system.json", line: 310, column: 21, pointer: "/systemd/services/webapp/preStart", via: "preStart → ExecStartPre" },
    "/process/start/0/script": { file: "examples/json/system.json", line: 324, column: 19, pointer: "/systemd/services/webapp/script", via: "script → ExecStart" },
    "/lifecycle/reload/0/script": { file: "examples/json/system.json", line: 312, column: 19, pointer: "/systemd/services/webapp/reload", via: "reload → ExecReload" },
    "/accounts/users/0": { file: "examples/json/system.json", line: 608, column: 17, pointer: "/users/users/webapp" },
    "/accounts/groups/0": { file: "examples/json/system.json", line: 585, column: 17, pointer: "/users/groups/webapp" },
    "/accounts/groups/1": { file: "examples/json/system.json", line: 589, column: 19, pointer: "/users/groups/www-data" },
    "/configFiles/0": { file: "examples/json/system.json", line: 4, column: 28, pointer: "/environment/etc/webapp~1webapp.ini" },
  },
});

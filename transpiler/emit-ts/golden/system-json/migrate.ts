// Service `migrate`, translated by psl.
// Edit freely: `psl validate` checks this file and `psl generate` renders it for each target.
// Trailing comments say where each value came from; the `provenance` table keeps that for psl.
import { defineService } from "psl";

export default defineService({
  name: "migrate",
  description: "Migrate the example web application's database", // examples/json/system.json:159
  process: {
    type: "oneshot", // examples/json/system.json:150
    start: [
      { // examples/json/system.json:144
        argv: ["/nix/store/wjp5vaq3r9mrcj25kk9rjfx89pb6mzgk-unit-script-migrate-start/bin/migrate-start"],
        script: { // examples/json/system.json:141 (script → ExecStart)
          name: "migrate-start",
          text: `webapp migrate --config /etc/webapp/webapp.ini
webapp vacuum --quiet || true
`,
        },
      },
    ],
    remainAfterExit: true, // examples/json/system.json:148
    path: [ // examples/json/system.json:111 (Environment=PATH)
      "/nix/store/x8rdc1klv0sagrbnri419vxznyx182jj-webapp-1.4.2",
      "/nix/store/bkg5klqm725ds1pyjsg4vd8am3nshvrr-coreutils-9.5",
      "/nix/store/v27wmai3qslc7rahqbvl0c65llcb8pqm-findutils-4.10.0",
      "/nix/store/vbw8v91s3iv2xmlcrgq1h360xxfcjfh1-gnugrep-3.11",
      "/nix/store/r1bb6bfglnrj03bchv5vixa8q2avdmi0-gnused-4.9",
      "/nix/store/chfi6aikah84fdc5bd3vapm1cl4bcn2m-systemd-256.8",
    ],
  },
  lifecycle: {
    startPre: [
      { // examples/json/system.json:146
        argv: [
          "/nix/store/da74dwqyyxjkj4ix4bvglcad48bn3569-unit-script-migrate-pre-start/bin/migrate-pre-start",
        ],
        script: { // examples/json/system.json:129 (preStart → ExecStartPre)
          name: "migrate-pre-start",
          text: `test -d /var/lib/webapp
`,
        },
      },
    ],
  },
  identity: { user: "webapp" }, // examples/json/system.json:151
  dependencies: {
    requires: ["webapp-db.service"], // examples/json/system.json:160
    after: ["webapp-db.service"], // examples/json/system.json:156
    before: ["webapp.service"], // examples/json/system.json:157
    wantedBy: ["multi-user.target"], // examples/json/system.json:164
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
  logging: { standardOutput: "journal" }, // examples/json/system.json:149
  conditions: [ // examples/json/system.json:158
    { kind: "condition", check: "PathExists", value: "/etc/webapp/webapp.ini" },
  ],
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
    "/dependencies/after/0": { file: "examples/json/system.json", line: 156, column: 20, pointer: "/systemd/services/migrate/unitConfig/After" },
    "/dependencies/before/0": { file: "examples/json/system.json", line: 157, column: 21, pointer: "/systemd/services/migrate/unitConfig/Before" },
    "/conditions/0": { file: "examples/json/system.json", line: 158, column: 34, pointer: "/systemd/services/migrate/unitConfig/ConditionPathExists" },
    "/description": { file: "examples/json/system.json", line: 159, column: 26, pointer: "/systemd/services/migrate/unitConfig/Description" },
    "/dependencies/requires/0": { file: "examples/json/system.json", line: 160, column: 23, pointer: "/systemd/services/migrate/unitConfig/Requires" },
    "/process/start/0": { file: "examples/json/system.json", line: 144, column: 24, pointer: "/systemd/services/migrate/serviceConfig/ExecStart" },
    "/lifecycle/startPre/0": { file: "examples/json/system.json", line: 146, column: 13, pointer: "/systemd/services/migrate/serviceConfig/ExecStartPre/0" },
    "/process/remainAfterExit": { file: "examples/json/system.json", line: 148, column: 30, pointer: "/systemd/services/migrate/serviceConfig/RemainAfterExit" },
    "/logging/standardOutput": { file: "examples/json/system.json", line: 149, column: 29, pointer: "/systemd/services/migrate/serviceConfig/StandardOutput" },
    "/process/type": { file: "examples/json/system.json", line: 150, column: 19, pointer: "/systemd/services/migrate/serviceConfig/Type" },
    "/identity/user": { file: "examples/json/system.json", line: 151, column: 19, pointer: "/systemd/services/migrate/serviceConfig/User" },
    "/dependencies/wantedBy/0": { file: "examples/json/system.json", line: 164, column: 21, pointer: "/systemd/services/migrate/wantedBy" },
    "/process/path/0": { file: "examples/json/system.json", line: 111, column: 19, pointer: "/systemd/services/migrate/environment/PATH", via: "Environment=PATH" },
    "/process/path/1": { file: "examples/json/system.json", line: 111, column: 19, pointer: "/systemd/services/migrate/environment/PATH", via: "Environment=PATH" },
    "/process/path/2": { file: "examples/json/system.json", line: 111, column: 19, pointer: "/systemd/services/migrate/environment/PATH", via: "Environment=PATH" },
    "/process/path/3": { file: "examples/json/system.json", line: 111, column: 19, pointer: "/systemd/services/migrate/environment/PATH", via: "Environment=PATH" },
    "/process/path/4": { file: "examples/json/system.json", line: 111, column: 19, pointer: "/systemd/services/migrate/environment/PATH", via: "Environment=PATH" },
    "/process/path/5": { file: "examples/json/system.json", line: 111, column: 19, pointer: "/systemd/services/migrate/environment/PATH", via: "Environment=PATH" },
    "/lifecycle/startPre/0/script": { file: "examples/json/system.json", line: 129, column: 21, pointer: "/systemd/services/migrate/preStart", via: "preStart → ExecStartPre" },
    "/process/start/0/script": { file: "examples/json/system.json", line: 141, column: 19, pointer: "/systemd/services/migrate/script", via: "script → ExecStart" },
    "/accounts/users/0": { file: "examples/json/system.json", line: 608, column: 17, pointer: "/users/users/webapp" },
    "/accounts/groups/0": { file: "examples/json/system.json", line: 585, column: 17, pointer: "/users/groups/webapp" },
    "/configFiles/0": { file: "examples/json/system.json", line: 4, column: 28, pointer: "/environment/etc/webapp~1webapp.ini" },
  },
});

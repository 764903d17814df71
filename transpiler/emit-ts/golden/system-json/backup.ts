// Service `backup`, translated by psl.
// Edit freely: `psl validate` checks this file and `psl generate` renders it for each target.
// Trailing comments say where each value came from; the `provenance` table keeps that for psl.
import { defineService } from "psl";

export default defineService({
  name: "backup",
  description: "Back up the example web application's state", // examples/json/system.json:81
  process: {
    type: "oneshot", // examples/json/system.json:74
    start: [
      { // examples/json/system.json:70
        argv: ["/nix/store/vpwwvxxnckp6vwn5lw008id0cxpv5cj8-unit-script-backup-start/bin/backup-start"],
        script: { // examples/json/system.json:67 (script → ExecStart)
          name: "backup-start",
          text: `tar -czf "/var/backups/webapp-$(date +%F).tar.gz" -C /var/lib webapp
`,
        },
      },
    ],
    path: [ // examples/json/system.json:38 (Environment=PATH)
      "/nix/store/cf29n96v11166lz11psjfmrm7p7pmsjc-gnutar-1.35",
      "/nix/store/fbk20rsrhhpnjrx86xdjhkaxaq07hx9h-gzip-1.13",
      "/nix/store/bkg5klqm725ds1pyjsg4vd8am3nshvrr-coreutils-9.5",
      "/nix/store/v27wmai3qslc7rahqbvl0c65llcb8pqm-findutils-4.10.0",
      "/nix/store/vbw8v91s3iv2xmlcrgq1h360xxfcjfh1-gnugrep-3.11",
      "/nix/store/r1bb6bfglnrj03bchv5vixa8q2avdmi0-gnused-4.9",
      "/nix/store/chfi6aikah84fdc5bd3vapm1cl4bcn2m-systemd-256.8",
    ],
    nice: 19, // examples/json/system.json:73
  },
  identity: {
    user: "webapp", // examples/json/system.json:75
    group: "webapp", // examples/json/system.json:71
  },
  dependencies: { after: ["webapp-db.service"] }, // examples/json/system.json:80
  tmpfiles: [ // examples/json/system.json:573
    { type: "d", path: "/var/backups", mode: "0750", user: "webapp", group: "webapp" },
  ],
  timers: [
    {
      name: "backup.timer",
      onCalendar: ["*-*-* 02:30:00"], // examples/json/system.json:559
      wantedBy: ["timers.target"], // examples/json/system.json:565
    },
  ],
  resources: { ioSchedulingClass: "idle" }, // examples/json/system.json:72
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
    "/dependencies/after/0": { file: "examples/json/system.json", line: 80, column: 20, pointer: "/systemd/services/backup/unitConfig/After" },
    "/description": { file: "examples/json/system.json", line: 81, column: 26, pointer: "/systemd/services/backup/unitConfig/Description" },
    "/process/start/0": { file: "examples/json/system.json", line: 70, column: 24, pointer: "/systemd/services/backup/serviceConfig/ExecStart" },
    "/identity/group": { file: "examples/json/system.json", line: 71, column: 20, pointer: "/systemd/services/backup/serviceConfig/Group" },
    "/resources/ioSchedulingClass": { file: "examples/json/system.json", line: 72, column: 32, pointer: "/systemd/services/backup/serviceConfig/IOSchedulingClass" },
    "/process/nice": { file: "examples/json/system.json", line: 73, column: 19, pointer: "/systemd/services/backup/serviceConfig/Nice" },
    "/process/type": { file: "examples/json/system.json", line: 74, column: 19, pointer: "/systemd/services/backup/serviceConfig/Type" },
    "/identity/user": { file: "examples/json/system.json", line: 75, column: 19, pointer: "/systemd/services/backup/serviceConfig/User" },
    "/process/path/0": { file: "examples/json/system.json", line: 38, column: 19, pointer: "/systemd/services/backup/environment/PATH", via: "Environment=PATH" },
    "/process/path/1": { file: "examples/json/system.json", line: 38, column: 19, pointer: "/systemd/services/backup/environment/PATH", via: "Environment=PATH" },
    "/process/path/2": { file: "examples/json/system.json", line: 38, column: 19, pointer: "/systemd/services/backup/environment/PATH", via: "Environment=PATH" },
    "/process/path/3": { file: "examples/json/system.json", line: 38, column: 19, pointer: "/systemd/services/backup/environment/PATH", via: "Environment=PATH" },
    "/process/path/4": { file: "examples/json/system.json", line: 38, column: 19, pointer: "/systemd/services/backup/environment/PATH", via: "Environment=PATH" },
    "/process/path/5": { file: "examples/json/system.json", line: 38, column: 19, pointer: "/systemd/services/backup/environment/PATH", via: "Environment=PATH" },
    "/process/path/6": { file: "examples/json/system.json", line: 38, column: 19, pointer: "/systemd/services/backup/environment/PATH", via: "Environment=PATH" },
    "/timers/0/onCalendar/0": { file: "examples/json/system.json", line: 559, column: 13, pointer: "/systemd/timers/backup/timerConfig/OnCalendar/0" },
    "/timers/0/wantedBy/0": { file: "examples/json/system.json", line: 565, column: 21, pointer: "/systemd/timers/backup/wantedBy" },
    "/process/start/0/script": { file: "examples/json/system.json", line: 67, column: 19, pointer: "/systemd/services/backup/script", via: "script → ExecStart" },
    "/accounts/users/0": { file: "examples/json/system.json", line: 608, column: 17, pointer: "/users/users/webapp" },
    "/accounts/groups/0": { file: "examples/json/system.json", line: 585, column: 17, pointer: "/users/groups/webapp" },
    "/tmpfiles/0": { file: "examples/json/system.json", line: 573, column: 9, pointer: "/systemd/tmpfiles/rules/0" },
  },
});

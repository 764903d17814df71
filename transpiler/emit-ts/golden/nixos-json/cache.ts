// Service `cache`, translated by psl.
// Edit freely: `psl validate` checks this file and `psl generate` renders it for each target.
// Trailing comments say where each value came from; the `provenance` table keeps that for psl.
import { defineService } from "psl";

export default defineService({
  name: "cache",
  description: "Cache everything in memory", // transpiler/frontends/fixtures/same-service/nixos.json:32
  documentation: ["https://example.org/cache"], // transpiler/frontends/fixtures/same-service/nixos.json:33
  process: {
    start: [
      { // transpiler/frontends/fixtures/same-service/nixos.json:19
        argv: ["/nix/store/2x0a9q6m1n3p5r7s9v1w3y5z7b9d1f3h-unit-script-cache-start/bin/cache-start"],
        script: { // transpiler/frontends/fixtures/same-service/nixos.json:16 (script → ExecStart)
          name: "cache-start",
          text: `exec memcached -m 64 -p 11211
`,
        },
      },
    ],
    environment: { MODE: "fast \"and\" loud" }, // transpiler/frontends/fixtures/same-service/nixos.json:9
    path: [ // transpiler/frontends/fixtures/same-service/nixos.json:8 (Environment=PATH)
      "/nix/store/0c1w7q4zn1pd7y1f9z1rn7d3z0c1a7b9-memcached-1.6.29",
      "/nix/store/1b8rmnd6aqsx1jrqs7c5v3jh7l9g9k3i-coreutils-9.5",
    ],
    limits: { nofile: { soft: 65536, hard: 65536 } }, // transpiler/frontends/fixtures/same-service/nixos.json:21
  },
  lifecycle: {
    startPre: [
      { // transpiler/frontends/fixtures/same-service/nixos.json:20
        argv: [
          "/nix/store/4c3e5g7i9k1m3p5r7s9v1w3y5z7b9d1f-unit-script-cache-pre-start/bin/cache-pre-start",
        ],
        script: { // transpiler/frontends/fixtures/same-service/nixos.json:13 (preStart → ExecStartPre)
          name: "cache-pre-start",
          text: `mkdir -p /run/cache
`,
        },
      },
    ],
  },
  identity: {
    user: "cache", // transpiler/frontends/fixtures/same-service/nixos.json:26
    supplementaryGroups: ["cache", "monitoring"], // transpiler/frontends/fixtures/same-service/nixos.json:25
  },
  restart: {
    policy: "always", // transpiler/frontends/fixtures/same-service/nixos.json:23
    delaySec: 2.5, // transpiler/frontends/fixtures/same-service/nixos.json:24
    startLimitBurst: 3, // transpiler/frontends/fixtures/same-service/nixos.json:34
  },
  dependencies: {
    after: ["network.target"], // transpiler/frontends/fixtures/same-service/nixos.json:31
    wantedBy: ["multi-user.target"], // transpiler/frontends/fixtures/same-service/nixos.json:36
  },
  sandboxing: { privateTmp: true }, // transpiler/frontends/fixtures/same-service/nixos.json:22
  nixos: {
    restartIfChanged: false, // transpiler/frontends/fixtures/same-service/nixos.json:15
    stopIfChanged: false, // transpiler/frontends/fixtures/same-service/nixos.json:29
  },
  provenance: {
    "/dependencies/after/0": { file: "transpiler/frontends/fixtures/same-service/nixos.json", line: 31, column: 16, pointer: "/cache/unitConfig/After" },
    "/description": { file: "transpiler/frontends/fixtures/same-service/nixos.json", line: 32, column: 22, pointer: "/cache/unitConfig/Description" },
    "/documentation/0": { file: "transpiler/frontends/fixtures/same-service/nixos.json", line: 33, column: 24, pointer: "/cache/unitConfig/Documentation" },
    "/restart/startLimitBurst": { file: "transpiler/frontends/fixtures/same-service/nixos.json", line: 34, column: 26, pointer: "/cache/unitConfig/StartLimitBurst" },
    "/process/environment/MODE": { file: "transpiler/frontends/fixtures/same-service/nixos.json", line: 9, column: 15, pointer: "/cache/environment/MODE" },
    "/nixos/restartIfChanged": { file: "transpiler/frontends/fixtures/same-service/nixos.json", line: 15, column: 25, pointer: "/cache/restartIfChanged" },
    "/nixos/stopIfChanged": { file: "transpiler/frontends/fixtures/same-service/nixos.json", line: 29, column: 22, pointer: "/cache/stopIfChanged" },
    "/process/start/0": { file: "transpiler/frontends/fixtures/same-service/nixos.json", line: 19, column: 20, pointer: "/cache/serviceConfig/ExecStart" },
    "/lifecycle/startPre/0": { file: "transpiler/frontends/fixtures/same-service/nixos.json", line: 20, column: 24, pointer: "/cache/serviceConfig/ExecStartPre/0" },
    "/process/limits/nofile": { file: "transpiler/frontends/fixtures/same-service/nixos.json", line: 21, column: 22, pointer: "/cache/serviceConfig/LimitNOFILE" },
    "/sandboxing/privateTmp": { file: "transpiler/frontends/fixtures/same-service/nixos.json", line: 22, column: 21, pointer: "/cache/serviceConfig/PrivateTmp" },
    "/restart/policy": { file: "transpiler/frontends/fixtures/same-service/nixos.json", line: 23, column: 18, pointer: "/cache/serviceConfig/Restart" },
    "/restart/delaySec": { file: "transpiler/frontends/fixtures/same-service/nixos.json", line: 24, column: 21, pointer: "/cache/serviceConfig/RestartSec" },
    "/identity/supplementaryGroups/0": { file: "transpiler/frontends/fixtures/same-service/nixos.json", line: 25, column: 31, pointer: "/cache/serviceConfig/SupplementaryGroups/0" },
    "/identity/supplementaryGroups/1": { file: "transpiler/frontends/fixtures/same-service/nixos.json", line: 25, column: 40, pointer: "/cache/serviceConfig/SupplementaryGroups/1" },
    "/identity/user": { file: "transpiler/frontends/fixtures/same-service/nixos.json", line: 26, column: 15, pointer: "/cache/serviceConfig/User" },
    "/dependencies/wantedBy/0": { file: "transpiler/frontends/fixtures/same-service/nixos.json", line: 36, column: 17, pointer: "/cache/wantedBy" },
    "/process/path/0": { file: "transpiler/frontends/fixtures/same-service/nixos.json", line: 8, column: 15, pointer: "/cache/environment/PATH", via: "Environment=PATH" },
    "/process/path/1": { file: "transpiler/frontends/fixtures/same-service/nixos.json", line: 8, column: 15, pointer: "/cache/environment/PATH", via: "Environment=PATH" },
    "/lifecycle/startPre/0/script": { file: "transpiler/frontends/fixtures/same-service/nixos.json", line: 13, column: 17, pointer: "/cache/preStart", via: "preStart → ExecStartPre" },
    "/process/start/0/script": { file: "transpiler/frontends/fixtures/same-service/nixos.json", line: 16, column: 15, pointer: "/cache/script", via: "script → ExecStart" },
  },
});

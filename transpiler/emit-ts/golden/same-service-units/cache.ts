// Service `cache`, translated by psl.
// Edit freely: `psl validate` checks this file and `psl generate` renders it for each target.
// Trailing comments say where each value came from; the `provenance` table keeps that for psl.
import { defineService } from "psl";

export default defineService({
  name: "cache",
  description: "Cache everything in memory", // transpiler/frontends/fixtures/same-service/cache.service:3
  documentation: ["https://example.org/cache"], // transpiler/frontends/fixtures/same-service/cache.service:4
  process: {
    start: [ // transpiler/frontends/fixtures/same-service/cache.service:12
      {
        argv: ["/nix/store/2x0a9q6m1n3p5r7s9v1w3y5z7b9d1f3h-unit-script-cache-start/bin/cache-start"],
      },
    ],
    environment: { MODE: "fast \"and\" loud" }, // transpiler/frontends/fixtures/same-service/cache.service:8
    path: [ // transpiler/frontends/fixtures/same-service/cache.service:9 (Environment=PATH)
      "/nix/store/0c1w7q4zn1pd7y1f9z1rn7d3z0c1a7b9-memcached-1.6.29",
      "/nix/store/1b8rmnd6aqsx1jrqs7c5v3jh7l9g9k3i-coreutils-9.5",
    ],
    limits: { nofile: { soft: 65536, hard: 65536 } }, // transpiler/frontends/fixtures/same-service/cache.service:14
  },
  lifecycle: { // transpiler/frontends/fixtures/same-service/cache.service:13
    startPre: [
      {
        argv: [
          "/nix/store/4c3e5g7i9k1m3p5r7s9v1w3y5z7b9d1f-unit-script-cache-pre-start/bin/cache-pre-start",
        ],
      },
    ],
  },
  identity: {
    user: "cache", // transpiler/frontends/fixtures/same-service/cache.service:19
    supplementaryGroups: ["cache", "monitoring"], // transpiler/frontends/fixtures/same-service/cache.service:18
  },
  restart: {
    policy: "always", // transpiler/frontends/fixtures/same-service/cache.service:16
    delaySec: 2.5, // transpiler/frontends/fixtures/same-service/cache.service:17
    startLimitBurst: 3, // transpiler/frontends/fixtures/same-service/cache.service:5
  },
  dependencies: {
    after: ["network.target"], // transpiler/frontends/fixtures/same-service/cache.service:2
    wantedBy: ["multi-user.target"], // transpiler/frontends/fixtures/same-service/cache.service:22
  },
  sandboxing: { privateTmp: true }, // transpiler/frontends/fixtures/same-service/cache.service:15
  nixos: {
    restartIfChanged: false, // transpiler/frontends/fixtures/same-service/cache.service:10
    stopIfChanged: false, // transpiler/frontends/fixtures/same-service/cache.service:11
  },
  provenance: {
    "/dependencies/after/0": { file: "transpiler/frontends/fixtures/same-service/cache.service", line: 2, column: 1 },
    "/description": { file: "transpiler/frontends/fixtures/same-service/cache.service", line: 3, column: 1 },
    "/documentation/0": { file: "transpiler/frontends/fixtures/same-service/cache.service", line: 4, column: 1 },
    "/restart/startLimitBurst": { file: "transpiler/frontends/fixtures/same-service/cache.service", line: 5, column: 1 },
    "/process/environment/MODE": { file: "transpiler/frontends/fixtures/same-service/cache.service", line: 8, column: 1 },
    "/nixos/restartIfChanged": { file: "transpiler/frontends/fixtures/same-service/cache.service", line: 10, column: 1 },
    "/nixos/stopIfChanged": { file: "transpiler/frontends/fixtures/same-service/cache.service", line: 11, column: 1 },
    "/process/start/0": { file: "transpiler/frontends/fixtures/same-service/cache.service", line: 12, column: 1 },
    "/lifecycle/startPre/0": { file: "transpiler/frontends/fixtures/same-service/cache.service", line: 13, column: 1 },
    "/process/limits/nofile": { file: "transpiler/frontends/fixtures/same-service/cache.service", line: 14, column: 1 },
    "/sandboxing/privateTmp": { file: "transpiler/frontends/fixtures/same-service/cache.service", line: 15, column: 1 },
    "/restart/policy": { file: "transpiler/frontends/fixtures/same-service/cache.service", line: 16, column: 1 },
    "/restart/delaySec": { file: "transpiler/frontends/fixtures/same-service/cache.service", line: 17, column: 1 },
    "/identity/supplementaryGroups/0": { file: "transpiler/frontends/fixtures/same-service/cache.service", line: 18, column: 1 },
    "/identity/supplementaryGroups/1": { file: "transpiler/frontends/fixtures/same-service/cache.service", line: 18, column: 1 },
    "/identity/user": { file: "transpiler/frontends/fixtures/same-service/cache.service", line: 19, column: 1 },
    "/dependencies/wantedBy/0": { file: "transpiler/frontends/fixtures/same-service/cache.service", line: 22, column: 1 },
    "/process/path/0": { file: "transpiler/frontends/fixtures/same-service/cache.service", line: 9, column: 1, via: "Environment=PATH" },
    "/process/path/1": { file: "transpiler/frontends/fixtures/same-service/cache.service", line: 9, column: 1, via: "Environment=PATH" },
  },
});

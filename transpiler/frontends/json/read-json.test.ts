import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SourceRegistry } from "../../diagnostics/index.js";
import { readEvaluatedJson } from "./read-json.js";

const read = (text: string, path = "in.json") => {
  const sources = new SourceRegistry();
  const r = readEvaluatedJson({ path, text }, sources);
  const where = r.diagnostics.map((d) => [d.code, d.span ? sources.position(d.span) : undefined]);
  return { ...r, where };
};

describe("evaluated-JSON frontend", () => {
  it("reports malformed JSON with its line and column, and translates nothing", () => {
    const r = read('{\n  "web": {\n    "enable": true,\n  }\n}\n');
    expect(r.specs).toEqual([]);
    expect(r.where).toEqual([["PSL4001", { line: 4, column: 3 }]]);
    expect(r.diagnostics[0]?.message).toMatch(/malformed JSON: expected a string key/);
  });

  it("reports wrong types and unknown options where they are, and still translates the rest", () => {
    const r = read(
      JSON.stringify(
        {
          web: {
            after: "network.target",
            frobnicate: 1,
            serviceConfig: { ExecStart: "/bin/web", Restart: { a: 1 } },
          },
        },
        null,
        2,
      ),
    );
    expect(r.diagnostics.map((d) => d.code)).toEqual(["PSL4002", "PSL4003", "PSL4002"]);
    expect(r.diagnostics[0]?.message).toBe(
      'expected a list of strings for `after` but found string `"network.target"`',
    );
    expect(r.where[1]?.[1]).toEqual({ line: 4, column: 5 });
    expect(r.specs[0]?.process?.start).toEqual([{ argv: ["/bin/web"] }]);
  });

  it("rejects a top level that is not an attribute set", () => {
    expect(read("[1, 2]").diagnostics.map((d) => d.code)).toEqual(["PSL4002"]);
  });

  it("synthesises job scripts and a startAt timer when the input lacks them", () => {
    const r = read(
      JSON.stringify({
        tick: { script: "date\n", startAt: ["hourly", "*:30"], serviceConfig: { Type: "oneshot" } },
      }),
    );
    const s = r.specs[0];
    expect(r.diagnostics).toEqual([]);
    expect(s?.process?.start?.[0]?.argv[0]).toMatch(
      /^\/nix\/store\/[0-9a-z]{32}-unit-script-tick-start\/bin\/tick-start$/,
    );
    expect(s?.process?.start?.[0]?.script).toEqual({ name: "tick-start", text: "date\n" });
    expect(s?.timers).toEqual([
      { name: "tick.timer", onCalendar: ["hourly", "*:30"], wantedBy: ["timers.target"] },
    ]);
    expect(s?.provenance?.["/timers/0/onCalendar/1"]).toMatchObject({
      pointer: "/tick/startAt/1",
      via: "startAt → timer",
    });
  });

  it("keeps NixOS-only relations: enable = false, requiredBy, aliases", () => {
    const r = read(
      JSON.stringify({
        a: {
          enable: false,
          requiredBy: ["x.target"],
          aliases: ["b.service"],
          serviceConfig: { ExecStart: "/bin/a" },
        },
      }),
    );
    expect(r.specs[0]).toMatchObject({
      enable: false,
      dependencies: { requiredBy: ["x.target"], aliases: ["b.service"] },
    });
  });

  it("attaches users, files and tmpfiles of a bundle to the services that use them, never passwords", () => {
    const bundle = {
      systemd: {
        services: {
          a: { serviceConfig: { ExecStart: "/bin/a --config /etc/a.conf", User: "alice" } },
          b: { serviceConfig: { ExecStart: "/bin/b", StateDirectory: "b" } },
        },
        tmpfiles: { rules: ["d /var/lib/b/cache 0700 bob bob -", "# comment", "L+ /run/x - - - - /etc/x"] },
      },
      users: {
        users: {
          alice: { name: "alice", uid: 1000, group: "staff", hashedPassword: "$6$secret" },
          carol: { name: "carol" },
        },
        groups: { staff: { name: "staff", gid: 50 } },
      },
      environment: { etc: { "a.conf": { enable: true, target: "a.conf", text: "x=1\n", mode: "0640" } } },
    };
    const r = read(JSON.stringify(bundle));
    const [a, b] = r.specs;
    expect(a?.accounts).toEqual({
      users: [{ name: "alice", uid: 1000, group: "staff" }],
      groups: [{ name: "staff", gid: 50 }],
    });
    expect(a?.configFiles).toEqual([{ path: "/etc/a.conf", text: "x=1\n", mode: "0640" }]);
    expect(b?.tmpfiles).toEqual([
      { type: "d", path: "/var/lib/b/cache", mode: "0700", user: "bob", group: "bob" },
    ]);
    expect(JSON.stringify(r.specs)).not.toContain("secret");
    const codes = r.diagnostics.map((d) => `${d.code} ${d.message}`);
    expect(codes).toContain(
      "PSL4022 the secret-bearing field `hashedPassword` of user `alice` was dropped from the input",
    );
    expect(codes).toContain("PSL4017 user `carol` is not referenced by any service and is not carried over");
    expect(codes).toContain(
      "PSL4017 tmpfiles rule for `/run/x` is not referenced by any service and is not carried over",
    );
    expect(r.diagnostics.every((d) => !d.message.includes("$6$"))).toBe(true);
  });

  it("reads the bundled example without complaint", () => {
    const path = join(import.meta.dirname, "../../../examples/json/system.json");
    const r = read(readFileSync(path, "utf8"), "examples/json/system.json");
    expect(r.diagnostics).toEqual([]);
    expect(r.specs.map((s) => s.name)).toEqual([
      "backup",
      "migrate",
      "notes",
      "webapp",
      "webapp-db",
      "webapp-worker",
    ]);
  });
});

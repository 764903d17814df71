/**
 * The CLI end to end, in-process over a real temporary directory: translate/validate/load, no overwrite
 * without --force, bad input with locations and exit status 2, --json, --help for every command, NO_COLOR.
 */
import { spawnSync } from "node:child_process";
import {
  chmodSync,
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { repoRoot } from "../test-support/corpus.js";
import { COMMANDS } from "./commands/index.js";
import { nodeIO } from "./io.js";
import { runCli } from "./main.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "psl-cli-"));
  cpSync(join(repoRoot, "examples"), join(dir, "examples"), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function psl(args: string[], env: Record<string, string> = {}, isTTY = false) {
  let stdout = "";
  let stderr = "";
  const io = nodeIO({ cwd: dir, env, isTTY, stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe("psl translate", () => {
  it("writes one spec per service, diagnostics and a tsconfig, and reports what it did", async () => {
    const r = await psl(["translate", "examples/units", "examples/json/system.json", "--out", "out"]);
    expect(r.stderr).toMatch(/two services are named `backup`/);
    expect(r.code).toBe(2);
    const ok = await psl(["translate", "examples/units", "--out", "out2"]);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toBe("translated 6 services into out2/services\n");
    expect(readdirSync(join(dir, "out2/services")).sort()).toEqual([
      "backup.ts",
      "migrate.ts",
      "notes.ts",
      "webapp-db.ts",
      "webapp-worker.ts",
      "webapp.ts",
    ]);
    expect(JSON.parse(readFileSync(join(dir, "out2/diagnostics.json"), "utf8"))).toEqual([]);
    expect(statSync(join(dir, "out2/services/webapp.ts")).mode & 0o022).toBe(0);
    const v = await psl(["validate", "out2"]);
    expect([v.code, v.stderr]).toEqual([0, "6 of 6 specs valid\n"]);
    const l = await psl(["load", "out2/services/notes.ts"]);
    expect(JSON.parse(l.stdout).identity).toEqual({ dynamicUser: true });
  });

  it("never overwrites without --force, and writes nothing when refused", async () => {
    mkdirSync(join(dir, "out"));
    writeFileSync(join(dir, "out/mine.txt"), "keep me");
    const r = await psl(["translate", "examples/units/notes.service", "--out", "out"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error PSL7005: `out` already exists; pass --force/);
    expect(readdirSync(join(dir, "out"))).toEqual(["mine.txt"]);
    const f = await psl(["translate", "examples/units/notes.service", "--out", "out", "--force"]);
    expect(f.code).toBe(0);
    expect(readFileSync(join(dir, "out/mine.txt"), "utf8")).toBe("keep me");
    expect(existsSync(join(dir, "out/services/notes.ts"))).toBe(true);
  });

  it("exits 2 with file:line:col for malformed JSON and leaves no half-written spec", async () => {
    writeFileSync(
      join(dir, "bad.json"),
      '{ "a": { "serviceConfig": { "ExecStart": "/bin/a" } },\n  "b": [1, }\n',
    );
    const r = await psl(["translate", "bad.json", "--out", "out"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^bad\.json:2:12: error PSL4001: malformed JSON/m);
    expect(existsSync(join(dir, "out/services"))).toBe(false);
    expect(JSON.parse(readFileSync(join(dir, "out/diagnostics.json"), "utf8"))[0]).toMatchObject({
      code: "PSL4001",
      line: 2,
      column: 12,
    });
  });

  it("reports unreadable files, unknown kinds, unsafe names and syntax errors, and still writes the good ones", async () => {
    writeFileSync(join(dir, "locked.service"), "[Service]\nExecStart=/bin/x\n");
    chmodSync(join(dir, "locked.service"), 0);
    writeFileSync(join(dir, "-evil.service"), "[Service]\nExecStart=/bin/x\n");
    writeFileSync(
      join(dir, "broken.service"),
      "[Service\nExecStart=/bin/x\n[Service]\nRestart=sometimes\nExecStart=/bin/y\n",
    );
    writeFileSync(join(dir, "notes.txt"), "hello");
    const files = ["locked.service", "-evil.service", "broken.service", "notes.txt", "missing.service"];
    const r = await psl(["translate", ...files.map((f) => `./${f}`), "--out", "out"]);
    expect(r.code).toBe(2);
    const lines = r.stderr.split("\n");
    if (process.getuid?.() !== 0) expect(lines.some((l) => /PSL4015.*permission denied/.test(l))).toBe(true);
    expect(lines.some((l) => /PSL4010: invalid service name `-evil`/.test(l))).toBe(true);
    expect(
      lines.some((l) =>
        /^\.\/broken\.service:1:1: error PSL4004: unit file syntax error: invalid section header/.test(l),
      ),
    ).toBe(true);
    expect(
      lines.some((l) => /^\.\/broken\.service:4:1: error PSL4008: invalid value for `Restart=`/.test(l)),
    ).toBe(true);
    expect(lines.some((l) => /PSL4016.*notes\.txt/.test(l))).toBe(true);
    expect(lines.some((l) => /PSL4015.*missing\.service.*no such file/.test(l))).toBe(true);
    expect(readdirSync(join(dir, "out/services"))).toContain("broken.ts");
  });

  it("exits 1 under --strict when there are warnings", async () => {
    writeFileSync(join(dir, "w.service"), "[Service]\nExecStart=/bin/x\nFrobnicate=1\n");
    expect((await psl(["translate", "w.service", "--out", "a"])).code).toBe(0);
    expect((await psl(["translate", "w.service", "--out", "b", "--strict"])).code).toBe(1);
  });

  it("prints JSON with --json", async () => {
    const r = await psl([
      "translate",
      "examples/units/backup.service",
      "examples/units/backup.timer",
      "--out",
      "out",
      "--json",
    ]);
    const j = JSON.parse(r.stdout);
    expect(j).toMatchObject({ out: "out", written: true, services: [{ name: "backup" }], diagnostics: [] });
    expect(r.stderr).toBe("");
  });

  it("colours only on a terminal without NO_COLOR", async () => {
    writeFileSync(join(dir, "w.service"), "[Service]\nExecStart=/bin/x\nFrobnicate=1\n");
    expect((await psl(["translate", "w.service", "--out", "a"], {}, true)).stderr).toContain(
      "\x1b[33mwarning",
    );
    expect(
      (await psl(["translate", "w.service", "--out", "b"], { NO_COLOR: "1" }, true)).stderr,
    ).not.toContain("\x1b[");
  });
});

describe("NixOS modules on the command line", () => {
  it("translates a module with settings, and lists system aspects and assumptions in the report", async () => {
    const t = await psl([
      "translate",
      "examples/nix/ini-daemon.nix",
      "--config",
      "examples/settings/inidaemon.nix",
      "--out",
      "out",
    ]);
    expect(t.code).toBe(0);
    expect(t.stderr).toMatch(
      /examples\/nix\/ini-daemon\.nix:\d+:\d+: info PSL3001: the module sets `networking\.firewall\.allowedTCPPorts`/,
    );
    expect(readFileSync(join(dir, "out/services/inidaemon.ts"), "utf8")).toMatch(/port=7171/);
    writeFileSync(
      join(dir, "reads.nix"),
      '{ config, ... }: { systemd.services.r.serviceConfig.ExecStart = "/bin/r ${toString config.services.other.port}"; }\n',
    );
    const r = await psl([
      "report",
      "examples/nix/ini-daemon.nix",
      "reads.nix",
      "--config",
      "examples/settings/inidaemon.nix",
      "--target",
      "runit",
      "--format",
      "json",
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout) as {
      inputs: { source: string; systemAspects?: unknown[]; assumptions?: unknown[] }[];
    };
    expect(report.inputs.find((i) => i.source === "examples/nix/ini-daemon.nix")?.systemAspects).toEqual([
      expect.objectContaining({
        option: "networking.firewall.allowedTCPPorts",
        file: "examples/nix/ini-daemon.nix",
      }),
    ]);
    expect(report.inputs.find((i) => i.source === "reads.nix")?.assumptions).toEqual([
      { option: "services.other.port", field: "r/process/start/0/argv/1", file: "reads.nix", line: 1 },
    ]);
  });

  it("reports a module that does not evaluate and still translates the others of the batch", async () => {
    writeFileSync(
      join(dir, "broken.nix"),
      "{ lib, ... }: { systemd.services.b.serviceConfig.ExecStart = lib.nope; }\n",
    );
    const r = await psl([
      "translate",
      "broken.nix",
      "examples/nix/oneshot-migrate.nix",
      "--set",
      "services.schema-migrate.enable=true",
      "--out",
      "out",
    ]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/nope/);
    expect(readdirSync(join(dir, "out/services"))).toEqual(["schema-migrate.ts"]);
  });
});

describe("psl usage", () => {
  it("has --help for every command, naming its usage and options", async () => {
    for (const c of COMMANDS) {
      const r = await psl([c.name, "--help"]);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain(`Usage: ${(await c.load()).usage}`);
      expect(r.stdout).toContain(c.summary);
      expect(r.stdout).toContain("--help");
      expect((await psl(["help", c.name])).stdout).toBe(r.stdout);
    }
    expect((await psl(["--help"])).stdout).toMatch(/Commands:\n {2}translate/);
  });

  it("exits 2 for unknown commands, unknown options and missing values", async () => {
    expect((await psl(["transl8"])).code).toBe(2);
    const r = await psl(["translate", "--frobnicate", "x"]);
    expect([r.code, r.stderr]).toEqual([
      2,
      "error PSL7002: unknown option `--frobnicate`\nRun `psl translate --help` for usage.\n",
    ]);
    expect((await psl(["translate", "x", "--out"])).stderr).toMatch(/option `--out` needs a value/);
    expect((await psl(["translate", "x"])).stderr).toMatch(/--out DIR is required/);
  });

  it("reports invalid edited specs with file:line and exit 2", async () => {
    mkdirSync(join(dir, "specs"));
    writeFileSync(
      join(dir, "specs/a.ts"),
      'export default {\n  name: "a",\n  process: { type: "forky" },\n};\n',
    );
    const r = await psl(["validate", "specs"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^specs\/a\.ts:3:\d+: error PSL5001: \/process\/type/m);
  });
});

describe("the psl executable", () => {
  it("runs from bin/psl.js against the build", () => {
    const bin = join(repoRoot, "bin/psl.js");
    if (!existsSync(join(repoRoot, "dist/transpiler/cli/main.js")))
      return expect.fail("run `npm run build` first (npm test does)");
    const r = spawnSync(process.execPath, [bin, "export-expr"], { encoding: "utf8" });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/^# psl export/);
  });
});

/** `psl generate` and `psl report` end to end, in-process over a real temporary directory. */
import { cpSync, mkdtempSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { repoRoot } from "../../test-support/corpus.js";
import { nodeIO } from "../io.js";
import { runCli } from "../main.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "psl-gen-"));
  cpSync(join(repoRoot, "examples"), join(dir, "examples"), { recursive: true });
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function psl(args: string[]) {
  let stdout = "";
  let stderr = "";
  const io = nodeIO({
    cwd: dir,
    env: {},
    isTTY: false,
    stdout: (t) => (stdout += t),
    stderr: (t) => (stderr += t),
  });
  const code = await runCli(args, io);
  return { code, stdout, stderr };
}

describe("psl generate", () => {
  it("writes every target's layout with modes, and refuses to overwrite without --force", async () => {
    const r = await psl(["generate", "examples/units", "--target", "runit,systemd", "--out", "out"]);
    expect(r.code).toBe(0);
    expect(statSync(join(dir, "out/runit/install.sh")).mode & 0o777).toBe(0o755);
    expect(statSync(join(dir, "out/runit/rootfs/etc/sv/webapp/run")).mode & 0o777).toBe(0o755);
    expect(statSync(join(dir, "out/systemd/rootfs/etc/systemd/system/webapp.service")).mode & 0o777).toBe(
      0o644,
    );
    expect(readFileSync(join(dir, "out/runit/rootfs/usr/lib/psl/psl-run"), "utf8")).toContain("psl-run");
    const again = await psl(["generate", "examples/units", "--target", "runit", "--out", "out"]);
    expect(again.code).toBe(2);
    expect(
      (await psl(["generate", "examples/units", "--target", "runit", "--out", "out", "--force"])).code,
    ).toBe(0);
  });

  it("exits 1 under --strict when a security protection is dropped, 2 on an unknown target", async () => {
    expect(
      (await psl(["generate", "examples/units", "--target", "s6", "--out", "o1", "--strict"])).code,
    ).toBe(1);
    expect(
      (await psl(["generate", "examples/units", "--target", "systemd", "--out", "o2", "--strict"])).code,
    ).toBe(0);
    const bad = await psl(["generate", "examples/units", "--target", "upstart", "--out", "o3"]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain("PSL6012");
  });
});

describe("psl report", () => {
  it("prints canonical JSON and Markdown; --strict fails on security losses", async () => {
    const json = await psl(["report", "examples/units", "--format", "json", "--target", "runit"]);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.stdout) as { targets: string[]; inputs: { source: string }[] };
    expect(report.targets).toEqual(["runit"]);
    expect(report.inputs.map((i) => i.source)).toContain("examples/units/webapp.service");
    const md = await psl(["report", "examples/units", "--target", "runit,s6", "--strict"]);
    expect(md.code).toBe(1);
    expect(md.stdout).toContain("# psl portability report");
    expect((await psl(["report", "--schema"])).stdout).toContain("PortabilityReport");
  });
});

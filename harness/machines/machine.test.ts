/**
 * The Machine API against a real systemd container: commands, waits with their timeout messages, copies,
 * jobs and portable states, and that a crashed machine leaves no container behind.
 */
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runHost } from "../process/run-host.js";
import { dockerAvailable } from "./container-backend.js";
import { containerMachine, stopAll } from "./driver.js";
import { LABEL, runId } from "./labels.js";
import type { Machine } from "./machine.js";

const docker = await dockerAvailable();

describe.runIf(docker)("Machine API on a systemd container (needs the Docker engine)", () => {
  let m: Machine;
  beforeAll(async () => {
    m = containerMachine("systemd", "api-systemd");
    await m.start();
  }, 300_000);
  afterAll(() => stopAll());

  it("runs commands and reports failures with the command, exit code and duration", async () => {
    expect(await m.succeed("echo hello")).toBe("hello\n");
    expect((await m.execute("exit 3")).exitCode).toBe(3);
    await expect(m.succeed("echo oops >&2; exit 3")).rejects.toThrow(
      /`echo oops >&2; exit 3` failed with exit code 3 after \d+\.\d s[\s\S]*oops/,
    );
    await m.fail("false");
    await expect(m.fail("true")).rejects.toThrow(/expected a non-zero exit code/);
  });

  it("says what it waited for and what it saw when a wait times out", async () => {
    await expect(m.waitForFile("/nonexistent", { timeout: 1 })).rejects.toThrow(
      /timed out after 1\.0 s waiting for file \/nonexistent to exist; last seen: absent/,
    );
    await expect(m.waitForOpenPort(1, { timeout: 1 })).rejects.toThrow(/TCP port 127\.0\.0\.1:1 to be open/);
  });

  it("starts, reloads and stops a unit; states are portable; the port answers", async () => {
    const dir = mkdtempSync(join(tmpdir(), "psl-api-"));
    writeFileSync(
      join(dir, "web.service"),
      "[Service]\nExecStart=/usr/bin/python3 -m http.server 18080 --bind 127.0.0.1 --directory /tmp\nExecReload=/bin/kill -HUP $MAINPID\n",
    );
    await m.copyFromHost(join(dir, "web.service"), "/etc/systemd/system/web.service");
    await m.succeed("systemctl daemon-reload");
    expect(await m.getUnitState("web")).toBe("inactive");
    expect((await m.startJob("web")).exitCode).toBe(0);
    await m.waitForUnit("web.service", { timeout: 20 });
    await m.waitForOpenPort(18080, { timeout: 20 });
    await m.requireUnitState("web", "active");
    expect((await m.stopJob("web")).exitCode).toBe(0);
    await m.waitForClosedPort(18080, { timeout: 20 });
    await expect(m.requireUnitState("web", "active")).rejects.toThrow(
      /expected unit web to be active, but it is inactive/,
    );
  });

  it("fails waitForUnit at once for a failed unit", async () => {
    await m.succeed(
      "printf '[Service]\\nExecStart=/bin/false\\n' > /etc/systemd/system/bad.service && systemctl daemon-reload",
    );
    await m.startJob("bad");
    await expect(m.waitForUnit("bad", { timeout: 30 })).rejects.toThrow(
      /gave up waiting for unit bad to be active \(systemd\): failed/,
    );
  });

  it("copies files out of the machine", async () => {
    await m.succeed("mkdir -p /srv/out && echo data > /srv/out/f");
    const dir = mkdtempSync(join(tmpdir(), "psl-api-"));
    await m.copyFromMachine("/srv/out", dir);
    expect(readFileSync(join(dir, "out", "f"), "utf8")).toBe("data\n");
  });

  it("leaves no container after a crash", async () => {
    const other = containerMachine("s6", "api-crash");
    await other.start();
    await other.crash();
    const r = await runHost([
      "docker",
      "ps",
      "-aq",
      "--filter",
      `label=${LABEL.machine}=api-crash`,
      "--filter",
      `label=${LABEL.run}=${runId()}`,
    ]);
    expect(r.stdout.trim()).toBe("");
  }, 120_000);
});

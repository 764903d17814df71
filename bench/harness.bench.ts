/**
 * The harness benchmark (`npm run bench -- harness`): (1) a cold build of all 8 container images from
 * nothing (a fresh cache and image namespace), as a ratio to the debootstrap step measured in the same
 * run; (2) per init, the machine boot and one scenario's install + check + uninstall, as ratios to a
 * plain `docker run` of the same image without its init; (3) the whole container compliance matrix
 * (`vitest run harness/compliance/inits`), as a ratio to the sum of its scenario durations (how well the
 * inits run in parallel); (4) a VM boot of systemd and sysvinit under TCG, as a ratio to the container
 * boot of the same init. Needs root and the Docker engine; PSL_BENCH_SKIP_COLD=1 leaves out (1) and
 * PSL_BENCH_SKIP_MATRIX=1 leaves out (3).
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { installProbe } from "../harness/compliance/probe-facts.js";
import { SCENARIOS } from "../harness/compliance/scenarios.js";
import { ensureBaseRootfs } from "../harness/images/base-rootfs.js";
import { ensureContainerImage } from "../harness/images/container-image.js";
import { installServices, uninstallServices } from "../harness/install/install-services.js";
import { dockerAvailable } from "../harness/machines/container-backend.js";
import { containerMachine, stopAll, vmMachine } from "../harness/machines/driver.js";
import { repoRoot } from "../harness/paths.js";
import { runHost, runHostOk } from "../harness/process/run-host.js";
import { GENERATORS } from "../transpiler/generators/index.js";
import { INITS, RECIPES } from "../vm-images/index.js";
import type { Bench } from "./bench.js";

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

async function coldBuild(lines: string[]): Promise<void> {
  const cache = mkdtempSync(join(tmpdir(), "psl-bench-cache-"));
  const saved = { cache: process.env.PSL_CACHE_DIR, ns: process.env.PSL_IMAGE_NAMESPACE };
  process.env.PSL_CACHE_DIR = cache;
  process.env.PSL_IMAGE_NAMESPACE = "psl-bench";
  try {
    const t0 = performance.now();
    const base = await ensureBaseRootfs();
    const perInit: string[] = [];
    for (const init of INITS) {
      const r = await ensureContainerImage(RECIPES[init]);
      perInit.push(`${init} ${s(r.durationMs)}`);
      await runHost(["docker", "image", "rm", r.tag]);
    }
    const total = performance.now() - t0;
    lines.push(
      `cold build of all ${INITS.length} images: ${s(total)} (base: debootstrap + tools ${s(base.durationMs)})`,
    );
    lines.push(`  per init: ${perInit.join(", ")}`);
    lines.push(`  ratio to the base step measured in this run: ${(total / base.durationMs).toFixed(2)}×`);
  } finally {
    process.env.PSL_CACHE_DIR = saved.cache ?? "";
    if (saved.cache === undefined) delete process.env.PSL_CACHE_DIR;
    if (saved.ns === undefined) delete process.env.PSL_IMAGE_NAMESPACE;
    else process.env.PSL_IMAGE_NAMESPACE = saved.ns;
    rmSync(cache, { recursive: true, force: true });
  }
}

async function perScenario(lines: string[]): Promise<void> {
  const scenario = SCENARIOS.find((x) => x.name === "lifecycle");
  if (!scenario) return;
  lines.push(
    "per init: boot | lifecycle scenario (install, check, uninstall) | plain docker run+rm without the init",
  );
  for (const init of INITS) {
    const tag = (await ensureContainerImage(RECIPES[init])).tag;
    const p0 = performance.now();
    const id = (
      await runHostOk(["docker", "run", "-d", "--entrypoint", "/bin/sleep", tag, "60"])
    ).stdout.trim();
    await runHostOk(["docker", "exec", id, "true"]);
    await runHost(["docker", "rm", "-f", id]);
    const plain = performance.now() - p0;
    const m = containerMachine(init, `bench-${init}`);
    const b0 = performance.now();
    await m.start();
    const boot = performance.now() - b0;
    await installProbe(m);
    const c0 = performance.now();
    let installed: Awaited<ReturnType<typeof installServices>> | undefined;
    await scenario.run({
      machine: m,
      install: async () => {
        installed = await installServices(m, GENERATORS[init], scenario.specs, { label: "bench" });
      },
    });
    if (installed) await uninstallServices(m, installed);
    const check = performance.now() - c0;
    await stopAll();
    lines.push(
      `  ${init.padEnd(12)} ${s(boot)} | ${s(check)} | ${s(plain)} → boot ${(boot / plain).toFixed(1)}×, scenario ${(check / plain).toFixed(1)}×`,
    );
  }
}

function matrix(lines: string[]): void {
  const runDir = mkdtempSync(join(tmpdir(), "psl-bench-run-"));
  const t0 = performance.now();
  const r = spawnSync("npx", ["vitest", "run", "harness/compliance/inits"], {
    cwd: repoRoot(),
    env: { ...process.env, PSL_RUN_DIR: runDir },
    encoding: "utf8",
  });
  const wall = performance.now() - t0;
  const summary = (r.stdout ?? "")
    .split("\n")
    .filter((l) => /Tests\s/.test(l))
    .join(" ")
    .replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, "g"), "")
    .trim();
  let sum = 0;
  const found = spawnSync("sh", ["-c", `cat ${runDir}/*/compliance/container-*.json`], { encoding: "utf8" });
  for (const chunk of (found.stdout ?? "").split(/\n(?=\[)/)) {
    if (!chunk.trim()) continue;
    for (const x of JSON.parse(chunk) as { durationMs: number }[]) sum += x.durationMs;
  }
  lines.push(
    `whole container matrix (8 inits × ${SCENARIOS.length} scenarios, each beside a systemd reference): ${s(wall)} wall; ${summary}`,
  );
  lines.push(
    `  ratio of wall time to the sum of scenario durations (${s(sum)}): ${(wall / Math.max(1, sum)).toFixed(2)}×`,
  );
  rmSync(runDir, { recursive: true, force: true });
}

async function vmBoot(lines: string[]): Promise<void> {
  for (const init of ["systemd", "sysvinit"] as const) {
    const c = containerMachine(init, `bench-c-${init}`);
    await c.start();
    const v = vmMachine(init, `bench-vm-${init}`);
    const t0 = performance.now();
    await v.start();
    const boot = performance.now() - t0;
    const e0 = performance.now();
    await v.succeed("true");
    const exec = performance.now() - e0;
    await stopAll();
    lines.push(
      `VM boot ${init} (TCG, to the ready marker + guest agent): ${s(boot)}; one guest-agent command ${(exec).toFixed(0)} ms`,
    );
  }
}

export const harnessBench: Bench = {
  name: "harness: images, per-scenario overhead, container matrix, VM boot",
  skip() {
    if (process.getuid?.() !== 0) return "needs root (debootstrap, chroot)";
    const docker = spawnSync("docker", ["version", "--format", "{{.Server.Version}}"]);
    return docker.status === 0 ? undefined : "no Docker engine answers";
  },
  async run() {
    const lines: string[] = [];
    if (!(await dockerAvailable())) return { name: this.name, lines: ["no Docker engine"] };
    if (!process.env.PSL_BENCH_SKIP_COLD) await coldBuild(lines);
    await perScenario(lines);
    if (!process.env.PSL_BENCH_SKIP_MATRIX) matrix(lines);
    await vmBoot(lines);
    return { name: this.name, lines };
  },
};

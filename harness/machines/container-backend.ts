/**
 * Container machines through testcontainers: the recipe's image with its init as PID 1, run with the
 * recipe's flags (tmpfs, capabilities, cgroup namespace, stop signal), the machine's shared directory
 * bind-mounted at `/psl-shared`, and the harness labels. Ready when the recipe's ready check passes.
 * Needs `TESTCONTAINERS_RYUK_DISABLED=true` and `TESTCONTAINERS_HOST_OVERRIDE=localhost` on this kind of
 * machine (set here when absent); reaping is ours, through the labels.
 */
import { GenericContainer, type StartedTestContainer, Wait } from "testcontainers";
import type { ImageRecipe } from "../../vm-images/index.js";
import { ensureContainerImage } from "../images/container-image.js";
import type { ProcessResult } from "../process/process-result.js";
import { runHost, runHostOk } from "../process/run-host.js";
import {
  type MachineBackend,
  SHARED_DIR,
  type StartContext,
  type StartedBackend,
  type StoppedBackend,
} from "./backend.js";
import { machineLabels } from "./labels.js";

process.env.TESTCONTAINERS_RYUK_DISABLED ??= "true";
process.env.TESTCONTAINERS_HOST_OVERRIDE ??= "localhost";

/** GenericContainer with the two settings testcontainers 11 has no method for. */
class InitContainer extends GenericContainer {
  withHostCgroupNamespace(): this {
    // Docker's API has the field; the bundled dockerode types lag behind.
    (this.hostConfig as { CgroupnsMode?: string }).CgroupnsMode = "host";
    return this;
  }
  withStopSignal(signal: string): this {
    this.createOpts.StopSignal = signal;
    return this;
  }
}

export function containerBackend(recipe: ImageRecipe): MachineBackend {
  return {
    kind: "container",
    description: `container of ${recipe.init}`,
    start: (context) => startContainer(recipe, context),
  };
}

async function startContainer(recipe: ImageRecipe, context: StartContext): Promise<StartedBackend> {
  const image = await ensureContainerImage(recipe);
  const t0 = performance.now();
  const run = recipe.run;
  const c = new InitContainer(image.tag)
    .withLabels(machineLabels(context.name))
    .withTmpFs({ ...run.tmpfs })
    .withEnvironment({ ...run.env })
    .withBindMounts([
      ...run.bindHostPaths.map((p) => ({ source: p, target: p, mode: "rw" as const })),
      { source: context.sharedDir, target: SHARED_DIR, mode: "rw" as const },
    ])
    .withStopSignal(recipe.stopSignal)
    .withWaitStrategy(Wait.forSuccessfulCommand(recipe.readyCheck))
    .withStartupTimeout(60_000);
  if (run.capAdd.length > 0) c.withAddedCapabilities(...run.capAdd);
  if (run.cgroupnsHost) c.withHostCgroupNamespace();
  const started = await c.start();
  return new StartedContainer(started, performance.now() - t0);
}

class StartedContainer implements StartedBackend {
  constructor(
    private readonly container: StartedTestContainer,
    readonly bootMs: number,
  ) {}

  async exec(command: string, timeoutMs: number): Promise<ProcessResult> {
    const t0 = performance.now();
    const secs = Math.max(1, Math.ceil(timeoutMs / 1000));
    const r = await this.container.exec(["timeout", "-k", "2", String(secs), "sh", "-c", command]);
    return {
      command,
      exitCode: r.exitCode,
      stdout: r.stdout,
      stderr: r.stderr,
      durationMs: performance.now() - t0,
      timedOut: r.exitCode === 124 || r.exitCode === 137,
    };
  }

  async copyFromHost(hostPath: string, machinePath: string): Promise<void> {
    await runHostOk(["docker", "cp", hostPath, `${this.container.getId()}:${machinePath}`]);
  }

  async copyFromMachine(machinePath: string, hostDir: string): Promise<void> {
    await runHostOk(["docker", "cp", `${this.container.getId()}:${machinePath}`, hostDir]);
  }

  async consoleLog(): Promise<string> {
    const r = await runHost(["docker", "logs", "--tail", "500", this.container.getId()]);
    return r.stdout + r.stderr;
  }

  async shutdown(timeoutMs: number): Promise<StoppedBackend> {
    const t0 = performance.now();
    const id = this.container.getId();
    const secs = String(Math.max(1, Math.round(timeoutMs / 1000)));
    await runHost(["docker", "stop", "-t", secs, id], { timeoutMs: timeoutMs + 30_000 });
    const state = await runHost(["docker", "inspect", "-f", "{{.State.ExitCode}} {{.State.OOMKilled}}", id]);
    const forced = state.stdout.startsWith("137");
    await runHost(["docker", "rm", "-f", "-v", id]);
    return { how: "shutdown", durationMs: performance.now() - t0, forced };
  }

  async crash(): Promise<StoppedBackend> {
    const t0 = performance.now();
    await runHost(["docker", "rm", "-f", "-v", this.container.getId()]);
    return { how: "crash", durationMs: performance.now() - t0, forced: true };
  }
}

/** True when a Docker engine answers (used to skip container tests visibly). */
export async function dockerAvailable(): Promise<boolean> {
  const r = await runHost(["docker", "version", "--format", "{{.Server.Version}}"], { timeoutMs: 10_000 });
  return r.exitCode === 0;
}

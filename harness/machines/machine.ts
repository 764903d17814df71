/**
 * The Machine API, shaped like the NixOS test driver (async, camelCase, timeouts in seconds): commands
 * (`execute`, `succeed`, `fail`, `waitUntilSucceeds`/`Fails`), units through the init's adapter table
 * (`waitForUnit`, `getUnitState`, `requireUnitState`, `startJob`…`reloadJob`, `journal`), waits for ports,
 * sockets and files, copies, and the machine's life (`start`, `shutdown`, `crash`). Written once over a
 * backend (container or VM); nothing here knows which init it talks to except through `InitAdapter`.
 * Every wait has a timeout, and every failure says what was run or waited for and what was seen.
 */
import { appendFileSync, chmodSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { InitName } from "../../vm-images/index.js";
import {
  fillTemplate,
  INIT_ADAPTERS,
  type InitAdapter,
  type JobVerb,
  mapUnitState,
  type UnitState,
} from "../inits/index.js";
import { CommandFailedError, type ProcessResult } from "../process/process-result.js";
import {
  forCommand,
  forFile,
  forPort,
  forUnixSocket,
  type WaitStrategy,
  waitFor,
} from "../wait/wait-strategy.js";
import type { MachineBackend, StartedBackend, StoppedBackend } from "./backend.js";

/** Defaults in seconds, as in the NixOS driver: long waits, commands bounded too. */
export const DEFAULT_TIMEOUT_SEC = 900;
const DEFAULT_COMMAND_TIMEOUT_SEC = 300;

export interface TimeoutOption {
  readonly timeout?: number;
}

type Phase =
  | { readonly kind: "created" }
  | { readonly kind: "started"; readonly backend: StartedBackend }
  | { readonly kind: "stopped"; readonly result: StoppedBackend };

export interface MachineOptions {
  readonly name: string;
  readonly init: InitName;
  readonly backend: MachineBackend;
  /** Host directory for this machine's logs and shared directory. */
  readonly runDir: string;
}

export class Machine {
  readonly name: string;
  readonly init: InitName;
  readonly adapter: InitAdapter;
  readonly logDir: string;
  readonly sharedDir: string;
  private readonly backendDefinition: MachineBackend;
  private phase: Phase = { kind: "created" };

  constructor(options: MachineOptions) {
    this.name = options.name;
    this.init = options.init;
    this.adapter = INIT_ADAPTERS[options.init];
    this.backendDefinition = options.backend;
    this.logDir = join(options.runDir, options.name);
    this.sharedDir = join(this.logDir, "shared");
  }

  get kind(): "container" | "vm" {
    return this.backendDefinition.kind;
  }

  get isUp(): boolean {
    return this.phase.kind === "started";
  }

  /** Boots the machine and waits until its init reports ready. Idempotent while started. */
  async start(): Promise<void> {
    if (this.phase.kind === "started") return;
    mkdirSync(this.sharedDir, { recursive: true });
    chmodSync(this.sharedDir, 0o1777);
    this.log(`starting ${this.backendDefinition.description}`);
    const backend = await this.backendDefinition.start({
      name: this.name,
      logDir: this.logDir,
      sharedDir: this.sharedDir,
    });
    this.phase = { kind: "started", backend };
    this.log(`ready after ${(backend.bootMs / 1000).toFixed(1)} s`);
  }

  private started(): StartedBackend {
    if (this.phase.kind !== "started") {
      throw new Error(`machine ${this.name} is ${this.phase.kind}; call start() first`);
    }
    return this.phase.backend;
  }

  /** Stops the machine cleanly (its init's shutdown), keeping its logs. */
  async shutdown(timeout = 60): Promise<void> {
    if (this.phase.kind !== "started") return;
    await this.saveLogs();
    const result = await this.phase.backend.shutdown(timeout * 1000);
    this.phase = { kind: "stopped", result };
    this.log(`shut down${result.forced ? " (forced)" : ""} in ${(result.durationMs / 1000).toFixed(1)} s`);
  }

  /** Ends the machine at once, without its init's shutdown. */
  async crash(): Promise<void> {
    if (this.phase.kind !== "started") return;
    const result = await this.phase.backend.crash();
    this.phase = { kind: "stopped", result };
    this.log("crashed");
  }

  /** Runs `sh -c command` as root; never throws for a non-zero exit. */
  async execute(command: string, options: TimeoutOption = {}): Promise<ProcessResult> {
    const timeout = options.timeout ?? DEFAULT_COMMAND_TIMEOUT_SEC;
    return this.started().exec(command, timeout * 1000);
  }

  /** Runs each command; throws unless every one exits 0. Returns their stdout, concatenated. */
  async succeed(commands: string | readonly string[], options: TimeoutOption = {}): Promise<string> {
    let out = "";
    for (const c of typeof commands === "string" ? [commands] : commands) {
      const r = await this.execute(c, options);
      if (r.exitCode !== 0) throw new CommandFailedError(r);
      out += r.stdout;
    }
    return out;
  }

  /** Runs each command; throws if any exits 0. Returns their stdout, concatenated. */
  async fail(commands: string | readonly string[], options: TimeoutOption = {}): Promise<string> {
    let out = "";
    for (const c of typeof commands === "string" ? [commands] : commands) {
      const r = await this.execute(c, options);
      if (r.exitCode === 0) throw new CommandFailedError(r, "a non-zero exit code");
      out += r.stdout;
    }
    return out;
  }

  /** Polls until a wait strategy is satisfied. */
  async waitFor(strategy: WaitStrategy, options: TimeoutOption = {}): Promise<string> {
    return (await waitFor(this, strategy, options.timeout ?? DEFAULT_TIMEOUT_SEC)).seen;
  }

  /** Polls `command` until it exits 0; returns its last stdout. */
  async waitUntilSucceeds(command: string, options: TimeoutOption = {}): Promise<string> {
    await this.waitFor(forCommand(command), options);
    return (await this.execute(command)).stdout;
  }

  async waitUntilFails(command: string, options: TimeoutOption = {}): Promise<string> {
    await this.waitFor(forCommand(command, true), options);
    return (await this.execute(command)).stdout;
  }

  /** The unit's portable state, through the init's mapping table. */
  async getUnitState(unit: string): Promise<UnitState> {
    return mapUnitState(
      this.adapter,
      await this.execute(fillTemplate(this.adapter.status, unit), { timeout: 30 }),
    );
  }

  /** Throws unless the unit is in `state` now. */
  async requireUnitState(unit: string, state: UnitState = "active"): Promise<void> {
    const seen = await this.getUnitState(unit);
    if (seen !== state) {
      const raw = await this.execute(fillTemplate(this.adapter.status, unit), { timeout: 30 });
      throw new Error(
        `${this.name}: expected unit ${unit} to be ${state}, but it is ${seen} (\`${raw.command}\` → exit ${raw.exitCode}: ${raw.stdout.trim()})`,
      );
    }
  }

  /** Waits until the unit is active; fails at once when it is failed. */
  async waitForUnit(unit: string, options: TimeoutOption = {}): Promise<void> {
    await this.waitFor(
      {
        description: `unit ${unit} to be active (${this.init})`,
        check: async () => {
          const state = await this.getUnitState(unit);
          return { ok: state === "active", seen: state, fatal: state === "failed" };
        },
      },
      options,
    );
  }

  private job(verb: JobVerb, unit: string): Promise<ProcessResult> {
    const template = this.adapter.jobs[verb];
    if (template === undefined) throw new Error(`${this.init} has no \`${verb}\` for units`);
    return this.execute(fillTemplate(template, unit), { timeout: 120 });
  }

  /** Starts the unit; returns the result and does not throw (like the NixOS driver). */
  startJob(unit: string): Promise<ProcessResult> {
    return this.job("start", unit);
  }

  stopJob(unit: string): Promise<ProcessResult> {
    return this.job("stop", unit);
  }

  restartJob(unit: string): Promise<ProcessResult> {
    return this.job("restart", unit);
  }

  reloadJob(unit: string): Promise<ProcessResult> {
    return this.job("reload", unit);
  }

  /** The unit's log as its init keeps it. */
  async journal(unit: string): Promise<string> {
    return (await this.execute(fillTemplate(this.adapter.journal, unit), { timeout: 30 })).stdout;
  }

  async waitForOpenPort(port: number, options: TimeoutOption & { addr?: string } = {}): Promise<void> {
    await this.waitFor(forPort(port, options.addr), options);
  }

  async waitForClosedPort(port: number, options: TimeoutOption & { addr?: string } = {}): Promise<void> {
    await this.waitFor(forPort(port, options.addr, true), options);
  }

  async waitForOpenUnixSocket(
    path: string,
    options: TimeoutOption & { datagram?: boolean } = {},
  ): Promise<void> {
    await this.waitFor(forUnixSocket(path, options.datagram ?? false), options);
  }

  async waitForFile(path: string, options: TimeoutOption = {}): Promise<void> {
    await this.waitFor(forFile(path), options);
  }

  /** Copies a host file or directory into the machine (owned by root there). */
  async copyFromHost(hostPath: string, machinePath: string): Promise<void> {
    await this.started().copyFromHost(hostPath, machinePath);
  }

  /** Copies a machine file or directory into `hostDir` (default: this machine's shared directory). */
  async copyFromMachine(machinePath: string, hostDir = this.sharedDir): Promise<void> {
    await this.started().copyFromMachine(machinePath, hostDir);
  }

  async consoleLog(): Promise<string> {
    return this.started().consoleLog();
  }

  /** A line in this machine's log file (and on stderr when PSL_VERBOSE is set). */
  log(message: string): void {
    mkdirSync(this.logDir, { recursive: true });
    const line = `${new Date().toISOString()} ${this.name}: ${message}\n`;
    appendFileSync(join(this.logDir, "machine.log"), line);
    if (process.env.PSL_VERBOSE) process.stderr.write(line);
  }

  /** Writes the init's log, the console and the given units' journals into the log directory; returns the text. */
  async saveLogs(units: readonly string[] = []): Promise<string> {
    if (this.phase.kind !== "started") return "";
    const parts: string[] = [];
    const initLog = await this.execute(this.adapter.initLog, { timeout: 30 });
    const initText = `${initLog.stdout}${initLog.stderr}`.trimEnd().split("\n").slice(-40).join("\n");
    parts.push(`--- init (${this.init}), last lines ---\n${initText}`);
    for (const u of units)
      parts.push(`--- ${u} ---\n${(await this.journal(u)).trimEnd().split("\n").slice(-30).join("\n")}`);
    const consoleText = await this.consoleLog().catch((e: unknown) => String(e));
    writeFileSync(join(this.logDir, "console.log"), consoleText);
    writeFileSync(join(this.logDir, "init.log"), `${initLog.stdout}${initLog.stderr}`);
    const text = parts.join("\n");
    writeFileSync(join(this.logDir, "logs.txt"), text);
    return text;
  }
}

/**
 * A client for the qemu guest agent over its virtio-serial unix socket: the harness's command channel into
 * VMs. One connection, requests serialised; the first exchange is `guest-sync-delimited` (the reply follows a
 * 0xFF byte, which flushes whatever a previous client left in the channel). Commands run with `guest-exec`
 * (`/bin/sh -c`, output captured, optional stdin) and are polled with `guest-exec-status`.
 */
import { connect, type Socket } from "node:net";
import type { ProcessResult } from "../process/process-result.js";

interface QgaReply {
  readonly return?: unknown;
  readonly error?: { readonly class?: string; readonly desc?: string };
}

interface ExecStatus {
  readonly exited: boolean;
  readonly exitcode?: number;
  readonly signal?: number;
  readonly "out-data"?: string;
  readonly "err-data"?: string;
}

export class QgaClient {
  private buffer = Buffer.alloc(0);
  private waiter: (() => void) | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private closed = false;

  private constructor(private readonly socket: Socket) {
    socket.on("data", (b: Buffer) => {
      // 0xFF only ever comes as the delimiter before a guest-sync-delimited reply (it is never valid in
      // UTF-8 JSON), and everything before it is stale: drop both.
      const ff = b.lastIndexOf(0xff);
      if (ff >= 0) {
        this.buffer = Buffer.alloc(0);
        b = b.subarray(ff + 1);
      }
      this.buffer = Buffer.concat([this.buffer, b]);
      this.waiter?.();
    });
    socket.on("close", () => {
      this.closed = true;
      this.waiter?.();
    });
    socket.on("error", () => {});
  }

  /** Connects and synchronises; retries until the agent answers or `timeoutMs` passes. */
  static async open(path: string, timeoutMs: number): Promise<QgaClient> {
    const deadline = Date.now() + timeoutMs;
    let lastError = "";
    while (Date.now() < deadline) {
      try {
        const socket = await new Promise<Socket>((resolve, reject) => {
          const s = connect(path, () => resolve(s));
          s.once("error", reject);
        });
        const client = new QgaClient(socket);
        if (await client.sync(Math.min(5000, Math.max(500, deadline - Date.now())))) return client;
        socket.destroy();
        lastError = "no reply to guest-sync-delimited";
      } catch (e) {
        lastError = String(e);
      }
      await new Promise((r) => setTimeout(r, 500));
    }
    throw new Error(`guest agent at ${path} did not answer within ${timeoutMs} ms (${lastError})`);
  }

  private async nextLine(timeoutMs: number): Promise<string | undefined> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const nl = this.buffer.indexOf(0x0a);
      if (nl >= 0) {
        const line = this.buffer.subarray(0, nl).toString("utf8");
        this.buffer = this.buffer.subarray(nl + 1);
        return line;
      }
      if (this.closed || Date.now() >= deadline) return undefined;
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, Math.max(1, deadline - Date.now()));
        this.waiter = () => {
          clearTimeout(t);
          resolve();
        };
      });
      this.waiter = undefined;
    }
  }

  private async sync(timeoutMs: number): Promise<boolean> {
    const id = Math.floor(Math.random() * 2 ** 30);
    this.socket.write(`${JSON.stringify({ execute: "guest-sync-delimited", arguments: { id } })}\n`);
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const line = await this.nextLine(deadline - Date.now());
      if (line === undefined) return false;
      try {
        if ((JSON.parse(line) as QgaReply).return === id) return true;
      } catch {
        // a partial or stale line: keep reading
      }
    }
    return false;
  }

  /** Sends one request and returns its `return` value; throws on an agent error or a timeout. */
  call<T>(execute: string, args: Record<string, unknown> | undefined, timeoutMs = 30_000): Promise<T> {
    const run = async (): Promise<T> => {
      const message = args === undefined ? { execute } : { execute, arguments: args };
      this.socket.write(`${JSON.stringify(message)}\n`);
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const line = await this.nextLine(deadline - Date.now());
        if (line === undefined) throw new Error(`guest agent: no reply to ${execute} within ${timeoutMs} ms`);
        if (!line.trim()) continue;
        const reply = JSON.parse(line) as QgaReply;
        if (reply.error) throw new Error(`guest agent: ${execute}: ${reply.error.desc ?? reply.error.class}`);
        if ("return" in reply) return reply.return as T;
      }
    };
    const p = this.queue.then(run, run);
    this.queue = p.catch(() => undefined);
    return p;
  }

  /** Runs `sh -c command` in the guest, killed after `timeoutMs`; `input` is fed to its stdin. */
  async exec(command: string, timeoutMs: number, input?: Buffer): Promise<ProcessResult> {
    const t0 = performance.now();
    const secs = Math.max(1, Math.ceil(timeoutMs / 1000));
    const args: Record<string, unknown> = {
      path: "/usr/bin/timeout",
      arg: ["-k", "2", String(secs), "/bin/sh", "-c", command],
      "capture-output": true,
    };
    if (input !== undefined) args["input-data"] = input.toString("base64");
    const { pid } = await this.call<{ pid: number }>("guest-exec", args);
    const deadline = Date.now() + timeoutMs + 10_000;
    for (;;) {
      const st = await this.call<ExecStatus>("guest-exec-status", { pid });
      if (st.exited) {
        const exitCode = st.exitcode ?? 128 + (st.signal ?? 0);
        return {
          command,
          exitCode,
          stdout: Buffer.from(st["out-data"] ?? "", "base64").toString("utf8"),
          stderr: Buffer.from(st["err-data"] ?? "", "base64").toString("utf8"),
          durationMs: performance.now() - t0,
          timedOut: exitCode === 124,
        };
      }
      if (Date.now() > deadline) throw new Error(`guest agent: \`${command}\` did not finish in ${secs} s`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** Runs a command and returns its raw stdout bytes (for archives). */
  async execRaw(
    command: string,
    timeoutMs: number,
  ): Promise<{ exitCode: number; stdout: Buffer; stderr: string }> {
    const { pid } = await this.call<{ pid: number }>("guest-exec", {
      path: "/bin/sh",
      arg: ["-c", command],
      "capture-output": true,
    });
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const st = await this.call<ExecStatus>("guest-exec-status", { pid });
      if (st.exited) {
        return {
          exitCode: st.exitcode ?? 1,
          stdout: Buffer.from(st["out-data"] ?? "", "base64"),
          stderr: Buffer.from(st["err-data"] ?? "", "base64").toString("utf8"),
        };
      }
      if (Date.now() > deadline) throw new Error(`guest agent: \`${command}\` did not finish`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  close(): void {
    this.socket.destroy();
  }
}

import { execFileSync, spawn, spawnSync } from "node:child_process";
import { chmodSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { embedScript } from "./embed.js";
import { PSL_RUN_SCRIPT } from "./psl-run.js";

const here = dirname(fileURLToPath(import.meta.url));
const SOURCE = readFileSync(join(here, "psl-run.sh"), "utf8");
const hasSh = spawnSync("sh", ["-c", "exit 0"]).status === 0;
const isRoot = process.getuid?.() === 0;
const hasSetpriv = spawnSync("sh", ["-c", "command -v setpriv"]).status === 0;

const dir = mkdtempSync(join(tmpdir(), "psl-run-"));
chmodSync(dir, 0o755);
const helper = join(dir, "psl-run");
writeFileSync(helper, PSL_RUN_SCRIPT, { mode: 0o755 });

function run(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync("sh", [helper, ...args], { env: { PATH: process.env.PATH ?? "", ...env }, cwd: dir });
  return { status: r.status, stdout: r.stdout.toString(), stderr: r.stderr.toString() };
}

/** Runs PROGRAM through psl-run and returns the argv it received. */
function argvThrough(options: string[], argv: string[], env: Record<string, string> = {}): string[] {
  const r = run([...options, "--", "/bin/sh", "-c", 'printf "%s\\0" "$@"', "sh", ...argv], env);
  expect(r.stderr).toBe("");
  return r.stdout.split("\0").slice(0, -1);
}

function envThrough(options: string[], env: Record<string, string> = {}): Record<string, string> {
  const r = run([...options, "--", "/usr/bin/env", "-0"], env);
  expect(r.stderr).toBe("");
  const out: Record<string, string> = {};
  for (const entry of r.stdout.split("\0").slice(0, -1)) {
    const eq = entry.indexOf("=");
    out[entry.slice(0, eq)] = entry.slice(eq + 1);
  }
  return out;
}

describe("psl-run.ts", () => {
  it("embeds psl-run.sh (regenerate with vitest -u)", async () => {
    await expect(embedScript(SOURCE)).toMatchFileSnapshot("./psl-run.ts");
    expect(PSL_RUN_SCRIPT).toBe(SOURCE);
  });
});

describe.runIf(hasSh)("psl-run exec", () => {
  it("passes adversarial arguments through unchanged", () => {
    const argv = ["a b", "'q'", '"dq"', "$HOME", "`id`", "%s %%", "line\nbreak", "-n", "--", "ünï", "", "*"];
    expect(argvThrough([], argv)).toEqual(argv);
  });

  it("starts from systemd's clean environment", () => {
    const env = envThrough(["--setenv", "A=1 2"], { SECRET: "leak" });
    expect(env).toEqual({ PATH: "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin", A: "1 2" });
  });

  it("passes and unsets variables like PassEnvironment= and UnsetEnvironment=", () => {
    const env = envThrough(
      ["--pass-env", "KEEP", "--setenv", "B=x", "--setenv", "C=y", "--unset-env", "B", "--unset-env", "C=z"],
      { KEEP: "k", OTHER: "o" },
    );
    expect(env).toMatchObject({ KEEP: "k", C: "y" });
    expect(env.B).toBeUndefined();
    expect(env.OTHER).toBeUndefined();
  });

  it("reads environment files with systemd's syntax, and later assignments win", () => {
    const file = join(dir, "env");
    writeFileSync(
      file,
      [
        "# comment",
        "; also a comment",
        "PLAIN=value with spaces   ",
        "  SPACED  =  x",
        "SQ='single $HOME \\n'",
        'DQ="a \\"b\\" \\$c \\\\ \\n d"',
        "ESC=a\\ b\\\\c",
        "JOIN='a'\"b\"c",
        "CONT=one\\",
        "two",
        "EMPTY=",
        "A=first",
        "A=second",
        "not an assignment",
      ].join("\n"),
    );
    const env = envThrough(["--setenv", "A=from-environment", "--env-file", file]);
    expect(env).toMatchObject({
      PLAIN: "value with spaces",
      SPACED: "x",
      SQ: "single $HOME \\n",
      DQ: 'a "b" $c \\ \\n d',
      ESC: "a b\\c",
      JOIN: "abc",
      CONT: "onetwo",
      EMPTY: "",
      A: "second",
    });
  });

  it("fails on a missing environment file unless it is optional", () => {
    expect(run(["--env-file", "/nonexistent", "--", "/bin/true"]).status).toBe(1);
    expect(run(["--env-file-optional", "/nonexistent", "--", "/bin/true"]).status).toBe(0);
  });

  it("expands $VAR, ${VAR} and $$ like systemd", () => {
    const opts = ["--setenv", "WORDS=a 'b c'  d", "--setenv", "ONE=x y", "--expand"];
    expect(
      argvThrough(opts, ["$WORDS", "${ONE}", "pre${ONE}post", "$$", "a$$b", "$UNSET", "${UNSET}", "$ONE."]),
    ).toEqual(["a", "b c", "d", "x y", "prex ypost", "$", "a$b", ""]);
  });

  it("runs in / with stdin from /dev/null and SIGPIPE ignored, like systemd", () => {
    const r = run(["--", "/bin/sh", "-c", "pwd; cat; grep SigIgn /proc/self/status || echo none"]);
    const [cwd, sig] = r.stdout.trim().split("\n");
    expect(cwd).toBe("/");
    if (sig !== "none") expect((Number.parseInt(sig?.split(/\s+/)[1] ?? "0", 16) >> 12) & 1).toBe(1);
  });

  it("sets umask and honours --ignore-failure", () => {
    expect(run(["--umask", "0077", "--", "/bin/sh", "-c", "umask"]).stdout.trim()).toBe("0077");
    expect(run(["--", "/bin/false"]).status).toBe(1);
    expect(run(["--ignore-failure", "--", "/bin/false"]).status).toBe(0);
  });

  it.runIf(isRoot && hasSetpriv)("switches user and groups, sets USER/HOME, and applies no_new_privs", () => {
    const r = run([
      "--user",
      "nobody",
      "--groups",
      "adm",
      "--no-new-privs",
      "--",
      "/bin/sh",
      "-c",
      'id -un; id -Gn; echo "$USER $HOME"; grep NoNewPrivs /proc/self/status',
    ]);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("nobody");
    expect(lines[1]?.split(" ")).toContain("adm");
    expect(lines[2]).toBe("nobody /nonexistent");
    expect(lines[3]).toMatch(/NoNewPrivs:\s+1/);
  });

  it.runIf(isRoot)("creates directories owned by the user and sets $STATE_DIRECTORY", () => {
    const state = join(dir, "state", "svc");
    const r = run([
      "--user",
      "nobody",
      "--dir",
      `state:${state}:0750`,
      "--",
      "/bin/sh",
      "-c",
      'echo "$STATE_DIRECTORY"',
    ]);
    expect(r.stdout.trim()).toBe(state);
    const st = execFileSync("stat", ["-c", "%U:%G %a", state]).toString().trim();
    expect(st).toBe("nobody:nogroup 750");
  });

  it.runIf(isRoot)("copies credentials with mode 0400 and sets $CREDENTIALS_DIRECTORY", () => {
    const secret = join(dir, "secret");
    writeFileSync(secret, "s3cret", { mode: 0o600 });
    const creds = join(dir, "creds");
    const r = run([
      "--user",
      "nobody",
      "--credentials-dir",
      creds,
      "--credential",
      `token:${secret}`,
      "--",
      "/bin/sh",
      "-c",
      'cat "$CREDENTIALS_DIRECTORY/token"; stat -c %a "$CREDENTIALS_DIRECTORY/token"',
    ]);
    expect(r.stdout.split("\n")).toEqual(["s3cret400", ""]);
  });

  it("refuses to run when the user does not exist", () => {
    const r = run(["--user", "no-such-user-psl", "--", "/bin/true"]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("does not exist");
  });
});

describe.runIf(hasSh)("psl-run check", () => {
  it("skips on a failed condition, fails on a failed assert, and honours | and !", () => {
    expect(run(["check", "--condition", `PathExists=${dir}`]).status).toBe(0);
    expect(run(["check", "--condition", "PathExists=/nonexistent"]).status).toBe(1);
    expect(run(["check", "--condition", "!PathExists=/nonexistent"]).status).toBe(0);
    expect(run(["check", "--assert", "PathIsDirectory=/nonexistent"]).status).toBe(2);
    expect(
      run(["check", "--condition", "|PathExists=/nonexistent", "--condition", `|PathIsDirectory=${dir}`])
        .status,
    ).toBe(0);
    expect(run(["check", "--condition", "|PathExists=/nonexistent"]).status).toBe(1);
    expect(run(["check", "--condition", "Environment=PSLX=1"], { PSLX: "1" }).status).toBe(0);
  });
});

describe.runIf(hasSh)("psl-run decide", () => {
  const decide = (policy: string, code: number | undefined, signal?: number, extra: string[] = []) =>
    run([
      "decide",
      "--policy",
      policy,
      "--burst",
      "0",
      ...extra,
      ...(code !== undefined ? ["--exit-code", String(code)] : ["--exit-signal", String(signal)]),
    ]).status;

  it("applies systemd's restart table", () => {
    expect(decide("no", 1)).toBe(1);
    expect(decide("always", 0)).toBe(0);
    expect(decide("on-failure", 0)).toBe(1);
    expect(decide("on-failure", 3)).toBe(0);
    expect(decide("on-failure", undefined, 15)).toBe(1);
    expect(decide("on-failure", undefined, 9)).toBe(0);
    expect(decide("on-success", 0)).toBe(0);
    expect(decide("on-abnormal", 3)).toBe(1);
    expect(decide("on-abnormal", undefined, 11)).toBe(0);
    expect(decide("on-failure", 3, undefined, ["--success", "3"])).toBe(1);
    expect(decide("always", 7, undefined, ["--prevent", "7"])).toBe(1);
    expect(decide("no", 7, undefined, ["--force", "7"])).toBe(0);
  });

  it("stops restarting at the start limit", () => {
    const state = join(dir, "limit");
    const args = [
      "decide",
      "--policy",
      "always",
      "--burst",
      "2",
      "--interval",
      "60",
      "--state",
      state,
      "--exit-code",
      "1",
    ];
    expect([run(args).status, run(args).status, run(args).status]).toEqual([0, 0, 1]);
  });
});

describe.runIf(hasSh)("psl-run supervise", () => {
  const until = async (what: string, ok: () => boolean, ms = 5000) => {
    const end = Date.now() + ms;
    while (!ok()) {
      if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  };
  const alive = (pid: number) => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  const read = (path: string) => {
    try {
      return readFileSync(path, "utf8").trim();
    } catch {
      return "";
    }
  };
  /** `psl-run supervise --policy POLICY --state STATE OPTIONS… -- COMMAND…` as a child process. */
  const supervise = (policy: string, state: string, options: readonly string[], command: readonly string[]) =>
    spawn("sh", [helper, "supervise", "--policy", policy, "--state", state, ...options, "--", ...command]);
  /** A child that records the signals it gets and ignores them. */
  const stubborn = (log: string) => [
    "/bin/sh",
    "-c",
    `trap 'echo INT >>${log}' INT; trap 'echo TERM >>${log}' TERM; while :; do sleep 0.1; done`,
  ];

  it("stops with the stop signal, then SIGKILL after the stop timeout", async () => {
    const state = mkdtempSync(join(tmpdir(), "psl-sv-"));
    const log = join(state, "signals");
    const sv = supervise("always", state, ["--stop-signal", "SIGINT", "--stop-timeout", "1"], stubborn(log));
    await until("the main pid", () => read(join(state, "mainpid")) !== "");
    const main = Number(read(join(state, "mainpid")));
    expect(read(join(state, "pid"))).toBe(String(sv.pid));
    await new Promise((r) => setTimeout(r, 300));
    const t0 = Date.now();
    sv.kill("SIGTERM");
    const code = await new Promise((r) => sv.on("exit", r));
    expect(code).toBe(0);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(900);
    expect(alive(main)).toBe(false);
    expect(read(log)).toBe("INT");
    expect(read(join(state, "pid"))).toBe("");
  });

  it("holds after a final exit (--final hold) and runs --on-final", async () => {
    const state = mkdtempSync(join(tmpdir(), "psl-sv-"));
    const marker = join(state, "told");
    const sv = supervise(
      "on-failure",
      state,
      ["--final", "hold", "--on-final", `touch ${marker}`],
      ["/bin/sh", "-c", "exit 0"],
    );
    await until("the --on-final command", () => existsSync(marker));
    expect(read(join(state, "result"))).toBe("success");
    await new Promise((r) => setTimeout(r, 300));
    expect(sv.exitCode).toBe(null);
    sv.kill("SIGTERM");
    expect(await new Promise((r) => sv.on("exit", r))).toBe(0);
  });

  it("records a failed final exit and exits with its status", () => {
    const state = mkdtempSync(join(tmpdir(), "psl-sv-"));
    const r = run(["supervise", "--policy", "no", "--state", state, "--", "/bin/sh", "-c", "exit 3"]);
    expect(r.status).toBe(3);
    expect(read(join(state, "result"))).toBe("exit-code");
    expect(read(join(state, "final"))).toBe("");
  });

  it("ends as the child did with --final mirror", () => {
    const state = mkdtempSync(join(tmpdir(), "psl-sv-"));
    const sv = (cmd: string) =>
      spawnSync("sh", [
        helper,
        "supervise",
        "--policy",
        "no",
        "--state",
        state,
        "--final",
        "mirror",
        "--",
        "/bin/sh",
        "-c",
        cmd,
      ]);
    expect(sv("kill -TERM $$").signal).toBe("SIGTERM");
    expect(sv("exit 3").status).toBe(3);
  });

  /** A hook program that appends what it saw (whether $MAINPID lives, and the exit variables) to `log`. */
  const hook = (state: string, name: string, log: string) => {
    const path = join(state, name);
    writeFileSync(
      path,
      `#!/bin/sh\nalive=no; [ -n "\${MAINPID-}" ] && kill -0 "$MAINPID" 2>/dev/null && alive=yes\necho "${name} \${MAINPID-none} $alive \${SERVICE_RESULT-} \${EXIT_CODE-} \${EXIT_STATUS-}" >>${log}\n`,
      { mode: 0o755 },
    );
    return path;
  };

  it("runs --on-stop with $MAINPID before the stop signal, and --on-exit after the exit", async () => {
    const state = mkdtempSync(join(tmpdir(), "psl-sv-"));
    const log = join(state, "log");
    const sv = supervise(
      "always",
      state,
      ["--on-stop", hook(state, "stop", log), "--on-exit", hook(state, "exit", log)],
      ["/bin/sh", "-c", `trap 'echo TERM >>${log}; exit 0' TERM; while :; do sleep 0.1; done`],
    );
    await until("the main pid", () => read(join(state, "mainpid")) !== "");
    const main = read(join(state, "mainpid"));
    await new Promise((r) => setTimeout(r, 300));
    sv.kill("SIGTERM");
    expect(await new Promise((r) => sv.on("exit", r))).toBe(0);
    expect(read(log).split("\n")).toEqual([`stop ${main} yes   `, "TERM", "exit none no success exited 0"]);
  });

  it("runs --on-stop (without $MAINPID) and --on-exit after a clean exit of its own, --on-exit only after a failure", () => {
    const state = mkdtempSync(join(tmpdir(), "psl-sv-"));
    const log = join(state, "log");
    const opts = ["--on-stop", hook(state, "stop", log), "--on-exit", hook(state, "exit", log)];
    run(["supervise", "--policy", "no", "--state", state, ...opts, "--", "/bin/sh", "-c", "exit 0"]);
    run(["supervise", "--policy", "no", "--state", state, ...opts, "--", "/bin/sh", "-c", "exit 3"]);
    run(["supervise", "--policy", "no", "--state", state, ...opts, "--", "/bin/sh", "-c", "kill -9 $$"]);
    expect(read(log).split("\n")).toEqual([
      "stop none no   ",
      "exit none no success exited 0",
      "exit none no exit-code exited 3",
      "exit none no signal killed KILL",
    ]);
  });
});

describe.runIf(hasSh)("psl-run control", () => {
  const state = mkdtempSync(join(tmpdir(), "psl-ctl-"));
  const start = join(state, "start");
  writeFileSync(
    start,
    `#!/bin/sh\nexec sh ${helper} supervise --name ctl --state ${state} -- /bin/sh -c 'while :; do sleep 0.1; done'\n`,
    { mode: 0o755 },
  );
  const ctl = (action: string, extra: string[] = []) =>
    run(["control", action, "--name", "ctl", "--state", state, "--start", start, ...extra]).status;

  it("starts, reports and stops a supervised service", () => {
    expect(ctl("status")).toBe(3);
    expect(ctl("start")).toBe(0);
    expect(ctl("status")).toBe(0);
    expect(ctl("start")).toBe(0);
    expect(ctl("stop")).toBe(0);
    expect(ctl("status")).toBe(3);
    expect(ctl("reload")).toBe(3);
  });

  it("runs a oneshot on each start, and with RemainAfterExit= reports it until stopped", () => {
    const os = join(state, "os");
    const log = join(state, "os.log");
    writeFileSync(os, `#!/bin/sh\necho ran >>${log}\n`, { mode: 0o755 });
    const once = (action: string, extra: string[] = []) =>
      run([
        "control",
        action,
        "--name",
        "os",
        "--state",
        join(state, "os.d"),
        "--start",
        os,
        "--oneshot",
        ...extra,
      ]).status;
    expect(once("start")).toBe(0);
    expect(once("status")).toBe(3);
    expect(once("start")).toBe(0);
    expect(readFileSync(log, "utf8")).toBe("ran\nran\n");
    expect(once("start", ["--remain"])).toBe(0);
    expect(once("status", ["--remain"])).toBe(0);
    expect(once("start", ["--remain"])).toBe(0);
    expect(readFileSync(log, "utf8")).toBe("ran\nran\nran\n");
    expect(once("stop", ["--remain"])).toBe(0);
    expect(once("status", ["--remain"])).toBe(3);
  });
});

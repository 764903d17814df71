/**
 * Runs one case of the NixOS/nix language suite (`tests/functional/lang`) through `psl instantiate` in
 * this process, the way the suite's `lang.sh` runs `nix-instantiate`: parse cases from stdin with
 * `--parse`, eval cases with `--eval --strict` (plus the case's `.flags`), `NIX_PATH=lang/dir3:lang/dir4`,
 * `HOME=/fake-home`, `TEST_VAR=foo`, the suite's parent directory as working directory, and the absolute
 * working directory replaced by `/pwd` in the output. Used by the conformance test and `report.ts`.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { bytesToText } from "../../nix/bytes.js";
import { parseInstantiateArgs, runInstantiate } from "../commands/instantiate.js";
import { type CliIO, nodeIO } from "../io.js";

export type CaseKind = "parse-okay" | "parse-fail" | "eval-okay" | "eval-fail";

export interface CaseResult {
  readonly name: string;
  readonly kind: CaseKind;
  readonly pass: boolean;
  /** Why it failed (first differing output, or the exit status). */
  readonly reason: string;
}

/** The cases of a suite directory, by kind, skipping disabled ones. */
export function listCases(langDir: string): { name: string; kind: CaseKind }[] {
  const out: { name: string; kind: CaseKind }[] = [];
  for (const f of fs.readdirSync(langDir).sort()) {
    const m = /^(parse-okay|parse-fail|eval-okay|eval-fail)-.*\.nix$/.exec(f);
    if (!m) continue;
    const name = f.slice(0, -4);
    if (fs.existsSync(path.join(langDir, `${name}.exp-disabled`))) continue;
    out.push({ name, kind: m[1] as CaseKind });
  }
  return out;
}

/** A `CliIO` on this machine whose stdout and stderr are captured. */
export function captureIO(
  cwd: string,
  env: Record<string, string>,
  stdinFile?: string,
): {
  io: CliIO;
  out: () => string;
  err: () => string;
} {
  const base = nodeIO();
  let out = "";
  let err = "";
  const io: CliIO = {
    ...base,
    cwd,
    env,
    stdoutIsTTY: false,
    stderrIsTTY: false,
    stdout: (t) => {
      out += t;
    },
    // Chunks end between printed pieces, so none splits a UTF-8 sequence: decoding each is decoding all.
    stdoutBytes: (b) => {
      out += bytesToText(b);
    },
    stderr: (t) => {
      err += t;
    },
    fs: {
      ...base.fs,
      readFile: (p) =>
        p === "/dev/stdin" && stdinFile ? fs.readFileSync(stdinFile, "utf8") : base.fs.readFile(p),
    },
  };
  return { io, out: () => out, err: () => err };
}

function flagsOf(langDir: string, name: string): string[] {
  const f = path.join(langDir, `${name}.flags`);
  if (!fs.existsSync(f)) return [];
  return fs
    .readFileSync(f, "utf8")
    .replace(/#.*/g, "")
    .split(/\s+/)
    .filter((s) => s !== "");
}

function readIf(p: string): string | undefined {
  return fs.existsSync(p) ? fs.readFileSync(p, "utf8") : undefined;
}

/** Runs one case and compares as `lang.sh` does (eval-fail and parse-fail: the exit status only). */
export function runCase(langDir: string, name: string, kind: CaseKind): CaseResult {
  const cwd = path.dirname(langDir);
  const rel = `${path.basename(langDir)}/${name}.nix`;
  const env = {
    NIX_PATH: `${path.basename(langDir)}/dir3:${path.basename(langDir)}/dir4`,
    HOME: "/fake-home",
    TEST_VAR: "foo",
    NIX_STORE_DIR: "/nix/store",
  };
  const pwd = (s: string) => s.split(cwd).join("/pwd");
  let argv: string[];
  let stdin: string | undefined;
  if (kind === "parse-okay" || kind === "parse-fail") {
    argv = ["--parse", "-"];
    stdin = path.join(langDir, `${name}.nix`);
  } else if (kind === "eval-fail") {
    const flags = flagsOf(langDir, name);
    argv = [...(flags.length > 0 ? flags : ["--eval", "--strict", "--show-trace"]), rel];
  } else if (fs.existsSync(path.join(langDir, `${name}.exp.xml`))) {
    argv = ["--eval", "--xml", "--no-location", "--strict", rel];
  } else {
    argv = [...flagsOf(langDir, name), "--eval", "--strict", rel];
  }
  const { args, errors } = parseInstantiateArgs(argv);
  if (errors.length > 0) return { name, kind, pass: false, reason: `bad flags: ${errors.join("; ")}` };
  const c = captureIO(cwd, env, stdin);
  let status: number;
  try {
    status = runInstantiate(args, c.io);
  } catch (e) {
    return { name, kind, pass: false, reason: `exception: ${e instanceof Error ? e.message : String(e)}` };
  }
  const expectFail = kind === "parse-fail" || kind === "eval-fail";
  if (expectFail) {
    return {
      name,
      kind,
      pass: status === 1,
      reason: status === 1 ? "" : `exit status ${status}, expected 1`,
    };
  }
  if (status !== 0)
    return { name, kind, pass: false, reason: `exit status ${status}: ${c.err().slice(0, 300)}` };
  const expOut =
    readIf(path.join(langDir, `${name}.exp.xml`)) ?? readIf(path.join(langDir, `${name}.exp`)) ?? "";
  const got = pwd(c.out());
  if (got !== expOut)
    return {
      name,
      kind,
      pass: false,
      reason: `stdout differs:\n got ${got.slice(0, 400)}\n exp ${expOut.slice(0, 400)}`,
    };
  const expErr = readIf(path.join(langDir, `${name}.err.exp`)) ?? "";
  const gotErr = pwd(c.err());
  if (gotErr !== expErr)
    return {
      name,
      kind,
      pass: false,
      reason: `stderr differs:\n got ${gotErr.slice(0, 400)}\n exp ${expErr.slice(0, 400)}`,
    };
  return { name, kind, pass: true, reason: "" };
}

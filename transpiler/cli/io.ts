/**
 * The CLI's window on the world. Commands get a `CliIO` and never touch `process` or `fs` themselves, so
 * they can run in-process under test with an in-memory host.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { bytesToText } from "../nix/bytes.js";
import { readTextFile } from "./read-text.js";

export interface CliIO {
  readonly cwd: string;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly stdoutIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  stdout(text: string): void;
  /** Writes the raw bytes of a byte string (one byte per char, as Nix values hold them; see `bytes.ts`). */
  stdoutBytes(bytes: string): void;
  stderr(text: string): void;
  readonly fs: CliFs;
}

export interface DirEntry {
  readonly name: string;
  readonly isDirectory: boolean;
  readonly isFile: boolean;
}

/** The file operations commands need; all paths are absolute or relative to `cwd`. */
export interface CliFs {
  readFile(p: string): string;
  exists(p: string): boolean;
  isDirectory(p: string): boolean;
  readDir(p: string): DirEntry[];
  mkdirp(p: string): void;
  /** Writes via a temporary file and a rename, so a reader never sees half a file. */
  writeFileAtomic(p: string, text: string, mode?: number): void;
  remove(p: string): void;
}

export interface NodeIOOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  readonly stdout?: (text: string) => void;
  readonly stderr?: (text: string) => void;
  readonly isTTY?: boolean;
}

/** The real file system, with this process's streams unless others are given (tests capture them). */
export function nodeIO(options: NodeIOOptions = {}): CliIO {
  const cwd = options.cwd ?? process.cwd();
  const captured = options.stdout;
  const abs = (p: string) => path.resolve(cwd, p);
  return {
    cwd,
    env: options.env ?? process.env,
    stdoutIsTTY: options.isTTY ?? Boolean(process.stdout.isTTY),
    stderrIsTTY: options.isTTY ?? Boolean(process.stderr.isTTY),
    stdout: captured ?? ((t) => process.stdout.write(t)),
    // A caller that captures standard output gets text, as from `stdout`; the process's stream gets bytes.
    stdoutBytes: captured
      ? (b) => captured(bytesToText(b))
      : (b) => process.stdout.write(Buffer.from(b, "latin1")),
    stderr: options.stderr ?? ((t) => process.stderr.write(t)),
    fs: {
      readFile: (p) => readTextFile(abs(p)),
      exists: (p) => fs.existsSync(abs(p)),
      isDirectory: (p) => {
        try {
          return fs.statSync(abs(p)).isDirectory();
        } catch {
          return false;
        }
      },
      readDir: (p) =>
        fs
          .readdirSync(abs(p), { withFileTypes: true })
          .map((d) => ({ name: d.name, isDirectory: d.isDirectory(), isFile: d.isFile() }))
          .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)),
      mkdirp: (p) => fs.mkdirSync(abs(p), { recursive: true, mode: 0o755 }),
      writeFileAtomic: (p, text, mode = 0o644) => {
        const target = abs(p);
        const tmp = path.join(path.dirname(target), `.${path.basename(target)}.psl-${process.pid}.tmp`);
        try {
          fs.writeFileSync(tmp, text, { mode });
          fs.chmodSync(tmp, mode);
          fs.renameSync(tmp, target);
        } catch (e) {
          fs.rmSync(tmp, { force: true });
          throw e;
        }
      },
      remove: (p) => fs.rmSync(abs(p), { force: true, recursive: true }),
    },
  };
}

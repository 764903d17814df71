/**
 * Writing a command's outputs safely: nothing is overwritten without `--force`, a directory that already
 * holds files is refused the same way, and every file is written atomically (temporary file, then rename).
 * All checks happen before the first write, so a refused run writes nothing.
 */
import * as path from "node:path";
import { type Diagnostic, diag } from "../diagnostics/index.js";
import { describeError } from "./inputs.js";
import type { CliIO } from "./io.js";

export interface OutputFile {
  /** Path relative to the output directory; must stay inside it. */
  readonly relative: string;
  readonly text: string;
  readonly mode?: number;
}

/** Checks and writes `files` under `outDir`. Returns diagnostics; empty means everything was written. */
export function writeOutputs(
  outDir: string,
  files: readonly OutputFile[],
  io: CliIO,
  force: boolean,
): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  for (const f of files) {
    const normalized = path.posix.normalize(f.relative);
    if (normalized.startsWith("../") || normalized === ".." || path.posix.isAbsolute(normalized)) {
      diagnostics.push(
        diag("PSL9001", { detail: `output path \`${f.relative}\` escapes the output directory` }),
      );
    }
  }
  if (diagnostics.length > 0) return diagnostics;
  if (io.fs.exists(outDir) && !io.fs.isDirectory(outDir)) {
    return [diag("PSL7006", { file: outDir, reason: "it exists and is not a directory" })];
  }
  if (!force && io.fs.exists(outDir) && io.fs.readDir(outDir).length > 0) {
    return [
      diag(
        "PSL7005",
        { file: outDir },
        {
          notes: [
            "the output directory already holds files; psl writes only into a new or empty directory unless --force is given",
          ],
        },
      ),
    ];
  }
  const created: string[] = [];
  try {
    for (const f of files) {
      const target = path.join(outDir, f.relative);
      io.fs.mkdirp(path.dirname(target));
      const existed = io.fs.exists(target);
      io.fs.writeFileAtomic(target, f.text, (f.mode ?? 0o644) & ~0o022);
      if (!existed) created.push(target);
    }
  } catch (e) {
    // Take back what this run created, so a failed run leaves no partial set of specs behind.
    for (const p of created) io.fs.remove(p);
    diagnostics.push(diag("PSL7006", { file: outDir, reason: describeError(e) }));
  }
  return diagnostics;
}

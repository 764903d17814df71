/**
 * The evaluator's host backed by this machine: files and directories through `node:fs` (without
 * following a final symlink where Nix does not), environment variables from the process.
 */
import * as fs from "node:fs";
import type { EvalHost, FileType } from "../eval/host.js";

function typeOf(st: fs.Stats): FileType {
  if (st.isFile()) return "regular";
  if (st.isDirectory()) return "directory";
  if (st.isSymbolicLink()) return "symlink";
  return "unknown";
}

export function nodeEvalHost(env: Readonly<Record<string, string | undefined>>): EvalHost {
  return {
    readFile(p) {
      try {
        return fs.readFileSync(p);
      } catch {
        return undefined;
      }
    },
    readDir(p) {
      try {
        return fs.readdirSync(p, { withFileTypes: true }).map((d) => ({
          name: d.name,
          type: d.isFile()
            ? "regular"
            : d.isDirectory()
              ? "directory"
              : d.isSymbolicLink()
                ? "symlink"
                : "unknown",
        }));
      } catch {
        return undefined;
      }
    },
    pathType(p) {
      try {
        const st = fs.lstatSync(p);
        if (st.isSymbolicLink() && p.endsWith("/")) return typeOf(fs.statSync(p));
        return typeOf(st);
      } catch {
        return undefined;
      }
    },
    readLink(p) {
      try {
        return fs.readlinkSync(p);
      } catch {
        return undefined;
      }
    },
    getEnv: (name) => env[name],
    isExecutable(p) {
      try {
        return (fs.statSync(p).mode & 0o100) !== 0;
      } catch {
        return false;
      }
    },
  };
}

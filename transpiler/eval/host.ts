/**
 * The evaluator's window on the world. The evaluator never touches the file system or the process: the
 * CLI gives it a host backed by `node:fs` and `process.env`, tests give it an in-memory one. Paths are
 * absolute; file contents are raw bytes.
 */

export type FileType = "regular" | "directory" | "symlink" | "unknown";

export interface DirEntryInfo {
  readonly name: string;
  readonly type: FileType;
}

export interface EvalHost {
  /** The bytes of a file, or undefined when it cannot be read. */
  readFile(path: string): Uint8Array | undefined;
  /** The entries of a directory (any order), or undefined when it is not a readable directory. */
  readDir(path: string): readonly DirEntryInfo[] | undefined;
  /** The type of a path without following a final symlink, or undefined when it does not exist. */
  pathType(path: string): FileType | undefined;
  /** The target of a symlink, or undefined. */
  readLink(path: string): string | undefined;
  /** An environment variable (`builtins.getEnv`). */
  getEnv(name: string): string | undefined;
  /** Whether `path` is executable (for NAR serialisation). */
  isExecutable?(path: string): boolean;
}

/** A host over an in-memory tree: file paths to contents (text or bytes); directories are implied. */
export function memoryHost(
  files: Readonly<Record<string, string | Uint8Array>>,
  env: Record<string, string> = {},
): EvalHost {
  const enc = new TextEncoder();
  const norm = (p: string) => (p.length > 1 && p.endsWith("/") ? p.slice(0, -1) : p);
  const isDir = (p: string) => {
    const prefix = p === "/" ? "/" : `${norm(p)}/`;
    return Object.keys(files).some((f) => f.startsWith(prefix));
  };
  return {
    readFile(path) {
      const f = files[norm(path)];
      if (f === undefined) return undefined;
      return typeof f === "string" ? enc.encode(f) : f;
    },
    readDir(path) {
      if (!isDir(path)) return undefined;
      const prefix = path === "/" ? "/" : `${norm(path)}/`;
      const names = new Map<string, DirEntryInfo["type"]>();
      for (const f of Object.keys(files)) {
        if (!f.startsWith(prefix)) continue;
        const rest = f.slice(prefix.length);
        const slash = rest.indexOf("/");
        if (slash < 0) names.set(rest, "regular");
        else names.set(rest.slice(0, slash), "directory");
      }
      return [...names].map(([name, type]) => ({ name, type }));
    },
    pathType(path) {
      if (files[norm(path)] !== undefined) return "regular";
      return isDir(path) ? "directory" : undefined;
    },
    readLink: () => undefined,
    getEnv: (name) => env[name],
  };
}

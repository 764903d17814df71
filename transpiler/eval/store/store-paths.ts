/**
 * Store path arithmetic, as Nix computes it: `storeDir/<nix32 of the 20-byte XOR-fold of
 * sha256("<type>:sha256:<hex>:<storeDir>:<name>")>-<name>`, with types `source` (a path added to the store
 * by its NAR hash), `text:<refs>` (`toFile`, `.drv` files), `output:<name>` (derivation outputs) and the
 * fixed-output form. Nothing is written anywhere: psl's store is virtual, paths are only computed.
 */
import type { Span } from "../../diagnostics/span.js";
import type { EvalContext } from "../context.js";
import { NixError } from "../errors.js";
import { compressHash, formatHash, type HashAlgo, hashBytes, toBase16, toNix32 } from "./hash.js";
import { flatHash, type NarFilter, narHash } from "./nar.js";

/** `makeStorePath`: the path for a type string, an inner sha256 digest and a name. */
export function makeStorePath(storeDir: string, type: string, digest: Uint8Array, name: string): string {
  const fingerprint = `${type}:sha256:${toBase16(digest)}:${storeDir}:${name}`;
  const h = compressHash(hashBytes("sha256", fingerprint), 20);
  return `${storeDir}/${toNix32(h)}-${name}`;
}

/** The type string with references: `text:/nix/store/a:/nix/store/b`. */
export function typeWithRefs(type: string, refs: Iterable<string>, self = false): string {
  let t = type;
  for (const r of [...refs].sort()) t += `:${r}`;
  if (self) t += ":self";
  return t;
}

/** A text file in the store (`toFile`, `.drv`): hashed flat, with its references. */
export function makeTextPath(
  storeDir: string,
  name: string,
  contents: string,
  refs: Iterable<string>,
): string {
  return makeStorePath(storeDir, typeWithRefs("text", refs), hashBytes("sha256", contents), name);
}

/** A fixed-output path: recursive sha256 is a `source` path, anything else goes through `fixed:out:`. */
export function makeFixedOutputPath(
  storeDir: string,
  recursive: boolean,
  algo: HashAlgo,
  digest: Uint8Array,
  name: string,
): string {
  if (recursive && algo === "sha256") return makeStorePath(storeDir, "source", digest, name);
  const inner = `fixed:out:${recursive ? "r:" : ""}${algo}:${formatHash(algo, digest, "base16")}:`;
  return makeStorePath(storeDir, "output:out", hashBytes("sha256", inner), name);
}

/** The output path of an input-addressed derivation output. */
export function makeOutputPath(storeDir: string, output: string, drvHash: Uint8Array, name: string): string {
  return makeStorePath(storeDir, `output:${output}`, drvHash, output === "out" ? name : `${name}-${output}`);
}

const NAME_OK = /^[a-zA-Z0-9+\-._?=]*$/;

/** Checks a store path name as Nix does. */
export function checkName(name: string, span?: Span): void {
  if (name.length === 0 || name.length > 211 || !NAME_OK.test(name) || name.startsWith(".")) {
    throw new NixError("PSL2017", { message: `invalid store path name '${name}'` }, span);
  }
}

/** Adds a path to the store as a source (recursive sha256 of its NAR, optionally filtered). */
export function addPathToStore(
  ctx: EvalContext,
  path: string,
  name: string,
  filter: NarFilter | undefined,
  span: Span | undefined,
  recursive = true,
): string {
  const stored = ctx.storeFiles.get(path);
  if (stored !== undefined || path.startsWith(`${ctx.settings.storeDir}/`)) {
    // Already a store path: it stays what it is.
    const rest = path.slice(ctx.settings.storeDir.length + 1);
    if (!rest.includes("/")) return path;
  }
  checkName(name, span);
  const digest = recursive ? narHash(ctx.host, path, filter) : flatHash(ctx.host, path);
  if (typeof digest === "string") throw new NixError("PSL2013", { message: digest }, span);
  return makeFixedOutputPath(ctx.settings.storeDir, recursive, "sha256", digest, name);
}

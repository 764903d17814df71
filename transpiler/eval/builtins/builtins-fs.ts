/**
 * Builtins that read through the host: `import` (cached per path), `scopedImport`, `readFile`, `readDir`,
 * `readFileType`, `pathExists`, `hashFile`, `path`/`filterSource` (store paths from NAR hashes), search
 * path lookup (`<nixpkgs>` is `__findFile __nixPath "nixpkgs"`), `toFile`, `storePath`, `placeholder`.
 * Fetchers need the network and a real store: they are reported as unsupported, never faked.
 */
import { bytesToText, textToBytes } from "../../nix/bytes.js";
import { baseOfPath, canonPath, dirOfPath } from "../../nix/canon-path.js";
import { staticEnv } from "../../nix/scope.js";
import { coerceToString, forceString, PLAIN, stringNoContext } from "../coerce.js";
import type { EvalContext } from "../context.js";
import { evalError, NixError, typeError } from "../errors.js";
import { formatHash, hashBytes, isHashAlgo, parseHash, toNix32 } from "../store/hash.js";
import { addPathToStore, makeFixedOutputPath, makeTextPath } from "../store/store-paths.js";
import {
  type Attr,
  type Effect,
  Env,
  forceRequest,
  mkString,
  NixAttrs,
  NixPath,
  peek,
  type Slot,
  Thunk,
  type Value,
} from "../value.js";
import { ALL, asAttrs, asList, type BuiltinDef, def } from "./define.js";

/** Nix's `coerceToPath`: a path, or a string holding an absolute path. */
export function* coerceToPath(slot: Slot, ctx: EvalContext, context: Set<string>): Effect<string> {
  const v = peek(slot) ?? ((yield forceRequest(slot)) as Value);
  if (v instanceof NixPath) return v.path;
  const s = yield* coerceToString(v, ctx, PLAIN, context, undefined);
  if (s === "" || s[0] !== "/") throw evalError(`string '${s}' doesn't represent an absolute path`);
  return canonPath(s);
}

function fileType(ctx: EvalContext, p: string): string | undefined {
  return ctx.storeFiles.has(p) ? "regular" : ctx.host.pathType(bytesToText(p));
}

/** Resolves symlinks in the directories above a path (not the last component), as Nix does. */
function resolveAncestors(ctx: EvalContext, p: string): string {
  if (ctx.storeFiles.has(p)) return p;
  const parts = p.split("/").filter((x) => x !== "");
  let cur = "";
  let hops = 0;
  for (let i = 0; i < parts.length - 1; i++) {
    cur = `${cur}/${parts[i]}`;
    while (ctx.host.pathType(bytesToText(cur)) === "symlink") {
      if (++hops > 64) throw evalError(`too many symbolic links at '${p}'`);
      const target = ctx.host.readLink(bytesToText(cur));
      if (target === undefined) break;
      const t = textToBytes(target);
      cur = t.startsWith("/") ? canonPath(t) : canonPath(t, dirOfPath(cur));
    }
  }
  return parts.length === 0 ? "/" : `${cur}/${parts[parts.length - 1]}`;
}

/** Resolves symlinks along the whole path (reading a file or importing it follows links). */
function resolve(ctx: EvalContext, p: string): string {
  let path = resolveAncestors(ctx, p);
  for (let n = 0; n < 64; n++) {
    if (ctx.host.pathType(bytesToText(path)) !== "symlink") return path;
    const target = ctx.host.readLink(bytesToText(path));
    if (target === undefined) return path;
    const t = textToBytes(target);
    path = resolveAncestors(ctx, t.startsWith("/") ? canonPath(t) : canonPath(t, dirOfPath(path)));
  }
  throw evalError(`too many symbolic links at '${p}'`);
}

function unsupported(name: string, reason: string): BuiltinDef {
  return def(
    name,
    1,
    0,
    () => {
      throw new NixError("PSL2018", { name, reason }, undefined);
    },
    name === "fetchTarball" || name === "fetchGit" || name === "fetchMercurial" || name === "fetchTree",
  );
}

/** Files Nix itself provides under `<nix/…>`. */
const CORE_FILES: Readonly<Record<string, string>> = {
  "nix/fetchurl.nix": `{ url, sha256 ? "", name ? baseNameOf (toString url), executable ? false, unpack ? false, ... }:
derivation {
  builder = "builtin:fetchurl";
  system = "builtin";
  inherit name url executable unpack;
  outputHashMode = if unpack || executable then "recursive" else "flat";
  outputHashAlgo = "sha256";
  outputHash = sha256;
  preferLocalBuild = true;
  impureEnvVars = [ "http_proxy" "https_proxy" "ftp_proxy" "all_proxy" "no_proxy" ];
  urls = [ url ];
}
`,
};

/** `__findFile`: looks a `<name>` up in the search path. */
function* findFile(ctx: EvalContext, pathList: Slot[], name: string): Effect<Value> {
  for (const el of pathList) {
    const e = peek(el) ?? ((yield forceRequest(el)) as Value);
    if (!(e instanceof NixAttrs)) throw typeError("a set", e);
    const pSlot = e.get("path");
    if (pSlot === undefined) throw new NixError("PSL2006", { name: "path" }, undefined);
    const prefix = stringNoContext(
      peek(e.get("prefix") ?? "") ?? ((yield forceRequest(e.get("prefix") ?? "")) as Value),
    );
    const root = yield* coerceToString(pSlot, ctx, PLAIN, new Set(), undefined);
    let rest: string;
    if (prefix === "") rest = `/${name}`;
    else if (name === prefix) rest = "";
    else if (name.startsWith(`${prefix}/`)) rest = name.slice(prefix.length);
    else continue;
    const candidate = canonPath(root + rest);
    if (fileType(ctx, candidate) !== undefined) return new NixPath(candidate);
  }
  const core = CORE_FILES[name];
  if (core !== undefined) {
    const p = `/__corepkgs__/${name}`;
    ctx.storeFiles.set(p, core);
    return new NixPath(p);
  }
  const err = evalError(`file '${name}' was not found in the Nix search path (add it using $NIX_PATH or -I)`);
  err.catchable = true;
  throw err;
}

/** The `builtins.path` / `filterSource` implementation (filters call back into Nix, one level deep). */
function* storePathOf(
  ctx: EvalContext,
  path: string,
  name: string,
  filter: Slot | undefined,
  recursive: boolean,
  expected: string | undefined,
): Effect<Value> {
  const resolved = resolve(ctx, path);
  if (fileType(ctx, resolved) === undefined)
    throw new NixError("PSL2013", { message: `path '${path}' does not exist` }, undefined);
  const f = filter;
  const narFilter =
    f === undefined
      ? undefined
      : (p: string, type: string) => {
          const r = ctx.machine.callFunction(f, [p, type]);
          if (typeof r !== "boolean") throw typeError("a Boolean", r);
          return r;
        };
  let out: string;
  if (expected !== undefined) {
    const h = parseHash(expected, "sha256");
    if (!h) throw evalError(`invalid hash '${expected}'`);
    out = makeFixedOutputPath(ctx.settings.storeDir, recursive, h.algo, h.hash, name);
  } else out = addPathToStore(ctx, resolved, name, narFilter, undefined, recursive);
  return mkString(out, new Set([out]));
}

export const FS_BUILTINS: readonly BuiltinDef[] = [
  def(
    "import",
    1,
    0,
    function* (a, m) {
      const p = yield* coerceToPath(a[0] as Slot, m.ctx, new Set());
      return peek(m.ctx.importFile(p)) ?? ((yield forceRequest(m.ctx.importFile(p))) as Value);
    },
    true,
  ),
  def(
    "scopedImport",
    2,
    1,
    function* (a, m) {
      const scope = asAttrs(a[0] as Value);
      const p = resolve(m.ctx, yield* coerceToPath(a[1] as Slot, m.ctx, new Set()));
      const file = fileType(m.ctx, p) === "directory" ? `${p}/default.nix` : p;
      const text = bytesToText(m.ctx.readFileBytes(file));
      const names = [...scope.keys()];
      const ctx = m.ctx;
      const expr = ctx.parseWith(
        text,
        bytesToText(file),
        bytesToText(dirOfPath(file)),
        staticEnv(names, ctx.staticBase),
      );
      const env = new Env(
        ctx.baseEnv,
        names.map((n) => scope.get(n) as Slot),
      );
      return peek(Thunk.expr(expr, env)) ?? ((yield forceRequest(Thunk.expr(expr, env))) as Value);
    },
    true,
  ),
  def("readFile", 1, 0, function* (a, m) {
    const context = new Set<string>();
    const p = resolve(m.ctx, yield* coerceToPath(a[0] as Slot, m.ctx, context));
    const s = m.ctx.readFileBytes(p);
    if (s.includes("\0"))
      throw evalError(`the contents of the file '${p}' cannot be represented as a Nix string`);
    return mkString(s, context);
  }),
  def("readDir", 1, 0, function* (a, m) {
    const p = resolve(m.ctx, yield* coerceToPath(a[0] as Slot, m.ctx, new Set()));
    const type = fileType(m.ctx, p);
    if (type === undefined)
      throw new NixError("PSL2013", { message: `path '${p}' does not exist` }, undefined);
    const entries = m.ctx.host.readDir(bytesToText(p));
    if (entries === undefined)
      throw new NixError("PSL2013", { message: `cannot read directory '${p}'` }, undefined);
    const out = new Map<string, Attr>();
    for (const e of entries) out.set(textToBytes(e.name), { value: e.type, pos: undefined });
    return new NixAttrs(out);
  }),
  def("readFileType", 1, 0, function* (a, m) {
    const p = resolveAncestors(m.ctx, yield* coerceToPath(a[0] as Slot, m.ctx, new Set()));
    const type = fileType(m.ctx, p);
    if (type === undefined)
      throw new NixError("PSL2013", { message: `path '${p}' does not exist` }, undefined);
    return type;
  }),
  def("pathExists", 1, 0, function* (a, m) {
    const v = peek(a[0] as Slot) ?? ((yield forceRequest(a[0] as Slot)) as Value);
    let p: string;
    let mustBeDir = false;
    if (v instanceof NixPath) p = v.path;
    else {
      const s = yield* coerceToString(v, m.ctx, PLAIN, new Set(), undefined);
      if (s === "" || s[0] !== "/") throw evalError(`string '${s}' doesn't represent an absolute path`);
      mustBeDir = s.endsWith("/") || s.endsWith("/.");
      p = canonPath(s);
    }
    const q = resolveAncestors(m.ctx, p);
    let t = fileType(m.ctx, q);
    if (mustBeDir && t === "symlink") t = fileType(m.ctx, resolve(m.ctx, q));
    return t !== undefined && (!mustBeDir || t === "directory");
  }),
  def("toPath", 1, 0, function* (a, m) {
    const context = new Set<string>();
    return mkString(yield* coerceToPath(a[0] as Slot, m.ctx, context), context);
  }),
  def("hashFile", 2, 1, function* (a, m) {
    const algo = stringNoContext(a[0] as Value);
    if (!isHashAlgo(algo)) throw evalError(`unknown hash algorithm '${algo}'`);
    const p = resolve(m.ctx, yield* coerceToPath(a[1] as Slot, m.ctx, new Set()));
    return formatHash(algo, hashBytes(algo, m.ctx.readFileBytes(p)), "base16");
  }),
  def("findFile", 2, ALL, function* (a, m) {
    return yield* findFile(m.ctx, asList(a[0] as Value), stringNoContext(a[1] as Value));
  }),
  def("path", 1, 1, function* (a, m) {
    const spec = asAttrs(a[0] as Value);
    let path: string | undefined;
    let name: string | undefined;
    let filter: Slot | undefined;
    let recursive = true;
    let sha256: string | undefined;
    for (const k of spec.keys()) {
      const s = spec.get(k) as Slot;
      if (k === "path") path = yield* coerceToPath(s, m.ctx, new Set());
      else if (k === "name") name = stringNoContext(peek(s) ?? ((yield forceRequest(s)) as Value));
      else if (k === "filter") filter = s;
      else if (k === "recursive") recursive = (peek(s) ?? ((yield forceRequest(s)) as Value)) === true;
      else if (k === "sha256") sha256 = stringNoContext(peek(s) ?? ((yield forceRequest(s)) as Value));
      else throw evalError(`unsupported argument '${k}' to 'builtins.path'`);
    }
    if (path === undefined)
      throw evalError("missing required 'path' attribute in the first argument to 'builtins.path'");
    return yield* storePathOf(m.ctx, path, name ?? baseOfPath(path), filter, recursive, sha256);
  }),
  def("filterSource", 2, 0, function* (a, m) {
    const path = yield* coerceToPath(a[1] as Slot, m.ctx, new Set());
    return yield* storePathOf(m.ctx, path, baseOfPath(path), a[0] as Slot, true, undefined);
  }),
  def("toFile", 2, ALL, function* (a, m) {
    const name = stringNoContext(a[0] as Value);
    const context = new Set<string>();
    const contents = yield* forceString(a[1] as Slot, context);
    const refs = new Set<string>();
    for (const c of context) {
      if (c.startsWith("=") || c.startsWith("!")) {
        throw evalError(
          `files created by builtins.toFile may not reference derivations, but '${name}' references '${c}'`,
        );
      }
      refs.add(c);
    }
    const path = makeTextPath(m.ctx.settings.storeDir, name, contents, refs);
    m.ctx.storeFiles.set(path, contents);
    return mkString(path, new Set([path]));
  }),
  def("storePath", 1, 0, function* (a, m) {
    const context = new Set<string>();
    const p = yield* coerceToPath(a[0] as Slot, m.ctx, context);
    const dir = `${m.ctx.settings.storeDir}/`;
    if (!p.startsWith(dir)) throw evalError(`path '${p}' is not in the Nix store`);
    const base = p.slice(0, dir.length + p.slice(dir.length).split("/")[0]!.length);
    context.add(base);
    return mkString(p, context);
  }),
  def(
    "placeholder",
    1,
    1,
    (a) => `/${toNix32(hashBytes("sha256", `nix-output:${stringNoContext(a[0] as Value)}`))}`,
    true,
  ),
  unsupported("fetchurl", "it downloads; psl evaluates without network or store"),
  unsupported("fetchTarball", "it downloads; psl evaluates without network or store"),
  unsupported("fetchGit", "it fetches a repository; psl evaluates without network or store"),
  unsupported("fetchMercurial", "it fetches a repository; psl evaluates without network or store"),
  unsupported("fetchTree", "it fetches; psl evaluates without network or store"),
  unsupported("fetchClosure", "it needs a binary cache"),
  unsupported("exec", "it runs programs (allow-unsafe-native-code-during-evaluation)"),
  unsupported("importNative", "it loads native code"),
];

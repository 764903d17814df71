/**
 * The Nix archive (NAR) serialisation of a path, hashed as it is produced: `nix-archive-1`, then each
 * node as `( type regular [executable ""] contents <bytes> )`, `( type symlink target <t> )` or
 * `( type directory entry ( name <n> node <…> ) … )` with entries sorted by name; every string is a
 * little-endian 64-bit length, the bytes, and zero padding to eight. The store path of a source (`"${./x}"`,
 * `builtins.path`) is derived from this hash.
 */
import { createHash, type Hash } from "node:crypto";
import { arrayOfBytes, bytesToText, textToBytes } from "../../nix/bytes.js";
import type { EvalHost } from "../host.js";

/** Decides whether a path (and, for directories, everything under it) is included. */
export type NarFilter = (path: string, type: "regular" | "directory" | "symlink" | "unknown") => boolean;

const PAD = new Uint8Array(8);

function writeStr(h: Hash, bytes: Uint8Array): void {
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(bytes.length));
  h.update(len);
  h.update(bytes);
  const pad = (8 - (bytes.length % 8)) % 8;
  if (pad) h.update(PAD.subarray(0, pad));
}

function tok(h: Hash, s: string): void {
  writeStr(h, arrayOfBytes(s));
}

/** The sha256 of the NAR of `path` (a byte-string path), or an error message. */
export function narHash(host: EvalHost, path: string, filter?: NarFilter): Uint8Array | string {
  const h = createHash("sha256");
  tok(h, "nix-archive-1");
  const err = dump(host, h, path, filter);
  if (err !== undefined) return err;
  return new Uint8Array(h.digest());
}

/** The sha256 of the flat contents of a file. */
export function flatHash(host: EvalHost, path: string): Uint8Array | string {
  const data = host.readFile(bytesToText(path));
  if (data === undefined) return `path '${path}' does not exist`;
  return new Uint8Array(createHash("sha256").update(data).digest());
}

function dump(host: EvalHost, h: Hash, path: string, filter?: NarFilter): string | undefined {
  // An explicit stack: ["open" path] starts a node, a string item is a token to write.
  type Item = { path: string } | string;
  const stack: Item[] = [{ path }];
  while (stack.length > 0) {
    const item = stack.pop() as Item;
    if (typeof item === "string") {
      tok(h, item);
      continue;
    }
    const p = item.path;
    const text = bytesToText(p);
    const type = host.pathType(text);
    if (type === undefined) return `path '${p}' does not exist`;
    tok(h, "(");
    if (type === "regular") {
      tok(h, "type");
      tok(h, "regular");
      if (host.isExecutable?.(text)) {
        tok(h, "executable");
        tok(h, "");
      }
      tok(h, "contents");
      const data = host.readFile(text);
      if (data === undefined) return `cannot read '${p}'`;
      writeStr(h, data);
      tok(h, ")");
    } else if (type === "symlink") {
      tok(h, "type");
      tok(h, "symlink");
      tok(h, "target");
      tok(h, textToBytes(host.readLink(text) ?? ""));
      tok(h, ")");
    } else if (type === "directory") {
      tok(h, "type");
      tok(h, "directory");
      const entries = [...(host.readDir(text) ?? [])]
        .map((e) => ({ name: textToBytes(e.name), type: e.type }))
        .filter((e) => !filter || filter(`${p === "/" ? "" : p}/${e.name}`, e.type))
        .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const items: Item[] = [];
      for (const e of entries) {
        items.push("entry", "(", "name", e.name, "node", { path: `${p === "/" ? "" : p}/${e.name}` }, ")");
      }
      items.push(")");
      for (let i = items.length - 1; i >= 0; i--) stack.push(items[i] as Item);
    } else return `file '${p}' has an unsupported type`;
  }
  return undefined;
}

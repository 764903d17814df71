/**
 * Fake but stable Nix store paths, for values psl has to invent where NixOS would have built something
 * (job scripts, text files). Same name and content give the same path on every machine; the hash part uses
 * Nix's own base-32 alphabet so the paths look and sort like real ones.
 */
import { createHash } from "node:crypto";

const NIX_BASE32 = "0123456789abcdfghijklmnpqrsvwxyz";

/** Nix's base-32 encoding of a byte string (least significant bits first, as Nix prints it). */
export function nixBase32(bytes: Uint8Array): string {
  const len = Math.ceil((bytes.length * 8) / 5);
  let out = "";
  for (let n = len - 1; n >= 0; n--) {
    const b = n * 5;
    const i = Math.floor(b / 8);
    const j = b % 8;
    const c = ((bytes[i] ?? 0) >> j) | (j > 3 ? ((bytes[i + 1] ?? 0) << (8 - j)) & 0xff : 0);
    out += NIX_BASE32[c & 0x1f];
  }
  return out;
}

/** `/nix/store/<32 chars>-<name>`, derived from `name` and `content`. */
export function fakeStorePath(name: string, content: string): string {
  const digest = createHash("sha256").update(`psl-fake-store\0${name}\0${content}`).digest();
  return `/nix/store/${nixBase32(digest.subarray(0, 20))}-${name}`;
}

const STORE_PATH = /^\/nix\/store\/[0-9a-df-np-sv-z]{32}-[^/]+/;

/** The store path a path string starts with, if any. */
export function storePathPrefix(path: string): string | undefined {
  return STORE_PATH.exec(path)?.[0];
}

/** The name part of a store path (`/nix/store/<hash>-coreutils-9.1` → `coreutils-9.1`). */
export function storePathName(storePath: string): string {
  const base = storePath.slice("/nix/store/".length);
  return base.slice(33);
}

/** NixOS's job-script file name for a unit hook: `\` → `-`, `@` → `_` (systemd-lib.nix makeJobScript). */
export function jobScriptName(unitStem: string, hook: string): string {
  return `${unitStem}-${hook}`.replaceAll("\\", "--").replaceAll("@", "_");
}

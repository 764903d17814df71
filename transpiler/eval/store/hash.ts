/**
 * Hashes as Nix uses them: md5, sha1, sha256 and sha512 over byte strings, and their textual forms
 * (base16, Nix's base32 — "nix32" — base64, and SRI `algo-base64`). Parsing accepts every form Nix
 * accepts, telling them apart by length as Nix does.
 */
import { createHash } from "node:crypto";
import { arrayOfBytes } from "../../nix/bytes.js";

export type HashAlgo = "md5" | "sha1" | "sha256" | "sha512";
export type HashFormat = "base16" | "nix32" | "base32" | "base64" | "sri";

export const HASH_SIZE: Readonly<Record<HashAlgo, number>> = { md5: 16, sha1: 20, sha256: 32, sha512: 64 };

const NIX32 = "0123456789abcdfghijklmnpqrsvwxyz";

export function isHashAlgo(s: string): s is HashAlgo {
  return s === "md5" || s === "sha1" || s === "sha256" || s === "sha512";
}

/** The digest of a byte string. */
export function hashBytes(algo: HashAlgo, bytes: string | Uint8Array): Uint8Array {
  const h = createHash(algo);
  h.update(typeof bytes === "string" ? arrayOfBytes(bytes) : bytes);
  return new Uint8Array(h.digest());
}

export function toBase16(h: Uint8Array): string {
  let s = "";
  for (const b of h) s += b.toString(16).padStart(2, "0");
  return s;
}

export function toNix32(h: Uint8Array): string {
  if (h.length === 0) return "";
  const len = Math.floor((h.length * 8 - 1) / 5) + 1;
  let s = "";
  for (let n = len - 1; n >= 0; n--) {
    const b = n * 5;
    const i = Math.floor(b / 8);
    const j = b % 8;
    const lo = (h[i] ?? 0) >> j;
    const hi = i >= h.length - 1 ? 0 : ((h[i + 1] ?? 0) << (8 - j)) & 0xff;
    s += NIX32[(lo | hi) & 0x1f];
  }
  return s;
}

export function toBase64(h: Uint8Array): string {
  return Buffer.from(h).toString("base64");
}

/** XOR-folds a digest to `size` bytes (store path hashes are 20 bytes). */
export function compressHash(h: Uint8Array, size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let i = 0; i < h.length; i++) out[i % size] = (out[i % size] ?? 0) ^ (h[i] ?? 0);
  return out;
}

export function formatHash(algo: HashAlgo, h: Uint8Array, format: HashFormat): string {
  switch (format) {
    case "base16":
      return toBase16(h);
    case "nix32":
    case "base32":
      return toNix32(h);
    case "base64":
      return toBase64(h);
    case "sri":
      return `${algo}-${toBase64(h)}`;
  }
}

function fromNix32(s: string, size: number): Uint8Array | undefined {
  const out = new Uint8Array(size);
  for (let n = 0; n < s.length; n++) {
    const c = s[s.length - n - 1] as string;
    const digit = NIX32.indexOf(c);
    if (digit < 0) return undefined;
    const b = n * 5;
    const i = Math.floor(b / 8);
    const j = b % 8;
    out[i] = (out[i] ?? 0) | ((digit << j) & 0xff);
    const carry = digit >> (8 - j);
    if (i + 1 < size) out[i + 1] = (out[i + 1] ?? 0) | carry;
    else if (carry) return undefined;
  }
  return out;
}

/**
 * Parses a hash in any of Nix's forms: `algo:rest`, SRI `algo-base64`, or a bare digest when `algo` is
 * known. Returns undefined when it does not parse.
 */
export function parseHash(
  text: string,
  algo: HashAlgo | undefined,
): { algo: HashAlgo; hash: Uint8Array } | undefined {
  let a = algo;
  let rest = text;
  const colon = text.indexOf(":");
  const dash = text.indexOf("-");
  let sri = false;
  if (colon > 0 && isHashAlgo(text.slice(0, colon))) {
    a = text.slice(0, colon) as HashAlgo;
    rest = text.slice(colon + 1);
  } else if (dash > 0 && isHashAlgo(text.slice(0, dash))) {
    a = text.slice(0, dash) as HashAlgo;
    rest = text.slice(dash + 1);
    sri = true;
  }
  if (a === undefined) return undefined;
  const size = HASH_SIZE[a];
  if (!sri && rest.length === size * 2 && /^[0-9a-fA-F]*$/.test(rest)) {
    const out = new Uint8Array(size);
    for (let i = 0; i < size; i++) out[i] = Number.parseInt(rest.slice(i * 2, i * 2 + 2), 16);
    return { algo: a, hash: out };
  }
  if (!sri && rest.length === Math.floor((size * 8 - 1) / 5) + 1) {
    const h = fromNix32(rest, size);
    return h ? { algo: a, hash: h } : undefined;
  }
  const b64 = Buffer.from(rest, "base64");
  if (b64.length === size && Buffer.from(b64).toString("base64") === rest)
    return { algo: a, hash: new Uint8Array(b64) };
  return undefined;
}

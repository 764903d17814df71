/**
 * Content hashes that key the image cache. A key covers everything that changes the bytes of the result:
 * the builder's version, the base (suite, variant, mirror, tool packages), the recipe's packages, hook
 * script bytes, PID-1 command, stop signal and labels. Same key → same image, so a present image is reused.
 */
import { createHash } from "node:crypto";

/** Bump when the build procedure itself changes in a way that changes images. */
export const BUILDER_VERSION = "psl-image-builder/1";

export function contentHash(parts: readonly string[]): string {
  const h = createHash("sha256");
  for (const p of parts) {
    h.update(String(p.length));
    h.update(":");
    h.update(p);
  }
  return h.digest("hex");
}

/** The first 12 hex digits: image tags and directory names. */
export function shortHash(hash: string): string {
  return hash.slice(0, 12);
}

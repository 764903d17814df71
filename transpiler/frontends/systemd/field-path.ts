/** Reading and writing dotted field paths (`process.limits.nofile`) on loose objects, and JSON pointers. */

type Loose = Record<string, unknown>;

export function getField(obj: Loose, path: string): unknown {
  let cur: unknown = obj;
  for (const seg of path.split(".")) {
    if (typeof cur !== "object" || cur === null) return undefined;
    cur = (cur as Loose)[seg];
  }
  return cur;
}

/** Sets (or, for `undefined`, deletes) a field, creating parent objects as needed. */
export function setField(obj: Loose, path: string, value: unknown): void {
  const segs = path.split(".");
  let cur = obj;
  for (const seg of segs.slice(0, -1)) {
    const next = cur[seg];
    if (typeof next !== "object" || next === null) {
      if (value === undefined) return;
      cur[seg] = {};
    }
    cur = cur[seg] as Loose;
  }
  const last = segs[segs.length - 1] as string;
  if (value === undefined) delete cur[last];
  else cur[last] = value;
}

/** Escapes one JSON-pointer segment (RFC 6901). */
export function escapePointerSegment(s: string): string {
  return s.replaceAll("~", "~0").replaceAll("/", "~1");
}

/** `process.start` + [0] → `/process/start/0`. */
export function pointerOf(path: string, ...more: (string | number)[]): string {
  return `/${[...path.split("."), ...more.map(String)].map(escapePointerSegment).join("/")}`;
}

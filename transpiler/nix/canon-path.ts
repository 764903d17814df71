/**
 * Nix's canonical path form: absolute, `.` and empty segments dropped, `..` applied lexically (never
 * above `/`), no trailing slash. Path literals are canonicalised at parse time against their file's
 * directory; path values are canonicalised again when strings are appended to them.
 */

/** The canonical form of `path`, resolved against the absolute directory `base` when relative. */
export function canonPath(path: string, base = "/"): string {
  const full = path.startsWith("/") ? path : `${base}/${path}`;
  const out: string[] = [];
  for (const seg of full.split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return `/${out.join("/")}`;
}

/** The directory part of a canonical path (`/a/b` → `/a`, `/a` → `/`). */
export function dirOfPath(path: string): string {
  const i = path.lastIndexOf("/");
  if (i <= 0) return "/";
  return path.slice(0, i);
}

/** The last segment of a path (`/a/b` → `b`; `/` → empty). */
export function baseOfPath(path: string): string {
  return path.slice(path.lastIndexOf("/") + 1);
}

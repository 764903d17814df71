/**
 * `parseFlakeRef` and `flakeRefToString` for the forge shorthands (`github:`, `gitlab:`, `sourcehut:`):
 * `type:owner/repo[/ref-or-rev][?key=value&…]` ↔ `{ type; owner; repo; ref|rev; … }`. Other flake
 * reference types need fetchers and are reported as unsupported.
 */
import { stringNoContext } from "../coerce.js";
import { evalError, NixError } from "../errors.js";
import { type Attr, forceRequest, NixAttrs, peek, type Slot, type Value } from "../value.js";
import { type BuiltinDef, def } from "./define.js";

const FORGES = new Set(["github", "gitlab", "sourcehut"]);

function unsupported(ref: string): NixError {
  return new NixError(
    "PSL2018",
    { name: "parseFlakeRef", reason: `flake reference '${ref}' is not a forge shorthand` },
    undefined,
  );
}

export const FLAKE_BUILTINS: readonly BuiltinDef[] = [
  def("parseFlakeRef", 1, 1, (a) => {
    const ref = stringNoContext(a[0] as Value);
    const m = /^([a-z]+):([^/?]+)\/([^/?]+)(?:\/([^?]+))?(?:\?(.*))?$/.exec(ref);
    if (!m || !FORGES.has(m[1] as string)) throw unsupported(ref);
    const out = new Map<string, Attr>();
    const set = (k: string, v: Slot) => out.set(k, { value: v, pos: undefined });
    set("type", m[1] as string);
    set("owner", m[2] as string);
    set("repo", m[3] as string);
    if (m[4] !== undefined) set(/^[0-9a-f]{40}$/.test(m[4]) ? "rev" : "ref", m[4]);
    for (const kv of (m[5] ?? "").split("&")) {
      if (kv === "") continue;
      const eq = kv.indexOf("=");
      set(
        decodeURIComponent(eq < 0 ? kv : kv.slice(0, eq)),
        decodeURIComponent(eq < 0 ? "" : kv.slice(eq + 1)),
      );
    }
    return new NixAttrs(out);
  }),
  def("flakeRefToString", 1, 1, function* (a) {
    const attrs = a[0] as Value;
    if (!(attrs instanceof NixAttrs)) throw evalError("expected a set");
    const fields = new Map<string, string>();
    for (const k of attrs.keys()) {
      const v = peek(attrs.get(k) as Slot) ?? ((yield forceRequest(attrs.get(k) as Slot)) as Value);
      if (typeof v === "number" || typeof v === "bigint") {
        if (v < 0) throw evalError(`negative value given for flake ref attr ${k}: ${String(v)}`);
        fields.set(k, String(v));
      } else if (typeof v === "boolean") fields.set(k, v ? "1" : "0");
      else fields.set(k, stringNoContext(v));
    }
    const type = fields.get("type") ?? "";
    if (!FORGES.has(type)) throw evalError(`flake reference type '${type}' is not supported by psl`);
    let s = `${type}:${fields.get("owner") ?? ""}/${fields.get("repo") ?? ""}`;
    const rr = fields.get("rev") ?? fields.get("ref");
    if (rr !== undefined) s += `/${rr}`;
    const params = [...fields.keys()]
      .filter((k) => !["type", "owner", "repo", "ref", "rev"].includes(k))
      .sort()
      .map((k) => `${k}=${fields.get(k)}`);
    return params.length > 0 ? `${s}?${params.join("&")}` : s;
  }),
];

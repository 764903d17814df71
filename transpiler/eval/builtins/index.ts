/**
 * The builtins table: every definition from the `builtins-*.ts` modules, the constants, `builtins`
 * itself, and `derivation` (written in Nix on top of `derivationStrict`, as in Nix). The base environment
 * sees `builtins`, the constants, the global builtins by their plain name, and every builtin as `__name`.
 */
import { textToBytes } from "../../nix/bytes.js";
import type { EvalContext } from "../context.js";
import { DERIVATION_NIX } from "../store/derivation.js";
import { type Attr, attrsOf, forceRequest, NixAttrs, peek, type Slot, Thunk, type Value } from "../value.js";
import { ARITH_BUILTINS } from "./builtins-arith.js";
import { ATTR_BUILTINS } from "./builtins-attrs.js";
import { CONTEXT_BUILTINS } from "./builtins-context.js";
import { CONTROL_BUILTINS } from "./builtins-control.js";
import { FLAKE_BUILTINS } from "./builtins-flake.js";
import { FS_BUILTINS } from "./builtins-fs.js";
import { LIST_BUILTINS } from "./builtins-lists.js";
import { STRING_BUILTINS } from "./builtins-strings.js";
import { TYPE_BUILTINS } from "./builtins-types.js";
import { type BuiltinDef, toPrimOp } from "./define.js";

export const ALL_BUILTINS: readonly BuiltinDef[] = [
  ...TYPE_BUILTINS,
  ...ARITH_BUILTINS,
  ...LIST_BUILTINS,
  ...ATTR_BUILTINS,
  ...STRING_BUILTINS,
  ...CONTROL_BUILTINS,
  ...CONTEXT_BUILTINS,
  ...FS_BUILTINS,
  ...FLAKE_BUILTINS,
];

/** Names visible in the base environment, and the `builtins` set. */
export function createBuiltins(ctx: EvalContext): { globals: Map<string, Slot>; builtins: NixAttrs } {
  const entries = new Map<string, Attr>();
  const globals = new Map<string, Slot>();
  const add = (name: string, value: Slot, global: boolean) => {
    entries.set(name, { value, pos: undefined });
    globals.set(global ? name : `__${name}`, value);
  };
  for (const d of ALL_BUILTINS) add(d.name, toPrimOp(d), d.global === true);
  const s = ctx.settings;
  const nixPath = s.nixPath.map((e) => attrsOf({ path: textToBytes(e.path), prefix: textToBytes(e.prefix) }));
  add("currentSystem", s.currentSystem, false);
  add("currentTime", s.currentTime, false);
  add("nixVersion", s.nixVersion, false);
  add("langVersion", 6, false);
  add("storeDir", s.storeDir, false);
  add("nixPath", nixPath, false);
  add("true", true, true);
  add("false", false, true);
  add("null", null, true);
  const derivation = Thunk.native(function* () {
    const expr = ctx.parse(DERIVATION_NIX, "«derivation»", "/");
    return (
      peek(Thunk.expr(expr, ctx.baseEnv)) ?? ((yield forceRequest(Thunk.expr(expr, ctx.baseEnv))) as Value)
    );
  });
  add("derivation", derivation, true);
  const builtins = new NixAttrs(entries);
  entries.set("builtins", { value: builtins, pos: undefined });
  globals.set("builtins", builtins);
  return { globals, builtins };
}

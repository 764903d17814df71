/** Type predicates and `typeOf`. */
import {
  isFunction,
  isString,
  NixAttrs,
  NixFloat,
  NixPath,
  typeOf as nixTypeOf,
  type Value,
} from "../value.js";
import { type BuiltinDef, def } from "./define.js";

const is = (name: string, test: (v: Value) => boolean, global = false): BuiltinDef =>
  def(name, 1, 1, (args) => test(args[0] as Value), global);

export const TYPE_BUILTINS: readonly BuiltinDef[] = [
  is("isAttrs", (v) => v instanceof NixAttrs),
  is("isBool", (v) => typeof v === "boolean"),
  is("isFloat", (v) => v instanceof NixFloat),
  is("isFunction", (v) => isFunction(v)),
  is("isInt", (v) => typeof v === "number" || typeof v === "bigint"),
  is("isList", (v) => Array.isArray(v)),
  is("isNull", (v) => v === null, true),
  is("isPath", (v) => v instanceof NixPath),
  is("isString", (v) => isString(v)),
  def("typeOf", 1, 1, (args) => nixTypeOf(args[0] as Value)),
];

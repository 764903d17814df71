# psl's bundled Nix lib: small general helpers (lib.trivial and the names it lifts to lib.*).
# Written for psl; same public behaviour as nixpkgs' lib.trivial for what service modules use.
{ lib }:
let
  inherit (builtins) isFunction isAttrs functionArgs;
in
{
  id = x: x;
  const = x: _: x;
  flip = f: a: b: f b a;
  pipe = value: fns: builtins.foldl' (acc: f: f acc) value fns;
  concat = a: b: a ++ b;
  "or" = a: b: a || b;
  "and" = a: b: a && b;
  xor = a: b: a != b;
  bitAnd = builtins.bitAnd;
  bitOr = builtins.bitOr;
  bitXor = builtins.bitXor;
  bitNot = builtins.sub (-1);
  boolToString = b: if b then "true" else "false";
  boolToYesNo = b: if b then "yes" else "no";
  mergeAttrs = a: b: a // b;
  defaultTo = default: v: if v == null then default else v;
  mapNullable = f: v: if v == null then null else f v;
  min = a: b: if a < b then a else b;
  max = a: b: if a > b then a else b;
  mod = base: int: base - (int * (builtins.div base int));
  compare = a: b: if a < b then -1 else if a > b then 1 else 0;
  splitByAndCompare =
    p: yes: no: a: b:
    if p a then
      (if p b then yes a b else -1)
    else if p b then
      1
    else
      no a b;
  inherit (builtins)
    add
    sub
    mul
    div
    lessThan
    seq
    deepSeq
    typeOf
    isInt
    isBool
    isString
    isList
    isAttrs
    isFloat
    isPath
    toJSON
    fromJSON
    fromTOML
    tryEval
    trace
    addErrorContext
    unsafeGetAttrPos
    genericClosure
    ceil
    floor
    ;
  warn = msg: v: builtins.trace "evaluation warning: ${msg}" v;
  warnIf = cond: msg: if cond then lib.warn msg else x: x;
  warnIfNot = cond: msg: if cond then x: x else lib.warn msg;
  throwIf = cond: msg: if cond then throw msg else x: x;
  throwIfNot = cond: msg: if cond then x: x else throw msg;
  info = msg: builtins.trace "INFO: ${msg}";
  setFunctionArgs = f: args: {
    __functor = _: f;
    __functionArgs = args;
  };
  # The arguments of a function, or of a functor (which may declare them in __functionArgs).
  functionArgs = f: if f ? __functor then f.__functionArgs or (lib.functionArgs (f.__functor f)) else functionArgs f;
  isFunction = f: isFunction f || (f ? __functor && lib.isFunction (f.__functor f));
  toFunction = v: if lib.isFunction v then v else _: v;
  mirrorFunctionArgs =
    f:
    let
      fArgs = lib.functionArgs f;
    in
    g: lib.setFunctionArgs g fArgs;
  isInOldestRelease = _: true;
  oldestSupportedReleaseIsAtLeast = _: true;
  release = "26.11";
  version = "26.11-psl";
  versionSuffix = "-psl";
  codeName = "psl";
  inPureEvalMode = !(builtins ? currentSystem);
  toHexString =
    i: builtins.concatStringsSep "" (map (d: builtins.substring d 1 "0123456789ABCDEF") (lib.toBaseDigits 16 i));
  toBaseDigits =
    base: i:
    let
      go = n: if n < base then [ n ] else go (builtins.div n base) ++ [ (n - base * builtins.div n base) ];
    in
    assert base >= 2;
    assert i >= 0;
    go i;
  importJSON = path: builtins.fromJSON (builtins.readFile path);
  importTOML = path: builtins.fromTOML (builtins.readFile path);
}

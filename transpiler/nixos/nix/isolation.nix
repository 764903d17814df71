# psl's isolation module: what surrounds ONE service module evaluated alone. It declares NixOS's
# `assertions`, `warnings` and `meta`, gives modules their arguments (pkgs, utils), and makes every option
# nobody declares land in a freeform catch-all instead of failing: attribute sets merge per name, lists
# concatenate, other values keep the first definition. Whatever lands there is a system aspect psl does
# not carry over, listed by `foreignPaths`.
{ lib, pkgs }:
let
  inherit (lib) mkOption types;
  # Marks a caught name whose definitions were all dropped (mkIf false).
  unset = {
    _type = "psl-unset";
  };
  isPlainSet = v: builtins.isAttrs v && !(v ? outPath) && !(v ? _type && v._type == "psl-unset");
  caught = lib.mkOptionType {
    name = "psl-foreign";
    description = "an option of another part of NixOS";
    check = _: true;
    merge =
      loc: defs:
      if builtins.all (d: isPlainSet d.value) defs then
        (types.lazyAttrsOf caught).merge loc defs
      else if builtins.all (d: builtins.isList d.value) defs then
        builtins.concatMap (d: d.value) defs
      else
        (builtins.head defs).value;
    emptyValue = {
      value = unset;
    };
  };
in
{
  module = {
    _file = "psl isolation";
    freeformType = types.lazyAttrsOf caught;
    options = {
      assertions = mkOption {
        type = types.listOf types.unspecified;
        internal = true;
        default = [ ];
      };
      warnings = mkOption {
        type = types.listOf types.str;
        internal = true;
        default = [ ];
      };
      meta = mkOption {
        type = types.lazyAttrsOf types.unspecified;
        default = { };
      };
    };
    config._module.args = {
      inherit pkgs;
      utils = import ./utils.nix { inherit lib pkgs; };
    };
  };

  # The paths under `config` that no declaration owns (walking `options` alongside), leaves only.
  foreignPaths =
    options: config:
    let
      leaves =
        path: v:
        let
          forced = builtins.tryEval (isPlainSet v);
        in
        if !forced.success || (v._type or null) == "psl-unset" then
          [ ]
        else if forced.value && v != { } then
          builtins.concatMap (n: leaves (path ++ [ n ]) v.${n}) (builtins.attrNames v)
        else
          [ path ];
      walk =
        path: opts: cfg:
        builtins.concatMap (
          n:
          if !(opts ? ${n}) then
            leaves (path ++ [ n ]) cfg.${n}
          else if lib.isOption opts.${n} then
            [ ]
          else
            walk (path ++ [ n ]) opts.${n} cfg.${n}
        ) (builtins.attrNames cfg);
    in
    walk [ ] options config;
}

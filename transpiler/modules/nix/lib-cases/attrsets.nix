# lib differential case: attribute-set helpers service modules use
{ lib }:
with lib;
let
  s = { a = 1; b = 2; c = { d = 3; }; };
in
{
  mapped = [ (mapAttrs' (n: v: nameValuePair "x-${n}" v) { a = 1; }) (mapAttrsToList (n: v: "${n}=${toString v}") { a = 1; b = 2; }) (mapAttrs (n: v: v + 1) { a = 1; }) ];
  filtered = [ (filterAttrs (n: v: v > 1) { a = 1; b = 2; }) (filterAttrsRecursive (n: v: n != "x") { a = { x = 1; y = 2; }; }) ];
  gen = [ (genAttrs [ "a" "b" ] (n: "v-${n}")) (listToAttrs [ (nameValuePair "k" "v") ]) ];
  update = [ (recursiveUpdate { a = { b = 1; c = 2; }; } { a = { b = 3; }; d = 4; }) (s // { a = 9; }) ];
  paths = [ (attrByPath [ "c" "d" ] 0 s) (attrByPath [ "c" "x" ] 0 s) (setAttrByPath [ "a" "b" ] 1) (hasAttrByPath [ "c" "d" ] s) (getAttrFromPath [ "c" "d" ] s) ];
  optional = [ (optionalAttrs true { a = 1; }) (optionalAttrs false { a = 1; }) ];
  collected = [ (collect isInt s) (catAttrs "a" [ { a = 1; } { b = 2; } { a = 3; } ]) (attrVals [ "a" "b" ] s) (attrValues { x = 1; y = 2; }) (attrNames s) ];
  zipped = [ (zipAttrsWith (n: vs: vs) [ { a = 1; } { a = 2; b = 3; } ]) (zipAttrs [ { a = 1; } { a = 2; } ]) (foldAttrs (x: acc: [ x ] ++ acc) [ ] [ { a = 1; } { a = 2; } ]) ];
  recursive = [ (mapAttrsRecursive (path: v: concatStringsSep "." path) { a = { b = 1; }; }) (mapAttrsRecursiveCond (v: !(v ? stop)) (p: v: 1) { a = { stop = 1; }; }) ];
  concat = [ (concatMapAttrs (n: v: { "${n}1" = v; "${n}2" = v; }) { a = 1; }) (mergeAttrsList [ { a = 1; } { b = 2; } { a = 3; } ]) (attrsToList { a = 1; }) (foldlAttrs (acc: n: v: acc + v) 0 { a = 1; b = 2; }) ];
  matches = [ (matchAttrs { a = { b = 1; }; } { a = { b = 1; c = 2; }; }) (overrideExisting { a = 1; b = 2; } { a = 3; c = 4; }) (getAttrs [ "a" ] s) (intersectAttrs { a = 0; } s) ];
  show = [ (showAttrPath [ "a" "b c" ]) (showAttrPath [ ]) ];
}

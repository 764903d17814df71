# lib differential case: what types.path, types.package and types.str accept
{ lib }:
let
  t = lib.types;
  drv = { type = "derivation"; name = "x"; outPath = "/nix/store/00000000000000000000000000000000-x"; };
in
{
  path = map t.path.check [ "/etc" "etc" ./. drv 1 ];
  package = map t.package.check [ drv "/nix/store/00000000000000000000000000000000-x" "/tmp/x" 1 ];
  str = map t.str.check [ "x" 1 drv ];
  port = map t.port.check [ 0 65535 65536 (-1) ];
  nes = map t.nonEmptyStr.check [ "" " " "a" ];
  either = map (t.either t.int t.str).check [ 1 "a" true ];
}

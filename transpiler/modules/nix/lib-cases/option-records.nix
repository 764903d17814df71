# lib differential case: mkOption, mkEnableOption and mkPackageOption records
{ lib }:
let
  pkgs = { hello = { type = "derivation"; name = "hello-2.12"; outPath = "/nix/store/00000000000000000000000000000000-hello-2.12"; }; };
  strip = o: removeAttrs o [ "type" "_type" ] // { typeName = o.type.name; hasType = o ? type; };
in
{
  enable = strip (lib.mkEnableOption "the foo service");
  package = removeAttrs (strip (lib.mkPackageOption pkgs "hello" { })) [ "default" ] // { default = (lib.mkPackageOption pkgs "hello" { }).default.name; };
  nullable = strip (lib.mkPackageOption pkgs "hello" { nullable = true; default = null; });
  example = lib.mkOption { description = "d"; example = lib.literalExpression "x"; default = lib.literalMD "y"; };
}

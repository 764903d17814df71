# lib differential case: merges of scalar and compound types
{ lib }:
let
  inherit (lib) mkOption types;
  o = type: mkOption { inherit type; };
  config = (lib.evalModules {
  modules = [
    {
      options = {
        lines = o types.lines;
        commas = o types.commas;
        colon = o (types.separatedString ":");
        attrs = o types.attrs;
        any = o types.anything;
        either = o (types.either types.int types.str);
        oneOf = o (types.oneOf [ types.bool types.int (types.listOf types.str) ]);
        coerced = o (types.listOf (types.coercedTo types.port toString types.str));
        byOr = o types.boolByOr;
        unspec = o types.unspecified;
        lazy = o (types.lazyAttrsOf types.int);
        strict = o (types.attrsOf types.int);
        sl = o types.singleLineStr;
        nes = o types.nonEmptyStr;
        port = o types.port;
        pathv = o types.path;
        nullable = o (types.nullOr types.int);
      };
    }
    {
      lines = "a"; commas = "a"; colon = "/bin";
      attrs = { a = 1; b = { c = 1; }; };
      any = { a.b = 1; l = [ 1 ]; };
      either = 1; oneOf = [ "x" ]; coerced = [ 80 "http" ];
      byOr = false; unspec = [ 1 ];
      lazy = { a = 1; b = lib.mkIf false 2; };
      strict = { a = 1; b = lib.mkIf false 2; };
      sl = "one line\n"; nes = "x"; port = 65535; pathv = "/etc/x"; nullable = null;
    }
    {
      lines = "b"; commas = "b"; colon = "/usr/bin";
      attrs = { b = { d = 2; }; };
      any = { a.c = 2; l = [ 1 ]; };
      byOr = true; unspec = [ 2 ];
      lazy.c = 3;
    }
  ];
  }).config;
in
config // { lazy = { names = builtins.attrNames config.lazy; inherit (config.lazy) a c; }; }
